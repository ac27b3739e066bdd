"""Standard Webhooks signatures (https://www.standardwebhooks.com): how a partner checks ChannelHub's
webhook deliveries. Standard library only; tested against the reference `standardwebhooks` library
(which the platform signs with) and the specification's published test vector.

A delivery carries three headers: `webhook-id` (the message id, the same on every retry),
`webhook-timestamp` (Unix seconds) and `webhook-signature`: space-separated `v1,<base64 HMAC-SHA256>`
entries over `"{id}.{timestamp}.{body}"`, keyed by the secret's bytes (`whsec_<base64>`). During a
secret rotation a delivery carries one entry per valid secret; any one matching is enough.

In a receiver (any framework: the headers as received, the body's exact bytes)::

    from channelhub_sdk.webhooks import InvalidSignature, verify_webhook
    event = verify_webhook(secret, request.headers, request.body)   # the CloudEvents envelope

On the command line::

    python -m channelhub_sdk.webhooks --secret whsec_… --id msg_… --timestamp 1700000000 \\
        --signature "v1,…" < body.json        # exit 0 when genuine and fresh, 1 otherwise
"""

from __future__ import annotations

import argparse
import base64
import binascii
import hashlib
import hmac
import json
import sys
import time
from collections.abc import Mapping
from typing import Any

SECRET_PREFIX = "whsec_"
TOLERANCE_SECONDS = 5 * 60  # older (or newer) messages are refused: a replayed capture fails


class InvalidSignature(ValueError):
    """The delivery is not genuine (or not fresh); the message says why."""


def secret_bytes(secret: str) -> bytes:
    body = secret[len(SECRET_PREFIX) :] if secret.startswith(SECRET_PREFIX) else secret
    try:
        return base64.b64decode(body, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise InvalidSignature("the secret is not whsec_<base64>") from exc


def sign(secret: str, msg_id: str, timestamp: int, body: bytes) -> str:
    """One `v1,<base64>` signature entry (to test a receiver with; the platform signs with the
    reference library)."""
    to_sign = f"{msg_id}.{timestamp}.".encode() + body
    digest = hmac.new(secret_bytes(secret), to_sign, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def signature_header(secrets: list[str], msg_id: str, timestamp: int, body: bytes) -> str:
    """The `webhook-signature` header: one entry per secret in force (rotation overlap)."""
    return " ".join(sign(secret, msg_id, timestamp, body) for secret in secrets)


def verify(
    secret: str | list[str],
    *,
    msg_id: str,
    timestamp: str,
    signature: str,
    body: bytes,
    now: float | None = None,
    tolerance: int = TOLERANCE_SECONDS,
) -> None:
    """Raise InvalidSignature unless one `v1` entry of `signature` is ours for this message and
    the timestamp is within `tolerance` seconds of `now`. During a rotation pass both secrets."""
    try:
        sent = int(timestamp)
    except ValueError as exc:
        raise InvalidSignature("webhook-timestamp is not a number") from exc
    current = time.time() if now is None else now
    if abs(current - sent) > tolerance:
        raise InvalidSignature("webhook-timestamp is outside the tolerance (a replay, or a clock far off)")
    secrets = [secret] if isinstance(secret, str) else secret
    expected = [sign(s, msg_id, sent, body).split(",", 1)[1] for s in secrets]
    for entry in signature.split():
        version, _, value = entry.partition(",")
        if version == "v1" and any(hmac.compare_digest(value, e) for e in expected):
            return
    raise InvalidSignature("no signature matches")


def verify_webhook(
    secret: str | list[str],
    headers: Mapping[str, str],
    body: bytes,
    *,
    now: float | None = None,
    tolerance: int = TOLERANCE_SECONDS,
) -> dict[str, Any]:
    """The delivery's CloudEvents envelope if `headers` (as received; any case) sign `body` (its
    exact bytes) with `secret` and are fresh; InvalidSignature otherwise."""
    lower = {k.lower(): v for k, v in headers.items()}
    missing = [h for h in ("webhook-id", "webhook-timestamp", "webhook-signature") if not lower.get(h)]
    if missing:
        raise InvalidSignature(f"missing header {', '.join(missing)}")
    verify(
        secret,
        msg_id=lower["webhook-id"],
        timestamp=lower["webhook-timestamp"],
        signature=lower["webhook-signature"],
        body=body,
        now=now,
        tolerance=tolerance,
    )
    try:
        envelope = json.loads(body)
    except ValueError as exc:
        raise InvalidSignature("the body is not JSON") from exc
    if not isinstance(envelope, dict):
        raise InvalidSignature("the body is not a JSON object")
    return envelope


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m channelhub_sdk.webhooks", description="verify a webhook delivery"
    )
    parser.add_argument("--secret", required=True)
    parser.add_argument("--id", required=True, help="the webhook-id header")
    parser.add_argument("--timestamp", required=True, help="the webhook-timestamp header")
    parser.add_argument("--signature", required=True, help="the webhook-signature header")
    parser.add_argument(
        "--tolerance", type=int, default=TOLERANCE_SECONDS, help="seconds a delivery stays fresh (300)"
    )
    args = parser.parse_args(argv)
    try:
        verify(
            args.secret,
            msg_id=args.id,
            timestamp=args.timestamp,
            signature=args.signature,
            body=sys.stdin.buffer.read(),
            tolerance=args.tolerance,
        )
    except InvalidSignature as exc:
        print(f"INVALID: {exc}", file=sys.stderr)
        return 1
    print("valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
