"""The subscription lifecycle as a table (R-OR-6, R-OR-7, R-OR-10, R-ON-3)."""

from __future__ import annotations

import itertools

import pytest

from services.ordering.domain.subscription_states import (
    STATUSES,
    InvalidSubscriptionTransition,
    can_add_seats,
    can_convert,
    can_renew,
    status_when_bought,
    transition,
)

ALLOWED = {
    ("trial", "active"),
    ("trial", "pending_payment"),
    ("trial", "expired"),
    ("pending_payment", "active"),
    ("pending_payment", "cancelled"),
    ("active", "cancelled"),
}


@pytest.mark.parametrize(("current", "target"), sorted(itertools.product(STATUSES, STATUSES)))
def test_only_the_lifecycle_transitions_are_allowed(current: str, target: str) -> None:
    if (current, target) in ALLOWED:
        assert transition(current, target) == target
    else:
        with pytest.raises(InvalidSubscriptionTransition):
            transition(current, target)


def test_r_on_3_a_new_subscription_is_usable_at_once_only_on_account() -> None:
    assert status_when_bought(trial=False, payment_requirement="on_account") == "active"
    assert status_when_bought(trial=False, payment_requirement="prepay") == "pending_payment"
    assert status_when_bought(trial=True, payment_requirement="prepay") == "trial"
    with pytest.raises(ValueError):
        status_when_bought(trial=False, payment_requirement="card")


@pytest.mark.parametrize("status", STATUSES)
def test_r_or_7_r_or_6_r_or_10_what_each_status_allows(status: str) -> None:
    assert can_add_seats(status) is (status in ("active", "trial"))
    assert can_renew(status) is (status == "active")
    assert can_convert(status) is (status == "trial")
