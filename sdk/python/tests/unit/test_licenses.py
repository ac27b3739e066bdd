"""The offline license-file verifier (R-LI-2): genuine files verify with the published keys; a
flipped byte, a wrong key or an unknown key id does not; rotation keeps old files verifiable; the
CLI says so with its exit status. Files are signed here as the format says (the platform's signer,
licensing's `domain/licensefile.py`, is checked against this verifier in licensing's unit tests)."""

from __future__ import annotations

import base64
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from channelhub_sdk.licenses import (
    FORMAT,
    InvalidLicense,
    keys_from_document,
    main,
    revoked_key_ids,
    verify,
    verify_license,
)
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

PAYLOAD = {"license_id": "l-1", "sku": "TOTAL-NET", "quantity": 2, "licensee": {"name": "Acme AG"}}


def sign(payload: dict[str, Any], *, key_id: str, private_key: Ed25519PrivateKey) -> dict[str, str]:
    """A file as the vendor signs it: base64url (unpadded) of JSON bytes and their Ed25519 signature."""
    data = json.dumps(payload).encode()
    return {
        "format": FORMAT,
        "key_id": key_id,
        "payload": base64.urlsafe_b64encode(data).rstrip(b"=").decode(),
        "signature": base64.urlsafe_b64encode(private_key.sign(data)).rstrip(b"=").decode(),
    }


def published(*keys: tuple[str, Ed25519PrivateKey, str]) -> dict[str, object]:
    return {
        "data": [
            {
                "key_id": key_id,
                "algorithm": "Ed25519",
                "public_key": base64.b64encode(
                    key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
                ).decode(),
                "status": status,
            }
            for key_id, key, status in keys
        ]
    }


def flip(text: str, at: int) -> str:
    replacement = "A" if text[at] != "A" else "B"
    return text[:at] + replacement + text[at + 1 :]


def test_r_li_2_a_signed_file_verifies_and_returns_its_payload() -> None:
    key = Ed25519PrivateKey.generate()
    document = sign(PAYLOAD, key_id="k1", private_key=key)
    assert document["format"] == "channelhub-license/1" and document["key_id"] == "k1"
    assert verify(document, keys_from_document(published(("k1", key, "active")))) == PAYLOAD


@pytest.mark.parametrize("field", ["payload", "signature"])
def test_r_li_2_a_flipped_byte_fails(field: str) -> None:
    key = Ed25519PrivateKey.generate()
    document = sign(PAYLOAD, key_id="k1", private_key=key)
    tampered = {**document, field: flip(document[field], 5)}
    with pytest.raises(InvalidLicense):
        verify(tampered, keys_from_document(published(("k1", key, "active"))))


def test_r_li_2_a_wrong_or_unknown_key_fails() -> None:
    key, other = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    document = sign(PAYLOAD, key_id="k1", private_key=key)
    with pytest.raises(InvalidLicense, match="signature"):
        verify(document, keys_from_document(published(("k1", other, "active"))))
    with pytest.raises(InvalidLicense, match="unknown key"):
        verify(document, keys_from_document(published(("k2", key, "active"))))


def test_r_li_2_rotation_keeps_files_of_the_retired_key_verifiable() -> None:
    old, new = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    before = sign(PAYLOAD, key_id="k1", private_key=old)
    after = sign(PAYLOAD, key_id="k2", private_key=new)
    keys = keys_from_document(published(("k1", old, "retired"), ("k2", new, "active")))
    assert verify(before, keys) == verify(after, keys) == PAYLOAD


