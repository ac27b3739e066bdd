"""Ordering's scheduled work; every job takes `as_of` so it can be replayed for any day."""

from __future__ import annotations

from datetime import date, timedelta

from libs.db import UnitOfWork
from libs.jobs import Every, Job
from services.ordering.usecases.subscriptions import expire_due_trials


async def expire_trials(uow: UnitOfWork, as_of: date) -> dict[str, int]:
    """R-OR-10: every trial past its end on `as_of` that was not converted becomes expired.
    The status changes and their events commit with the run's record."""
    return {"expired": len(await expire_due_trials(uow, as_of))}


JOBS = [
    Job(
        "expire-trials",
        expire_trials,
        # hourly: a trial ends at the start of a day in UTC; the first run of the day expires it
        Every(timedelta(hours=1)),
        "R-OR-10: unconverted trials whose period has ended become expired",
    ),
]
