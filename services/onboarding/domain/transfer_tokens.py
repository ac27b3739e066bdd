"""Transfer (purchase authorisation) tokens for importing a customer (R-CU-5).

A customer issues a token for one product family; another reseller presents it to import the
customer. The token is a bearer secret, so only its SHA-256 hash is stored: a leaked database
does not let anyone import customers. (A plain hash suffices because the token carries 256
random bits; salting and slow hashing protect low-entropy passwords, not random keys.)
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

TOKEN_BYTES = 32  # 256 bits of randomness, twice the 128-bit floor for unguessable secrets


def new_transfer_token() -> str:
    """A fresh token, URL-safe so it can be pasted into forms and URLs unchanged."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def hash_token(token: str) -> str:
    """The SHA-256 hex digest under which a token is stored and looked up."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class StoredToken:
    token_hash: str
    product_family: str
    expires_at: datetime
    used_at: datetime | None = None


class TransferTokenRefused(Exception):
    """The import is refused because of its token; `code` is the stable problem code."""

    code: ClassVar[str] = "transfer-token-refused"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class TransferTokenInvalid(TransferTokenRefused):
    code = "transfer-token-invalid"


class TransferTokenExpired(TransferTokenRefused):
    code = "transfer-token-expired"


class TransferTokenUsed(TransferTokenRefused):
    code = "transfer-token-used"


class TransferTokenWrongFamily(TransferTokenRefused):
    code = "transfer-token-wrong-family"


def _require_aware(name: str, moment: datetime) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name} must be a timezone-aware datetime")


def check_transfer_token(
    *,
    stored: StoredToken | None,
    presented_hash: str,
    product_family: str | None,
    domain_matches: bool,
    now: datetime,
) -> None:
    """Return if the presented token lets the caller import the customer, else raise.

    `stored` is the token found for the customer being imported (None if there is none);
    `presented_hash` is `hash_token` of what the reseller sent; `domain_matches` says whether
    the domain in the request is the domain of the customer the token belongs to;
    `product_family` is the family the reseller imports for, or None when the request does not
    name one (then the token's own family scopes the import).

    Order matters. A missing token, a different token and a token of another customer's domain
    all give the same `TransferTokenInvalid`, so a caller cannot probe which tokens or domains
    exist. Only once the caller has proven it holds the right token does it learn the more
    specific reason (used, expired, other family).
    """
    _require_aware("now", now)
    if stored is None:
        raise TransferTokenInvalid("the transfer token is not valid")
    # Constant-time comparison, so response times do not reveal how much of a hash matched.
    if not hmac.compare_digest(stored.token_hash.encode("utf-8"), presented_hash.encode("utf-8")):
        raise TransferTokenInvalid("the transfer token is not valid")
    if not domain_matches:
        raise TransferTokenInvalid("the transfer token is not valid")
    # "Used" before "expired": a consumed token that has also run out is best explained by the
    # import that already happened.
    if stored.used_at is not None:
        raise TransferTokenUsed("the transfer token has already been used")
    _require_aware("expires_at", stored.expires_at)
    if now >= stored.expires_at:
        raise TransferTokenExpired("the transfer token has expired; ask the customer for a new one")
    if product_family is not None and product_family != stored.product_family:
        raise TransferTokenWrongFamily(
            f"the transfer token authorises {stored.product_family!r}, not {product_family!r}"
        )
