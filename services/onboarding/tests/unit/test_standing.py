"""Reseller standing and payment requirement (R-ON-3, R-ON-6, R-BI-2..4)."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from libs.events.onboarding import Standing
from services.onboarding.domain.standing import ProgramTerms, compute_standing, payment_requirement

DEFAULT = ProgramTerms()


def test_program_defaults_come_from_the_seeds() -> None:
    assert DEFAULT.default_discount_percent == Decimal("10")
    assert DEFAULT.prepaid_orders_required == 3
    assert DEFAULT.payment_terms_days == 30
    assert DEFAULT.annual_interest_rate == Decimal("0.08")
    assert DEFAULT.allowed_payment_methods == ("bank_transfer",)


def test_program_terms_are_immutable() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        DEFAULT.prepaid_orders_required = 5  # type: ignore[misc]


@pytest.mark.parametrize(
    "changes",
    [
        {"default_discount_percent": Decimal("-1")},
        {"default_discount_percent": Decimal("100")},
        {"default_discount_percent": 10.0},
        {"prepaid_orders_required": -1},
        {"payment_terms_days": 0},
        {"annual_interest_rate": Decimal("-0.01")},
        {"annual_interest_rate": Decimal("8")},
        {"annual_interest_rate": 0.08},
        {"allowed_payment_methods": ()},
    ],
)
def test_misconfigured_program_is_refused(changes: dict[str, object]) -> None:
    with pytest.raises((ValueError, TypeError)):
        ProgramTerms(**changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(("paid_orders", "standing"), [(0, "new"), (1, "new"), (2, "new")])
def test_r_on_3_a_reseller_with_fewer_than_three_paid_orders_is_new(paid_orders: int, standing: str) -> None:
    assert compute_standing(paid_orders=paid_orders, has_overdue=False, terms=DEFAULT) == standing


@pytest.mark.parametrize("paid_orders", [3, 4, 100])
def test_r_on_3_three_paid_orders_make_a_reseller_established(paid_orders: int) -> None:
    assert compute_standing(paid_orders=paid_orders, has_overdue=False, terms=DEFAULT) == "established"


@pytest.mark.parametrize(
    ("required", "paid", "standing"),
    [(5, 4, "new"), (5, 5, "established"), (0, 0, "established"), (1, 0, "new"), (1, 1, "established")],
)
def test_r_on_3_the_number_of_prepaid_orders_is_program_configuration(
    required: int, paid: int, standing: str
) -> None:
    terms = ProgramTerms(prepaid_orders_required=required)
    assert compute_standing(paid_orders=paid, has_overdue=False, terms=terms) == standing


@pytest.mark.parametrize("paid_orders", [0, 2, 3, 50])
def test_r_bi_4_anything_overdue_requires_prepayment_regardless_of_history(paid_orders: int) -> None:
    assert compute_standing(paid_orders=paid_orders, has_overdue=True, terms=DEFAULT) == "prepay_required"


def test_r_bi_4_paying_what_is_overdue_lifts_prepay_required() -> None:
    assert compute_standing(paid_orders=7, has_overdue=True, terms=DEFAULT) == "prepay_required"
    assert compute_standing(paid_orders=7, has_overdue=False, terms=DEFAULT) == "established"


def test_negative_paid_orders_are_a_programming_error() -> None:
    with pytest.raises(ValueError):
        compute_standing(paid_orders=-1, has_overdue=False, terms=DEFAULT)


@given(
    paid=st.integers(min_value=0, max_value=10_000),
    required=st.integers(min_value=0, max_value=100),
    overdue=st.booleans(),
)
def test_r_on_3_standing_is_determined_by_overdue_then_paid_orders(
    paid: int, required: int, overdue: bool
) -> None:
    standing = compute_standing(
        paid_orders=paid, has_overdue=overdue, terms=ProgramTerms(prepaid_orders_required=required)
    )
    if overdue:
        assert standing == "prepay_required"
    else:
        assert standing == ("established" if paid >= required else "new")


# --- payment requirement ---------------------------------------------------------------------


@pytest.mark.parametrize("standing", ["new", "prepay_required"])
def test_r_bi_2_new_or_overdue_resellers_prepay_even_with_credit(standing: str) -> None:
    assert (
        payment_requirement(
            standing,  # type: ignore[arg-type]
            open_on_account=Decimal("0"),
            order_total=Decimal("10.00"),
            credit_limit=Decimal("100000"),
        )
        == "prepay"
    )


@pytest.mark.parametrize(
    ("open_amount", "order_total", "limit", "requirement"),
    [
        ("0", "100.00", "1000.00", "on_account"),
        ("900.00", "100.00", "1000.00", "on_account"),  # exactly at the limit
        ("900.00", "100.01", "1000.00", "prepay"),  # one cent over
        ("1000.00", "0.01", "1000.00", "prepay"),
        ("0", "1000.01", "1000.00", "prepay"),
        ("0", "0.01", "0", "prepay"),  # no credit line at all
        ("0", "0", "0", "on_account"),  # a free order risks nothing
    ],
)
def test_r_on_6_established_reseller_orders_on_account_within_its_credit_limit(
    open_amount: str, order_total: str, limit: str, requirement: str
) -> None:
    assert (
        payment_requirement(
            Standing.ESTABLISHED,
            open_on_account=Decimal(open_amount),
            order_total=Decimal(order_total),
            credit_limit=Decimal(limit),
        )
        == requirement
    )


@pytest.mark.parametrize(
    "amounts",
    [
        {"open_on_account": Decimal("-1"), "order_total": Decimal("1"), "credit_limit": Decimal("10")},
        {"open_on_account": Decimal("0"), "order_total": Decimal("-1"), "credit_limit": Decimal("10")},
        {"open_on_account": Decimal("0"), "order_total": Decimal("1"), "credit_limit": Decimal("-10")},
        {"open_on_account": 0.0, "order_total": Decimal("1"), "credit_limit": Decimal("10")},
    ],
)
def test_payment_requirement_refuses_nonsense_amounts(amounts: dict[str, object]) -> None:
    with pytest.raises((ValueError, TypeError)):
        payment_requirement(Standing.ESTABLISHED, **amounts)  # type: ignore[arg-type]


@given(
    open_amount=st.decimals(min_value=0, max_value=10**9, places=2),
    order_total=st.decimals(min_value=0, max_value=10**9, places=2),
    limit=st.decimals(min_value=0, max_value=10**9, places=2),
)
def test_r_on_6_on_account_never_exceeds_the_credit_limit(
    open_amount: Decimal, order_total: Decimal, limit: Decimal
) -> None:
    requirement = payment_requirement(
        Standing.ESTABLISHED, open_on_account=open_amount, order_total=order_total, credit_limit=limit
    )
    assert (requirement == "on_account") == (open_amount + order_total <= limit)
