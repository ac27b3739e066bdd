"""Signing webhook deliveries (R-PL-2) with the Standard Webhooks reference library.

`webhook-signature` is one `v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">` entry per secret
in force (both during a rotation's overlap). Partners verify with the SDK (`channelhub_sdk.webhooks`),
which is tested against this library.
"""

from __future__ import annotations

from datetime import UTC, datetime

from standardwebhooks import Webhook


def signature_header(secrets: list[str], msg_id: str, timestamp: int, body: bytes) -> str:
    """The `webhook-signature` header for a delivery sent at `timestamp` (Unix seconds)."""
    sent = datetime.fromtimestamp(timestamp, UTC)
    return " ".join(Webhook(secret).sign(msg_id, sent, body.decode()) for secret in secrets)