def test_r_li_2_cli_exit_status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    key = Ed25519PrivateKey.generate()
    good = tmp_path / "license.json"
    bad = tmp_path / "tampered.json"
    keys = tmp_path / "keys.json"
    document = sign(PAYLOAD, key_id="k1", private_key=key)
    good.write_text(json.dumps(document))
    bad.write_text(json.dumps({**document, "payload": flip(document["payload"], 3)}))
    keys.write_text(json.dumps(published(("k1", key, "active"))))
    assert main(["verify", str(good), "--keys", str(keys)]) == 0
    assert json.loads(capsys.readouterr().out)["sku"] == "TOTAL-NET"
    assert main(["verify", str(bad), "--keys", str(keys)]) == 1
    assert "INVALID" in capsys.readouterr().err


WINDOW = {**PAYLOAD, "status": "active", "valid_from": "2026-12-01", "valid_until": "2026-12-31"}


def test_r_li_2_the_validity_window_is_checked_against_a_day_with_an_exclusive_end() -> None:
    key = Ed25519PrivateKey.generate()
    keys = keys_from_document(published(("k1", key, "active")))
    document = sign({**WINDOW, "valid_before": "2027-01-01"}, key_id="k1", private_key=key)
    assert verify(document, keys, on=date(2026, 12, 1))["sku"] == "TOTAL-NET"
    assert verify(document, keys, on=date(2026, 12, 31))
    with pytest.raises(InvalidLicense, match="ended"):
        verify(document, keys, on=date(2027, 1, 1))
    with pytest.raises(InvalidLicense, match="valid from"):
        verify(document, keys, on=date(2026, 11, 30))
    # a version-1 file (no valid_before): its valid_until is the last day
    old = sign(WINDOW, key_id="k1", private_key=key)
    assert verify(old, keys, on=date(2026, 12, 31))
    with pytest.raises(InvalidLicense):
        verify(old, keys, on=date(2027, 1, 1))
    with pytest.raises(InvalidLicense, match="revoked"):
        verify(
            sign({**WINDOW, "status": "revoked"}, key_id="k1", private_key=key), keys, on=date(2026, 12, 5)
        )


def test_r_li_2_a_revoked_key_verifies_nothing(tmp_path: Path) -> None:
    key = Ed25519PrivateKey.generate()
    document = published(("k1", key, "revoked"))
    assert keys_from_document(document) == {}
    signed = sign(WINDOW, key_id="k1", private_key=key)
    with pytest.raises(InvalidLicense, match="revoked key"):
        verify(signed, keys_from_document(document), revoked=revoked_key_ids(document))
    (tmp_path / "l.json").write_text(json.dumps(signed))
    (tmp_path / "k.json").write_text(json.dumps(document))
    assert (
        main(["verify", str(tmp_path / "l.json"), "--keys", str(tmp_path / "k.json"), "--on", "2026-12-05"])
        == 1
    )


def test_r_li_2_cli_checks_the_day(tmp_path: Path) -> None:
    key = Ed25519PrivateKey.generate()
    (tmp_path / "k.json").write_text(json.dumps(published(("k1", key, "active"))))
    (tmp_path / "l.json").write_text(json.dumps(sign(WINDOW, key_id="k1", private_key=key)))
    args = ["verify", str(tmp_path / "l.json"), "--keys", str(tmp_path / "k.json"), "--on"]
    assert main([*args, "2026-12-31"]) == 0
    assert main([*args, "2027-01-01"]) == 1


def test_r_li_2_verify_license_takes_the_published_document_as_it_is() -> None:
    key, compromised = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    keys = published(("k1", key, "active"), ("k0", compromised, "revoked"))
    assert verify_license(sign(WINDOW, key_id="k1", private_key=key), keys, on=date(2026, 12, 5)) == WINDOW
    with pytest.raises(InvalidLicense, match="revoked key"):
        verify_license(sign(WINDOW, key_id="k0", private_key=compromised), keys, on=date(2026, 12, 5))
    with pytest.raises(InvalidLicense, match="not a channelhub-license/1"):
        verify_license({"format": "other"}, keys)
    with pytest.raises(InvalidLicense, match="base64url"):
        verify_license({"format": FORMAT, "key_id": "k1", "payload": 5, "signature": "x"}, keys)
