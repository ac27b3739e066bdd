"""Signing license files (`channelhub-license/1`, R-LI-2): the vendor's side of the format.

The document is `{format, key_id, payload, signature}`: `payload` is base64url (unpadded) of the
UTF-8 JSON bytes, `signature` base64url of their Ed25519 signature. Verifying is the partner's side
and lives in the SDK (`sdk/python`, `channelhub_sdk.licenses`), which a vendor's product embeds;
licensing's unit tests sign here and verify there, so the two sides cannot drift apart.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Mapping
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

FORMAT = "channelhub-license/1"


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def sign(payload: Mapping[str, Any], *, key_id: str, private_key: Ed25519PrivateKey) -> dict[str, str]:
    """The license file for `payload`, signed with `private_key` (whose published id is `key_id`)."""
    data = json.dumps(dict(payload), sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    return {
        "format": FORMAT,
        "key_id": key_id,
        "payload": b64url(data),
        "signature": b64url(private_key.sign(data)),
    }
