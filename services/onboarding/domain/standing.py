"""A reseller's standing and what it means for paying an order (R-ON-3, R-ON-6, R-BI-2..4).

The numbers (10 % discount, 3 prepaid orders, 30 days, 8 % interest) are the defaults of a
reseller program from the seeds, not constants of the code: every decision takes the
program's `ProgramTerms`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from libs.events.onboarding import Standing

PaymentRequirement = Literal["prepay", "on_account"]


@dataclass(frozen=True, slots=True)
class ProgramTerms:
    """The commercial terms of one reseller program."""

    default_discount_percent: Decimal = Decimal("10")  # off the recommended price (R-ON-2)
    prepaid_orders_required: int = 3  # paid orders before a reseller is established (R-ON-3)
    payment_terms_days: int = 30  # an on-account order is due this long after it is placed (R-BI-3)
    annual_interest_rate: Decimal = Decimal("0.08")  # on overdue amounts (R-BI-4)
    allowed_payment_methods: tuple[str, ...] = ("bank_transfer",)  # R-OR-4

    def __post_init__(self) -> None:
        # Refuse a misconfigured program when it is built rather than when an order is priced.
        # Floats are refused because money rules must be exact.
        for name in ("default_discount_percent", "annual_interest_rate"):
            if not isinstance(getattr(self, name), Decimal):
                raise TypeError(f"{name} must be a Decimal")
        if not Decimal(0) <= self.default_discount_percent < Decimal(100):
            raise ValueError("default_discount_percent must be at least 0 and below 100")
        if self.prepaid_orders_required < 0:
            raise ValueError("prepaid_orders_required must not be negative")
        if self.payment_terms_days <= 0:
            raise ValueError("payment_terms_days must be positive")
        if not Decimal(0) <= self.annual_interest_rate <= Decimal(1):
            raise ValueError("annual_interest_rate is a fraction between 0 and 1 (0.08 = 8 %)")
        if not self.allowed_payment_methods:
            raise ValueError("a program must allow at least one payment method")


def compute_standing(*, paid_orders: int, has_overdue: bool, terms: ProgramTerms) -> Standing:
    """Overdue debt overrides everything (R-BI-4); otherwise paid orders decide (R-ON-3).

    Standing is recomputed from facts rather than stored as a one-way flag: paying everything
    that is overdue lifts "prepay_required" again.
    """
    if paid_orders < 0:
        raise ValueError("paid_orders must not be negative")
    if has_overdue:
        return Standing.PREPAY_REQUIRED
    if paid_orders >= terms.prepaid_orders_required:
        return Standing.ESTABLISHED
    return Standing.NEW


def payment_requirement(
    standing: Standing, *, open_on_account: Decimal, order_total: Decimal, credit_limit: Decimal
) -> PaymentRequirement:
    """Whether an order may go on account or must be prepaid (R-BI-2/3, R-ON-6).

    Only an established reseller orders on account, and only while its open on-account amount
    plus this order stays within its credit limit; otherwise it prepays, which is always
    allowed. `open_on_account` must exclude WaaS leases: the distributor invoices those to the
    end customer and carries that credit risk itself (R-ON-6, R-BI-6). All amounts are in the
    credit limit's currency.
    """
    for name, amount in (
        ("open_on_account", open_on_account),
        ("order_total", order_total),
        ("credit_limit", credit_limit),
    ):
        if not isinstance(amount, Decimal):
            raise TypeError(f"{name} must be a Decimal")
        if amount < 0:
            raise ValueError(f"{name} must not be negative")
    if standing == Standing.ESTABLISHED and open_on_account + order_total <= credit_limit:
        return "on_account"
    return "prepay"
