"""Webhook secrets at rest: AES-256-GCM with a key from the settings (`CHANNELHUB_WEBHOOK_SECRET_KEYS`).

A stored secret reads `enc:v1:<key id>:<base64(nonce ‖ ciphertext ‖ tag)>`, bound to its purpose
(associated data), so a database dump shows no secret that signs. The first configured key encrypts,
every configured key decrypts: to rotate, put a new key first, restart, and rotate the endpoints'
secrets (or re-encrypt) before dropping the old key. A value stored in plain text before this existed
(`whsec_…`) is still read, and encrypted at its next rotation.
"""

from __future__ import annotations

import base64
import hashlib
import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from services.notifications.config import notifications_config

PREFIX = "enc:v1:"
AAD = b"channelhub:webhook-secret:v1"
# development (`make run`, tests) without configured keys only: never a production key
DEV_KEY = ("dev", hashlib.sha256(b"channelhub development webhook secret key").digest())


class SecretKeyMissing(RuntimeError):
    pass


def keys() -> list[tuple[str, bytes]]:
    config = notifications_config()
    found: list[tuple[str, bytes]] = []
    for item in config.secret_keys.split(","):
        if not item.strip():
            continue
        kid, _, b64 = item.strip().partition(":")
        key = base64.b64decode(b64)
        if not kid or len(key) != 32:
            raise SecretKeyMissing("CHANNELHUB_WEBHOOK_SECRET_KEYS: each entry is kid:base64(32 bytes)")
        found.append((kid, key))
    if not found:
        if not config.dev_mode:
            raise SecretKeyMissing("CHANNELHUB_WEBHOOK_SECRET_KEYS is required outside development")
        found.append(DEV_KEY)
    return found


def seal(secret: str) -> str:
    kid, key = keys()[0]
    nonce = os.urandom(12)
    sealed = AESGCM(key).encrypt(nonce, secret.encode(), AAD)
    return f"{PREFIX}{kid}:{base64.b64encode(nonce + sealed).decode()}"


def open_secret(stored: str) -> str:
    if not stored.startswith(PREFIX):
        return stored  # stored before encryption at rest (plain `whsec_…`)
    kid, _, b64 = stored[len(PREFIX) :].partition(":")
    key = dict(keys()).get(kid)
    if key is None:
        raise SecretKeyMissing(f"no webhook secret key {kid!r} is configured")
    raw = base64.b64decode(b64)
    return AESGCM(key).decrypt(raw[:12], raw[12:], AAD).decode()
