"""R-PL-2: the SDK's Standard Webhooks verifier — the specification's published vector, the reference
`standardwebhooks` library both ways, tampering, replays outside the tolerance, rotation, bad headers."""

from __future__ import annotations

import io
import sys
from datetime import UTC, datetime

import pytest
import standardwebhooks
from channelhub_sdk.webhooks import InvalidSignature, main, sign, signature_header, verify, verify_webhook

# the test vector of the Standard Webhooks libraries (secret, id, timestamp, body → signature)
VECTOR_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
VECTOR_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek"
VECTOR_TS = 1614265330
VECTOR_BODY = b'{"test": 2432232314}'
VECTOR_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="


def headers(msg_id: str, ts: int, signature: str) -> dict[str, str]:
    return {"webhook-id": msg_id, "webhook-timestamp": str(ts), "webhook-signature": signature}


def test_r_pl_2_the_published_vector_signs_and_verifies() -> None:
    assert sign(VECTOR_SECRET, VECTOR_ID, VECTOR_TS, VECTOR_BODY) == VECTOR_SIGNATURE
    got = verify_webhook(
        VECTOR_SECRET, headers(VECTOR_ID, VECTOR_TS, VECTOR_SIGNATURE), VECTOR_BODY, now=VECTOR_TS
    )
    assert got == {"test": 2432232314}
    # the vector's entry among others (a future version, a rotated secret's): one matching is enough
    crowded = f"v2,Zm9v v1,{'A' * 43}= {VECTOR_SIGNATURE}"
    verify(
        VECTOR_SECRET,
        msg_id=VECTOR_ID,
        timestamp=str(VECTOR_TS),
        signature=crowded,
        body=VECTOR_BODY,
        now=VECTOR_TS,
    )


def test_r_pl_2_the_reference_library_and_the_sdk_agree_both_ways() -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    ts = int(now.timestamp())
    body = b'{"type":"ordering.order.placed.v1","data":{"total":{"amount":"10.00"}}}'
    reference = standardwebhooks.Webhook(VECTOR_SECRET)
    theirs = reference.sign("msg_1", now, body.decode())
    assert (
        verify_webhook(VECTOR_SECRET, headers("msg_1", ts, theirs), body)["type"]
        == "ordering.order.placed.v1"
    )
    ours = signature_header([VECTOR_SECRET], "msg_1", ts, body)
    assert ours == theirs
    assert reference.verify(body, headers("msg_1", ts, ours)) is not None


def test_r_pl_2_tampering_other_ids_and_unknown_secrets_fail() -> None:
    good = headers(VECTOR_ID, VECTOR_TS, VECTOR_SIGNATURE)
    with pytest.raises(InvalidSignature, match="no signature matches"):
        verify_webhook(VECTOR_SECRET, good, b'{"test": 2432232315}', now=VECTOR_TS)
    with pytest.raises(InvalidSignature, match="no signature matches"):
        verify_webhook(VECTOR_SECRET, {**good, "webhook-id": "msg_other"}, VECTOR_BODY, now=VECTOR_TS)
    with pytest.raises(InvalidSignature, match="no signature matches"):
        verify_webhook("whsec_" + "QUJD" * 8, good, VECTOR_BODY, now=VECTOR_TS)


def test_r_pl_2_a_replay_outside_the_tolerance_fails() -> None:
    good = headers(VECTOR_ID, VECTOR_TS, VECTOR_SIGNATURE)
    verify_webhook(VECTOR_SECRET, good, VECTOR_BODY, now=VECTOR_TS + 300)  # five minutes: still fresh
    with pytest.raises(InvalidSignature, match="tolerance"):
        verify_webhook(VECTOR_SECRET, good, VECTOR_BODY, now=VECTOR_TS + 301)
    with pytest.raises(InvalidSignature, match="tolerance"):
        verify_webhook(VECTOR_SECRET, good, VECTOR_BODY, now=VECTOR_TS - 301)  # from the future
    with pytest.raises(InvalidSignature, match="tolerance"):
        verify_webhook(VECTOR_SECRET, good, VECTOR_BODY)  # the real now: years later


def test_r_pl_2_a_rotation_verifies_with_either_secret() -> None:
    other = "whsec_" + "QUJD" * 8
    both = signature_header([other, VECTOR_SECRET], VECTOR_ID, VECTOR_TS, VECTOR_BODY)
    for secret in (other, VECTOR_SECRET, [other, VECTOR_SECRET]):
        verify_webhook(secret, headers(VECTOR_ID, VECTOR_TS, both), VECTOR_BODY, now=VECTOR_TS)


def test_r_pl_2_missing_or_malformed_headers_are_refused_not_crashed() -> None:
    with pytest.raises(InvalidSignature, match="missing header webhook-signature"):
        verify_webhook(VECTOR_SECRET, {"webhook-id": "m", "webhook-timestamp": "1"}, b"{}", now=1)
    with pytest.raises(InvalidSignature, match="not a number"):
        verify_webhook(VECTOR_SECRET, headers("m", 1, "v1,x") | {"webhook-timestamp": "soon"}, b"{}", now=1)
    with pytest.raises(InvalidSignature, match="no signature matches"):
        verify_webhook(VECTOR_SECRET, headers("m", 1, "garbage"), b"{}", now=1)
    with pytest.raises(InvalidSignature, match="secret"):
        verify_webhook("whsec_not base64!", headers("m", 1, "v1,x"), b"{}", now=1)
    # headers as a framework hands them over: any case
    upper = {k.upper(): v for k, v in headers(VECTOR_ID, VECTOR_TS, VECTOR_SIGNATURE).items()}
    assert verify_webhook(VECTOR_SECRET, upper, VECTOR_BODY, now=VECTOR_TS) == {"test": 2432232314}
    # signed, but not an object: not a delivery of ours
    array = b"[1]"
    with pytest.raises(InvalidSignature, match="not a JSON object"):
        verify_webhook(VECTOR_SECRET, headers("m", 1, sign(VECTOR_SECRET, "m", 1, array)), array, now=1)


def test_r_pl_2_cli_exit_status(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def run(body: bytes, signature: str) -> int:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(body)))
        args = ["--secret", VECTOR_SECRET, "--id", VECTOR_ID, "--timestamp", str(VECTOR_TS)]
        return main([*args, "--signature", signature, "--tolerance", str(10**10)])

    assert run(VECTOR_BODY, VECTOR_SIGNATURE) == 0 and "valid" in capsys.readouterr().out
    assert run(b"{}", VECTOR_SIGNATURE) == 1 and "INVALID" in capsys.readouterr().err
