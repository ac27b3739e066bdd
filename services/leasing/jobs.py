"""Leasing's scheduled work; every job takes `as_of` so it can be replayed for any day."""

from __future__ import annotations

from datetime import date, time

from libs.db import UnitOfWork
from libs.jobs import Daily, Job, Monthly
from services.leasing.config import leasing_config
from services.leasing.usecases import contracts, sellout


async def end_contracts(uow: UnitOfWork, as_of: date) -> dict[str, int]:
    return {"ended": await contracts.end_due(uow, as_of)}


async def sell_out_reports(uow: UnitOfWork, as_of: date) -> dict[str, int]:
    return await sellout.freeze_last_month(uow.session, as_of, leasing_config())


JOBS = [
    Job(
        "end-contracts", end_contracts, Daily(time(0, 30)), "R-WA-8: active contracts past their last day end"
    ),
    Job(
        "sell-out-reports",
        sell_out_reports,
        Monthly(day=1, at=time(5, 0)),
        "R-WA-9: last month's sell-out report per manufacturer, frozen once",
    ),
]
