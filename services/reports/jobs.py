"""Reports' scheduled work; every job takes `as_of` so it can be replayed for any day."""

from __future__ import annotations

from datetime import date, time

from libs.db import UnitOfWork
from libs.jobs import Job, Monthly
from services.reports.usecases import sellout


async def sell_out_reports(uow: UnitOfWork, as_of: date) -> dict[str, int]:
    return await sellout.freeze_last_month(uow, as_of)


JOBS = [
    Job(
        "sell-out-reports",
        sell_out_reports,
        Monthly(day=1, at=time(5, 0)),
        "R-WA-9: last month's sell-out report per manufacturer, frozen once",
    ),
]
