"""R-ON-3 / R-ON-6 / R-BI-4: prepay or on account — one decision for orders and subscription charges.

A reseller buys on account only when it is `established` (three paid orders, no overdue debt) and
the purchase is in its credit line's currency and fits in what is left of the line: its unpaid
on-account purchases (orders and subscription charges alike) plus this one must not exceed the
credit limit. Everything else is prepaid. WaaS leases live in leasing and never count here.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

PaymentRequirement = Literal["prepay", "on_account"]


def may_use_credit_line(*, standing: str, credit_currency: str, currency: str) -> bool:
    """Whether the credit line can apply at all (before looking at what is owed on it)."""
    return standing == "established" and currency == credit_currency


def payment_requirement(
    *,
    standing: str,
    credit_currency: str,
    credit_limit: Decimal,
    currency: str,
    open_on_account: Decimal,
    amount: Decimal,
) -> PaymentRequirement:
    """`open_on_account`: the reseller's unpaid on-account exposure in `currency` before this purchase."""
    if not may_use_credit_line(standing=standing, credit_currency=credit_currency, currency=currency):
        return "prepay"
    return "on_account" if open_on_account + amount <= credit_limit else "prepay"
