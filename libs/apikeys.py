"""API keys: random, shown once, stored only as a SHA-256 hash.

Keys carry 256 bits of randomness, so a fast hash is enough (there is nothing
to brute-force); the visible prefix tells people which key is which.
"""

from __future__ import annotations

import hashlib
import secrets


def new_api_key(kind: str) -> str:
    """e.g. `chk_res_8ZQ…` for a reseller key, `chk_cus_…` for a customer key."""
    return f"chk_{kind[:3]}_{secrets.token_urlsafe(32)}"


def hash_api_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def display_prefix(key: str) -> str:
    return key[:12]
