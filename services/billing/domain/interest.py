"""Late-payment interest (R-BI-4): simple interest on the overdue principal at the program's annual
rate, counted day by day on an actual/365 basis. It accrues unrounded (so that a principal that
changes with a partial payment changes the daily amount from that day on) and is shown rounded
half-up to the currency's minor unit."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

DAYS_PER_YEAR = Decimal(365)


def accrue(principal: Decimal, annual_rate: Decimal, start: date, end: date) -> Decimal:
    """Interest on `principal` for the days after `start` up to and including `end` (none if
    `end` is not after `start`)."""
    days = (end - start).days
    if days <= 0 or principal <= 0:
        return Decimal(0)
    return principal * annual_rate * days / DAYS_PER_YEAR
