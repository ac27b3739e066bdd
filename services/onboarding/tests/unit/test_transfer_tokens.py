"""Transfer tokens for importing a customer from another reseller (R-CU-5)."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import re
from datetime import UTC, datetime, timedelta, timezone

import pytest

from services.onboarding.domain.transfer_tokens import (
    StoredToken,
    TransferTokenExpired,
    TransferTokenInvalid,
    TransferTokenRefused,
    TransferTokenUsed,
    TransferTokenWrongFamily,
    check_transfer_token,
    hash_token,
    new_transfer_token,
)

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
TOKEN = new_transfer_token()


def stored(**changes: object) -> StoredToken:
    token = StoredToken(
        token_hash=hash_token(TOKEN),
        product_family="workspace",
        expires_at=NOW + timedelta(days=7),
        used_at=None,
    )
    return dataclasses.replace(token, **changes)  # type: ignore[arg-type]


def check(**changes: object) -> None:
    arguments: dict[str, object] = {
        "stored": stored(),
        "presented_hash": hash_token(TOKEN),
        "product_family": "workspace",
        "domain_matches": True,
        "now": NOW,
    }
    arguments.update(changes)
    check_transfer_token(**arguments)  # type: ignore[arg-type]


# --- issuing ---------------------------------------------------------------------------------


def test_r_cu_5_token_carries_at_least_128_random_bits() -> None:
    token = new_transfer_token()
    assert re.fullmatch(r"[A-Za-z0-9_-]+", token)  # URL-safe, pasteable
    raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    assert len(raw) * 8 >= 128


def test_r_cu_5_tokens_are_unique() -> None:
    assert len({new_transfer_token() for _ in range(1000)}) == 1000


def test_r_cu_5_only_a_sha256_hash_is_stored() -> None:
    token = new_transfer_token()
    digest = hash_token(token)
    assert digest == hashlib.sha256(token.encode()).hexdigest()
    assert re.fullmatch(r"[0-9a-f]{64}", digest)
    assert token not in digest
    assert hash_token(token) == digest  # deterministic, so it can be looked up
    assert hash_token(token + "x") != digest


# --- checking --------------------------------------------------------------------------------


def test_r_cu_5_valid_token_is_accepted() -> None:
    check()


def test_r_cu_5_valid_token_without_named_family_is_accepted() -> None:
    check(product_family=None)


def test_r_cu_5_valid_token_is_accepted_in_any_time_zone() -> None:
    check(now=NOW.astimezone(timezone(timedelta(hours=-5))))


def test_r_cu_5_unknown_token_is_refused() -> None:
    with pytest.raises(TransferTokenInvalid):
        check(stored=None)


@pytest.mark.parametrize("presented", ["wrong", "", TOKEN, hash_token(TOKEN).upper(), "é" * 64])
def test_r_cu_5_token_with_other_hash_is_refused(presented: str) -> None:
    # Includes the raw token itself: the caller must hash before comparing.
    with pytest.raises(TransferTokenInvalid):
        check(presented_hash=presented if presented != "wrong" else hash_token("wrong"))


def test_r_cu_5_token_for_another_customers_domain_is_refused() -> None:
    with pytest.raises(TransferTokenInvalid):
        check(domain_matches=False)


@pytest.mark.parametrize("after", [timedelta(0), timedelta(seconds=1), timedelta(days=30)])
def test_r_cu_5_expired_token_is_refused(after: timedelta) -> None:
    with pytest.raises(TransferTokenExpired):
        check(stored=stored(expires_at=NOW - after))


def test_r_cu_5_token_is_valid_until_just_before_it_expires() -> None:
    check(stored=stored(expires_at=NOW + timedelta(microseconds=1)))


def test_r_cu_5_used_token_is_refused() -> None:
    with pytest.raises(TransferTokenUsed):
        check(stored=stored(used_at=NOW - timedelta(hours=1)))


def test_r_cu_5_used_and_expired_token_is_reported_as_used() -> None:
    with pytest.raises(TransferTokenUsed):
        check(stored=stored(used_at=NOW - timedelta(days=2), expires_at=NOW - timedelta(days=1)))


@pytest.mark.parametrize("family", ["cloud_identity", "Workspace", "", "workspace "])
def test_r_cu_5_token_for_another_product_family_is_refused(family: str) -> None:
    with pytest.raises(TransferTokenWrongFamily, match="workspace"):
        check(product_family=family)


@pytest.mark.parametrize(
    "changes",
    [
        {"stored": None},
        {"presented_hash": hash_token("other")},
        {"domain_matches": False},
    ],
)
def test_r_cu_5_invalid_token_reveals_nothing_about_its_state(changes: dict[str, object]) -> None:
    # A used, expired token of another family, presented wrongly, is only "invalid":
    # the specific reasons are for callers who hold the right token.
    worst = stored(used_at=NOW, expires_at=NOW - timedelta(days=1), product_family="other")
    arguments: dict[str, object] = {"stored": worst, **changes}
    with pytest.raises(TransferTokenInvalid):
        check(**arguments)


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (TransferTokenInvalid, "transfer-token-invalid"),
        (TransferTokenExpired, "transfer-token-expired"),
        (TransferTokenUsed, "transfer-token-used"),
        (TransferTokenWrongFamily, "transfer-token-wrong-family"),
    ],
)
def test_r_cu_5_refusals_carry_stable_codes(error: type[TransferTokenRefused], code: str) -> None:
    assert issubclass(error, TransferTokenRefused)
    assert error.code == code
    assert error("why").code == code
    assert error("why").message == "why"


def test_naive_datetimes_are_a_programming_error() -> None:
    with pytest.raises(ValueError):
        check(now=NOW.replace(tzinfo=None))
    with pytest.raises(ValueError):
        check(stored=stored(expires_at=(NOW + timedelta(days=1)).replace(tzinfo=None)))
