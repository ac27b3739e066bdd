"""R-LI-2: the files licensing signs are the files the partners' SDK verifies offline — the two
sides of the format (`domain/licensefile.py` here, `channelhub_sdk.licenses` in sdk/python)."""

from __future__ import annotations

import base64
import json
from datetime import date

import pytest
from channelhub_sdk.licenses import FORMAT, InvalidLicense, verify_license
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from services.licensing.domain import licensefile

PAYLOAD = {"license_id": "l-1", "sku": "TOTAL-NET", "licensee": {"name": "Zürich AG"}, "status": "active"}


def published(key_id: str, key: Ed25519PrivateKey) -> dict[str, object]:
    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return {
        "data": [
            {
                "key_id": key_id,
                "algorithm": "Ed25519",
                "public_key": base64.b64encode(raw).decode(),
                "status": "active",
            }
        ]
    }


def test_r_li_2_a_file_licensing_signs_verifies_with_the_sdk() -> None:
    key = Ed25519PrivateKey.generate()
    document = licensefile.sign(PAYLOAD, key_id="k1", private_key=key)
    assert licensefile.FORMAT == FORMAT and document["format"] == FORMAT
    assert verify_license(document, published("k1", key), on=date(2026, 12, 1)) == PAYLOAD
    # the payload is the exact signed bytes: canonical JSON, UTF-8 (no escapes), unpadded base64url
    raw = base64.urlsafe_b64decode(document["payload"] + "=" * (-len(document["payload"]) % 4))
    assert raw == json.dumps(PAYLOAD, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    assert "=" not in document["payload"] + document["signature"]
    with pytest.raises(InvalidLicense, match="signature"):
        verify_license(document, published("k1", Ed25519PrivateKey.generate()))
