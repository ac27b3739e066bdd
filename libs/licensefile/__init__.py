"""ChannelHub license files (`channelhub-license/1`): signed by the vendor, verifiable offline (R-LI-2).

A license file is a small JSON document::

    {"format": "channelhub-license/1",
     "key_id": "lk-2026-1",
     "payload": "<base64url of the signed bytes>",
     "signature": "<base64url of the Ed25519 signature over exactly those bytes>"}

The payload bytes are a UTF-8 JSON object (licensee, sku, quantity or seats, validity, order id,
issued_at, license id). Verifying needs nothing but the vendor's published public keys
(`GET /v1/license-signing-keys`) and this module, which depends only on `cryptography` and the
standard library so a vendor's product can embed it as it is. The signature covers the payload's
exact bytes, so nothing is re-serialised before checking: a flipped byte anywhere fails.

Keys rotate: every key has an id; a retired key stays published, so files it signed keep verifying.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Mapping
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

FORMAT = "channelhub-license/1"


class InvalidLicense(ValueError):
    """The document is not a valid ChannelHub license file; the message says why."""


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64url(text: str) -> bytes:
    if not isinstance(text, str):
        raise InvalidLicense("payload and signature must be base64url strings")
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError) as exc:
        raise InvalidLicense("payload or signature is not base64url") from exc


def sign(payload: Mapping[str, Any], *, key_id: str, private_key: Ed25519PrivateKey) -> dict[str, str]:
    """The license file for `payload`, signed with `private_key` (whose published id is `key_id`)."""
    data = json.dumps(dict(payload), sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    return {
        "format": FORMAT,
        "key_id": key_id,
        "payload": b64url(data),
        "signature": b64url(private_key.sign(data)),
    }


def public_key_from_base64(text: str) -> Ed25519PublicKey:
    """A key as `GET /v1/license-signing-keys` publishes it: base64 of the raw 32 bytes."""
    try:
        raw = base64.b64decode(text, validate=True)
        return Ed25519PublicKey.from_public_bytes(raw)
    except (binascii.Error, ValueError) as exc:
        raise InvalidLicense("a public key is not base64 of 32 raw Ed25519 bytes") from exc


def keys_from_document(document: Mapping[str, Any]) -> dict[str, Ed25519PublicKey]:
    """{key_id: key} from the JSON answer of `GET /v1/license-signing-keys`."""
    return {
        k["key_id"]: public_key_from_base64(k["public_key"])
        for k in document.get("data", [])
        if k.get("algorithm") == "Ed25519"
    }


def verify(document: Mapping[str, Any], keys: Mapping[str, Ed25519PublicKey]) -> dict[str, Any]:
    """The license's payload, if the document is a license file signed by one of `keys`;
    InvalidLicense otherwise."""
    if document.get("format") != FORMAT:
        raise InvalidLicense(f"not a {FORMAT} document")
    key = keys.get(str(document.get("key_id")))
    if key is None:
        raise InvalidLicense(f"signed with an unknown key {document.get('key_id')!r}")
    data = _unb64url(document.get("payload"))  # type: ignore[arg-type]
    signature = _unb64url(document.get("signature"))  # type: ignore[arg-type]
    try:
        key.verify(signature, data)
    except InvalidSignature as exc:
        raise InvalidLicense("the signature does not match the payload") from exc
    try:
        payload = json.loads(data)
    except ValueError as exc:  # signed, but not JSON: not a file we issued
        raise InvalidLicense("the payload is not JSON") from exc
    if not isinstance(payload, dict):
        raise InvalidLicense("the payload is not a JSON object")
    return payload
