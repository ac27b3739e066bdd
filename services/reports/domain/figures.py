"""How the channel manager's figures are cut (R-PL-3): receivables by days past due, sales by month,
tables as CSV. Exact decimals throughout."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from libs.late_interest import accrued
from libs.money import round_half_up

BUCKETS = ("current", "1-30", "31-60", "61-90", "90+")


def bucket(due_date: date, as_of: date) -> str:
    """Where an open invoice stands on `as_of`: not yet due is current; then by days past due."""
    late = (as_of - due_date).days
    if late <= 0:
        return "current"
    if late <= 30:
        return "1-30"
    if late <= 60:
        return "31-60"
    if late <= 90:
        return "61-90"
    return "90+"


def ageing(items: Iterable[tuple[date, Decimal]], as_of: date) -> dict[str, Decimal]:
    totals = dict.fromkeys(BUCKETS, Decimal("0.00"))
    for due, amount in items:
        totals[bucket(due, as_of)] += amount
    return totals


def month_of(day: date) -> str:
    return day.isoformat()[:7]


@dataclass(frozen=True)
class Movement:
    kind: str  # issued | payment | reversal | credit_note
    day: date
    principal: Decimal  # + owed more, - owed less
    interest_paid: Decimal
    payment_id: str | None = None


def owed_on(
    *,
    currency: str,
    due_date: date,
    accrues_interest: bool,
    annual_rate: Decimal,
    movements: Sequence[Movement],
    credited_on: date | None,
    as_of: date,
) -> tuple[Decimal, Decimal]:
    """(principal, interest) an invoice was owed on `as_of`, from its movements — the same rule
    billing applies (libs.late_interest): interest on the principal outstanding each day after the
    due date up to `as_of`; a reversed payment counts as never made; a credit note for all of it
    writes off its unpaid interest from its day on."""
    reversed_payments = {m.payment_id for m in movements if m.kind == "reversal" and m.day <= as_of}
    counted = [
        m
        for m in movements
        if m.day <= as_of and not (m.kind == "payment" and m.payment_id in reversed_payments)
    ]
    principal = sum((m.principal for m in counted), Decimal(0))
    if credited_on is not None and credited_on <= as_of:
        return max(principal, Decimal(0)), Decimal(0)
    interest = Decimal(0)
    if accrues_interest:
        charged = accrued(Decimal(0), annual_rate, due_date, [(m.day, -m.principal) for m in counted], as_of)
        paid = sum((m.interest_paid for m in counted), Decimal(0))
        interest = max(round_half_up(charged, currency) - paid, Decimal(0))
    return max(principal, Decimal(0)), interest
