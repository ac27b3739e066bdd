"""Licensing's pure rules: usable seats (R-LI-4), temporary validity and expiry (R-LI-3), tokens."""

from __future__ import annotations

from datetime import date

from services.licensing.domain.licenses import has_ended, temporary_validity
from services.licensing.domain.seats import may_assign, usable_seats
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
