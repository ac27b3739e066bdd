"""Licensing's pure rules: usable seats (R-LI-4), temporary validity and expiry (R-LI-3), tokens."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

from services.licensing.domain.licenses import (
    LicenseTerms,
    file_valid_before,
    has_ended,
    last_day_of_period,
    may_issue_temporary,
    may_sign,
    payload,
    temporary_validity,
    valid_before,
)
from services.licensing.domain.seats import holds_seat, may_assign, usable_seats
from services.licensing.domain.tokens import digest, new_token


def test_r_li_4_unpaid_seats_and_unusable_subscriptions_give_no_seats() -> None:
    assert usable_seats(5, 0, "active") == 5
    assert usable_seats(5, 2, "active") == 3  # prepaid top-up not paid yet
    assert usable_seats(5, 0, "trial") == 5
    assert usable_seats(5, 0, "pending_payment") == usable_seats(5, 0, "expired") == 0
    assert may_assign(2, 1) and not may_assign(2, 2)


def test_r_li_3_temporary_license_runs_thirty_days_and_ends_the_day_after() -> None:
    start, until = temporary_validity(date(2026, 11, 23), 30)
    assert (start, until) == (date(2026, 11, 23), date(2026, 12, 23))
    assert not has_ended(until, date(2026, 12, 23)) and has_ended(until, date(2026, 12, 24))
    assert not has_ended(None, date(2099, 1, 1))  # perpetual


def test_r_li_4_invitation_tokens_are_random_and_kept_as_digests() -> None:
    a, b = new_token(), new_token()
    assert a != b and a.startswith("inv_") and len(a) > 40
    assert digest(a) == digest(a) and digest(a) != digest(b) and a not in digest(a)


def test_r_li_2_the_payload_states_status_validity_with_its_exclusive_end_and_the_key() -> None:
    terms = LicenseTerms(
        license_id=uuid.uuid4(),
        licensee_id=uuid.uuid4(),
        licensee="Acme AG",
        sku="TOTAL-NET",
        quantity=1,
        seats=None,
        temporary=False,
        valid_from=date(2026, 12, 1),
        valid_until=date(2026, 12, 31),
        order_id=None,
        subscription_id=None,
        issued_at=datetime(2026, 12, 1, tzinfo=UTC),
        status="active",
        key_id="lk-1",
    )
    body = payload(terms)
    assert (body["status"], body["key_id"], body["version"]) == ("active", "lk-1", 2)
    assert (body["valid_from"], body["valid_until"], body["valid_before"]) == (
        "2026-12-01",
        "2026-12-31",
        "2027-01-01",
    )
    assert valid_before(None) is None


def test_r_li_2_only_an_active_license_that_has_not_ended_is_signed() -> None:
    assert may_sign("active", date(2026, 12, 31), date(2026, 12, 31))
    assert not may_sign("active", date(2026, 12, 31), date(2027, 1, 1))
    assert not may_sign("revoked", None, date(2026, 1, 1)) and not may_sign("expired", None, date(2026, 1, 1))
    assert may_sign("active", None, date(2099, 1, 1))


def test_r_li_4_a_subscription_license_ends_with_its_period() -> None:
    # ordering's period_end is exclusive (the next period's first day): the license's last day is before it
    assert last_day_of_period(date(2027, 12, 2)) == date(2027, 12, 1)


def test_r_li_4_an_invitation_holds_its_seat_only_until_it_expires() -> None:
    expires = datetime(2026, 12, 16, 12, tzinfo=UTC)
    assert holds_seat("invited", expires, expires - timedelta(seconds=1))
    assert not holds_seat("invited", expires, expires + timedelta(seconds=1))
    assert holds_seat("active", expires, expires + timedelta(days=400))
    assert not holds_seat("removed", expires, expires - timedelta(days=1))


def test_r_li_2_a_revoked_signing_key_is_published_as_revoked() -> None:
    import base64
    import json

    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from services.licensing.config import LicensingConfig

    def raw(key: Ed25519PrivateKey, private: bool) -> str:
        if private:
            data = key.private_bytes(
                serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
            )
        else:
            data = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        return base64.b64encode(data).decode()

    active, old, leaked = (
        Ed25519PrivateKey.generate(),
        Ed25519PrivateKey.generate(),
        Ed25519PrivateKey.generate(),
    )
    config = LicensingConfig.model_validate(
        {
            "CHANNELHUB_LICENSE_SIGNING_KEYS": json.dumps(
                [
                    {"key_id": "k3", "private_key": raw(active, True), "status": "active"},
                    {"key_id": "k2", "public_key": raw(old, False), "status": "retired"},
                    {"key_id": "k1", "public_key": raw(leaked, False), "status": "revoked"},
                ]
            )
        }
    )
    assert [(k.key_id, k.status) for k in config.keys()] == [
        ("k3", "active"),
        ("k2", "retired"),
        ("k1", "revoked"),
    ]


def test_r_li_3_one_temporary_license_per_order_unless_the_program_allows_extensions() -> None:
    assert may_issue_temporary([], 0)
    assert not may_issue_temporary(["expired"], 0) and not may_issue_temporary(["active"], 3)
    assert may_issue_temporary(["expired"], 1) and not may_issue_temporary(["expired", "expired"], 1)


def test_r_li_2_r_li_5_a_lease_or_subscription_file_verifies_for_a_month_at_most() -> None:
    today = date(2026, 12, 2)
    # a 36-month lease terminated tomorrow must not verify offline until 2029: the file ends in 31 days
    assert file_valid_before("waas", date(2029, 12, 1), today, 31) == date(2027, 1, 2)
    assert file_valid_before("subscription", date(2026, 12, 10), today, 31) == date(2026, 12, 11)
    assert file_valid_before("order", None, today, 31) is None  # perpetual
    assert file_valid_before("order", date(2027, 1, 1), today, 31) == date(2027, 1, 2)  # temporary
