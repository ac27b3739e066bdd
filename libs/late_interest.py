"""Late-payment interest (R-BI-4): simple interest on the overdue principal at the program's annual
rate, counted day by day on an actual/365 basis, from the day after the due date.

The source of the figures: the EU Late Payment Directive (2011/7/EU, art. 2 and 3) sets statutory
interest for business-to-business payments as simple interest at the reference rate plus at least
8 percentage points; the program's `annual_interest_rate` (default 8 %) is that rate, and actual/365
is the day count the member states' transpositions use (e.g. Dutch BW 6:119a, German BGB §288).

Interest is a function of the money's history, never an accumulator: what is outstanding on a day
is the total less every reduction (payment, credit note) whose value date is before that day. So a
payment booked on the 12th settles the interest of the 12th, whatever day it is recorded, and a
dunning run on the 13th that ran before it was recorded charges nothing more once it is.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

DAYS_PER_YEAR = Decimal(365)


def accrue(principal: Decimal, annual_rate: Decimal, start: date, end: date) -> Decimal:
    """Interest on a constant `principal` for the days after `start` up to and including `end`."""
    days = (end - start).days
    if days <= 0 or principal <= 0:
        return Decimal(0)
    return principal * annual_rate * days / DAYS_PER_YEAR


def accrued(
    total: Decimal,
    annual_rate: Decimal,
    due_date: date,
    reductions: Iterable[tuple[date, Decimal]],
    through: date | None,
) -> Decimal:
    """Unrounded interest on what of `total` was outstanding each day after `due_date` up to and
    including `through`. A reduction dated `d` (money at the bank on `d`) counts from the day after:
    the day it arrives is still a day it was owed, as the 10-days-late payment of the seed example
    pays ten days of interest."""
    if through is None or through <= due_date:
        return Decimal(0)
    steps = sorted((day, amount) for day, amount in reductions if amount)
    outstanding = total
    interest = Decimal(0)
    cursor = due_date  # interest counted for the days up to and including cursor
    for day, amount in steps:
        if day >= through:
            break
        if day > cursor:
            interest += accrue(outstanding, annual_rate, cursor, day)
            cursor = day
        outstanding -= amount
    interest += accrue(outstanding, annual_rate, cursor, through)
    return interest
