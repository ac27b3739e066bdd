"""The dashboard's two dates (R-PL-3): a *period* (YYYY-MM) for what was sold, an *as of* day for
what was owed. Both default to the service's clock, never to the browser's: the demo and the tests
run the suite's own clock, and a dunning run for a later day is looked at by asking for that day."""

from __future__ import annotations

from datetime import date, timedelta

from services.reports.domain.figures import month_of

PERIOD_PATTERN = r"^(19|20)\d{2}-(0[1-9]|1[0-2])$"


def bounds(period: str) -> tuple[date, date]:
    """The period's first day and the first day of the next one (a half-open range)."""
    first = date.fromisoformat(f"{period}-01")
    following = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
    return first, following


def previous(period: str) -> str:
    first, _ = bounds(period)
    return month_of(first - timedelta(days=1))


def days_past_due(due_date: date, as_of: date) -> int:
    """Days an invoice has been past due on `as_of` (0 while it is not yet due)."""
    return max((as_of - due_date).days, 0)
