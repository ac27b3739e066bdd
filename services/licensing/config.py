"""Licensing's settings: temporary licenses, invitations, and the keys that sign license files."""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from pydantic import Field

from libs.settings import ServiceSettings, get_settings, settings_of


@dataclass(frozen=True)
class SigningKey:
    key_id: str
    public_key: Ed25519PublicKey
    private_key: Ed25519PrivateKey | None  # only the active key signs; retired ones only verify
    status: str  # active | retired | revoked (compromised: published so verifiers refuse its files)


class LicensingConfig(ServiceSettings):
    # R-LI-3: how long a temporary license runs while the prepayment is awaited
    temporary_license_days: int = Field(30, ge=1, le=365, alias="CHANNELHUB_TEMPORARY_LICENSE_DAYS")
    # R-LI-3: how many more temporary licenses an order may get after its first one ended (default none)
    temporary_license_extensions: int = Field(0, ge=0, le=12, alias="CHANNELHUB_TEMPORARY_LICENSE_EXTENSIONS")
    # R-LI-2: a subscription's or WaaS license's file verifies for at most this many days after signing
    license_file_days: int = Field(31, ge=1, le=366, alias="CHANNELHUB_LICENSE_FILE_DAYS")
    # R-LI-4: how long a seat invitation can be activated
    invitation_days: int = Field(14, ge=1, le=90, alias="CHANNELHUB_SEAT_INVITATION_DAYS")
    # JSON list: [{"key_id": "lk-2026-1", "private_key": "<base64 32-byte seed>", "status": "active"},
    #             {"key_id": "lk-2025-1", "public_key": "<base64 32 bytes>", "status": "retired"},
    #             {"key_id": "lk-2024-1", "public_key": "<base64 32 bytes>", "status": "revoked"}]
    # Empty in development: one key derived from the service-token secret (stable per stack).
    signing_keys: str = Field("", alias="CHANNELHUB_LICENSE_SIGNING_KEYS")
    dev_mode: bool = Field(False, alias="CHANNELHUB_DEV_MODE")

    def check(self) -> None:
        self.keys()  # a malformed key list fails at start, not at the first download

    def refuse_unsafe_start(self) -> None:
        """Outside development the signing keys are explicit: a production start without them is
        refused rather than signing with a key derived from the shared service-token key."""
        if not self.signing_keys and not self.dev_mode:
            raise RuntimeError("CHANNELHUB_LICENSE_SIGNING_KEYS is required outside development")

    def keys(self) -> list[SigningKey]:
        if not self.signing_keys:
            seed = hashlib.sha256(
                b"channelhub-license-dev|" + get_settings().service_token_private_key.encode()
            )
            private = Ed25519PrivateKey.from_private_bytes(seed.digest())
            return [SigningKey("dev-1", private.public_key(), private, "active")]
        keys = []
        for entry in json.loads(self.signing_keys):
            if entry.get("private_key"):
                private = Ed25519PrivateKey.from_private_bytes(base64.b64decode(entry["private_key"]))
                keys.append(
                    SigningKey(entry["key_id"], private.public_key(), private, entry.get("status", "active"))
                )
            else:
                raw = base64.b64decode(entry["public_key"], validate=True)  # the 32 raw bytes
                public = Ed25519PublicKey.from_public_bytes(raw)
                status = "revoked" if entry.get("status") == "revoked" else "retired"
                keys.append(SigningKey(entry["key_id"], public, None, status))
        active = [k for k in keys if k.status == "active" and k.private_key is not None]
        if len(active) != 1:
            raise ValueError(
                "CHANNELHUB_LICENSE_SIGNING_KEYS needs exactly one active key with its private key"
            )
        return keys

    def active_key(self) -> SigningKey:
        return next(k for k in self.keys() if k.status == "active")


licensing_config = settings_of(LicensingConfig)
