"""Seat-subscription periods, mid-period seat purchases and trials (R-OR-6, R-OR-7, R-OR-10).

Periods are half-open: [start, end). A period of N months ends on add_months(start, N),
which is also the day the next period (renewal) starts.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from libs.money import round_half_up


def _non_negative_int(name: str, value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{name} must be a non-negative whole number")
    return value


def add_months(d: date, months: int) -> date:
    """The same day-of-month `months` later (or earlier), clamped to the month's last day.

    Jan 31 + 1 month is Feb 28 (Feb 29 in a leap year), never Mar 2/3: a period must not
    swallow part of the following month.
    """
    index = d.year * 12 + (d.month - 1) + months
    year, month0 = divmod(index, 12)
    month = month0 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def period_end(start: date, term_months: int) -> date:
    """Exclusive end of a period of `term_months` starting on `start`."""
    if _non_negative_int("term_months", term_months) == 0:
        raise ValueError("term_months must be at least 1")
    return add_months(start, term_months)


def months_remaining(period_start: date, period_end: date, as_of: date) -> int:
    """Months still to be charged for a seat bought on `as_of` (R-OR-7), rounded UP.

    Definition: the smallest whole m >= 0 such that add_months(as_of, m) >= period_end,
    i.e. the number of month steps from `as_of` needed to reach the end, a started
    month counting as a whole one. Consequences:

    - 0 once as_of >= period_end (nothing left to charge);
    - the full term when as_of <= period_start (a purchase before the period starts
      pays for the whole period, never more);
    - 50 days left (2027-01-10 to 2027-03-01) is 1 month + 19 days, so 2 months;
    - month-end clamping counts against the buyer: in a period ending 2027-01-31, a seat
      bought on 2026-02-28 pays 12 months, since add_months(2026-02-28, 11) is 2027-01-28;
    - non-increasing in as_of: buying later never costs more.
    """
    if period_end <= period_start:
        raise ValueError("a period must end after it starts")
    if as_of >= period_end:
        return 0
    as_of = max(as_of, period_start)
    # Start from the calendar-month difference, then correct by at most a step either way.
    m = max(0, (period_end.year - as_of.year) * 12 + (period_end.month - as_of.month))
    while add_months(as_of, m) < period_end:
        m += 1
    while m > 0 and add_months(as_of, m - 1) >= period_end:
        m -= 1
    return m


def monthly_unit_price(unit_price_for_term: Decimal, term_months: int, currency: str) -> Decimal:
    """The per-month price of a seat priced per term, rounded half-up to the minor unit.

    Rounding here is what the reseller sees as "unit price"; a full term bought at the
    rounded monthly price can differ by a few minor units from the term price (use
    prorated_seat_quote when that matters).
    """
    if _non_negative_int("term_months", term_months) == 0:
        raise ValueError("term_months must be at least 1")
    return round_half_up(unit_price_for_term / term_months, currency)


def seat_quote(*, unit_price_per_month: Decimal, seats: int, months: int, currency: str) -> Decimal:
    """Price of `seats` extra seats for `months` months, rounded half-up once at the end."""
    if not isinstance(unit_price_per_month, Decimal):
        raise TypeError("unit_price_per_month must be a Decimal")
    _non_negative_int("seats", seats)
    _non_negative_int("months", months)
    return round_half_up(unit_price_per_month * seats * months, currency)


def prorated_seat_quote(
    *, unit_price_for_term: Decimal, term_months: int, seats: int, months: int, currency: str
) -> Decimal:
    """Like seat_quote from the term price, rounding only once: months == term gives exactly
    seats x term price (100.00/12 per month would otherwise come back as 12 x 8.33 = 99.96)."""
    if not isinstance(unit_price_for_term, Decimal):
        raise TypeError("unit_price_for_term must be a Decimal")
    if _non_negative_int("term_months", term_months) == 0:
        raise ValueError("term_months must be at least 1")
    _non_negative_int("seats", seats)
    if _non_negative_int("months", months) > term_months:
        raise ValueError("cannot charge more months than the term")
    return round_half_up(unit_price_for_term * seats * months / term_months, currency)


@dataclass(frozen=True, slots=True)
class SeatCharge:
    """What extra seats cost, in figures a partner can multiply out:
    `price_per_seat = round(term_price x months_charged / term_months)`, `total = price_per_seat x seats`."""

    months_charged: int
    price_per_seat: Decimal
    total: Decimal


def charge_for_added_seats(
    *,
    term_price: Decimal,
    term_months: int,
    seats: int,
    months_left_in_period: int,
    renewed_terms: int,
    currency: str,
) -> SeatCharge:
    """R-OR-7: seats added during a period pay the months left in it (a started month counts
    whole) plus every later term already renewed and charged — an early renewal was priced for
    the seats of its day, and the new seats belong to those terms too."""
    if not isinstance(term_price, Decimal):
        raise TypeError("term_price must be a Decimal")
    if _non_negative_int("term_months", term_months) == 0:
        raise ValueError("term_months must be at least 1")
    _non_negative_int("seats", seats)
    _non_negative_int("renewed_terms", renewed_terms)
    if _non_negative_int("months_left_in_period", months_left_in_period) > term_months:
        raise ValueError("cannot charge more months than the term")
    months = months_left_in_period + renewed_terms * term_months
    price_per_seat = round_half_up(term_price * months / term_months, currency)
    return SeatCharge(months_charged=months, price_per_seat=price_per_seat, total=price_per_seat * seats)


def trial_end(start: date, trial_days: int) -> date:
    """Exclusive end of a free trial (R-OR-10): the trial is over on this day unless converted."""
    if _non_negative_int("trial_days", trial_days) == 0:
        raise ValueError("trial_days must be at least 1")
    return start + timedelta(days=trial_days)
