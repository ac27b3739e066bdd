"""What a payment does to an invoice (R-BI-1)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from services.billing.domain.statuses import PaymentStatus


@dataclass(frozen=True)
class Allocation:
    applied: Decimal  # what the invoice takes
    unapplied: Decimal  # the overpayment, kept as the payer's credit balance
    status: PaymentStatus  # matched or partial


def allocate(amount: Decimal, amount_due: Decimal) -> Allocation:
    """Apply `amount` to an invoice with `amount_due`: all of it when it covers the debt or less
    (a partial payment), the rest kept as credit when it is more."""
    if amount <= 0:
        raise ValueError("a payment is a positive amount")
    if amount_due <= 0:
        return Allocation(Decimal(0), amount, PaymentStatus.MATCHED)
    if amount < amount_due:
        return Allocation(amount, Decimal(0), PaymentStatus.PARTIAL)
    return Allocation(amount_due, amount - amount_due, PaymentStatus.MATCHED)


def split_principal_interest(
    applied: Decimal, principal_due: Decimal, interest_due: Decimal
) -> tuple[Decimal, Decimal]:
    """A payment settles the principal first, then the interest: interest accrues on the principal
    only (R-BI-4), so this order stops it soonest."""
    to_principal = min(applied, max(principal_due, Decimal(0)))
    to_interest = min(applied - to_principal, max(interest_due, Decimal(0)))
    return to_principal, to_interest
