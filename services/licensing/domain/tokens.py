"""Single-use invitation tokens (R-LI-4): random, shown to the invitee once (by e-mail), kept only as
a SHA-256 digest, so a leaked table grants no seat."""

from __future__ import annotations

import hashlib
import secrets


def new_token() -> str:
    return "inv_" + secrets.token_urlsafe(32)


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
