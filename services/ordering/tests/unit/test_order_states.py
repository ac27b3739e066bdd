"""The order state machine (R-BI-2, R-BI-3, R-LI-1, R-LI-3, R-OR-9) without a database."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.ordering.domain.order_states import (
    FINAL,
    OPEN_ON_ACCOUNT,
    STATUSES,
    InvalidOrderTransition,
    LicenseOutcome,
    PaymentOutcome,
    after_release,
    can_transition,
    cancellable,
    on_license,
    on_payment,
    status_when_placed,
    transition,
)

ALLOWED = {
    ("placed", "released"),
    ("placed", "cancelled"),
    ("placed", "handed_over"),
    ("released", "fulfilled"),
    ("released", "handed_over"),  # issue 8 item 12: an on-account order is released at once
}


@pytest.mark.parametrize(("current", "target"), sorted(itertools.product(STATUSES, STATUSES)))
def test_only_the_lifecycle_transitions_are_allowed(current: str, target: str) -> None:
    if (current, target) in ALLOWED:
        assert transition(current, target) == target
    else:
        assert not can_transition(current, target)
        with pytest.raises(InvalidOrderTransition) as err:
            transition(current, target)
        assert (err.value.current, err.value.target) == (current, target)


def test_fulfilled_cancelled_and_handed_over_are_final() -> None:
    assert FINAL == {"fulfilled", "cancelled", "handed_over"}


def test_unknown_statuses_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown order status"):
        transition("paid", "released")
    with pytest.raises(ValueError, match="unknown order status"):
        on_payment("shipped")


@given(st.lists(st.sampled_from(STATUSES), max_size=8))
def test_any_walk_of_valid_transitions_starts_at_placed_and_never_leaves_a_final_status(
    targets: list[str],
) -> None:
    status = "placed"
    for target in targets:
        if can_transition(status, target):
            assert status not in FINAL
            status = transition(status, target)
    assert status in STATUSES


def test_r_bi_3_on_account_order_is_released_when_placed() -> None:
    assert status_when_placed("on_account") == "released"


def test_r_bi_2_prepaid_order_waits_for_its_payment() -> None:
    assert status_when_placed("prepay") == "placed"
    with pytest.raises(ValueError):
        status_when_placed("credit_card")


def test_r_bi_2_payment_releases_a_placed_order() -> None:
    assert on_payment("placed") is PaymentOutcome.RELEASE


@pytest.mark.parametrize("status", ["released", "fulfilled"])
def test_r_bi_2_payment_for_a_released_order_is_a_no_op(status: str) -> None:
    assert on_payment(status) is PaymentOutcome.ALREADY_RELEASED


@pytest.mark.parametrize("status", ["cancelled", "handed_over"])
def test_r_bi_2_payment_never_revives_a_cancelled_or_handed_over_order(status: str) -> None:
    assert on_payment(status) is PaymentOutcome.NOT_RELEASABLE


def test_r_li_1_permanent_license_fulfils_a_released_order() -> None:
    assert on_license("released", temporary=False) is LicenseOutcome.FULFIL


def test_r_li_1_permanent_license_before_the_release_waits_for_it() -> None:
    assert on_license("placed", temporary=False) is LicenseOutcome.AWAIT_RELEASE
    assert after_release(permanent_license_recorded=True) == "fulfilled"
    assert after_release(permanent_license_recorded=False) == "released"


def test_r_li_1_second_license_for_a_fulfilled_order_is_a_no_op() -> None:
    assert on_license("fulfilled", temporary=False) is LicenseOutcome.ALREADY_FULFILLED


@pytest.mark.parametrize("status", ["cancelled", "handed_over"])
def test_r_li_1_license_for_a_cancelled_or_handed_over_order_does_not_fulfil(status: str) -> None:
    assert on_license(status, temporary=False) is LicenseOutcome.NOT_FULFILLABLE


@pytest.mark.parametrize("status", STATUSES)
def test_r_li_3_temporary_license_never_fulfils(status: str) -> None:
    assert on_license(status, temporary=True) is LicenseOutcome.TEMPORARY


def test_only_a_placed_order_can_be_cancelled() -> None:
    assert [s for s in STATUSES if cancellable(s)] == ["placed"]


def test_r_on_6_fulfilled_and_cancelled_orders_leave_the_credit_line() -> None:
    assert set(OPEN_ON_ACCOUNT) == {"placed", "released", "fulfilled"}
