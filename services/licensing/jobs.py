"""Licensing's scheduled work; every job takes `as_of` so it can be replayed for any day."""

from __future__ import annotations

from datetime import date, timedelta

from libs.db import UnitOfWork
from libs.jobs import Every, Job
from services.licensing.usecases import expiry


async def expire_licenses(uow: UnitOfWork, as_of: date) -> dict[str, int]:
    return await expiry.run(uow, as_of)


JOBS = [
    Job(
        "expire-licenses",
        expire_licenses,
        Every(timedelta(hours=1)),  # validity ends at the start of a day in UTC: the day's first run ends it
        "R-LI-3/4: licenses past their validity become expired; expired invitations free their seat",
    ),
]
