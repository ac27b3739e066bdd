"""Leasing's scheduled work; every job takes `as_of` so it can be replayed for any day."""

from __future__ import annotations

from datetime import date, time

from libs.db import UnitOfWork
from libs.jobs import Daily, Job
from services.leasing.usecases import contracts


async def end_contracts(uow: UnitOfWork, as_of: date) -> dict[str, int]:
    return {"ended": await contracts.end_due(uow, as_of)}


JOBS = [
    Job(
        "end-contracts", end_contracts, Daily(time(0, 30)), "R-WA-8: active contracts past their last day end"
    ),
]
