"""Ordering's scheduled work; every job takes `as_of` so it can be replayed for any day."""

from __future__ import annotations

import uuid
from datetime import date

from libs.db import Database
from services.ordering.usecases.subscriptions import expire_due_trials


async def expire_trials(db: Database, as_of: date) -> list[uuid.UUID]:
    """R-OR-10: every trial past its end on `as_of` that was not converted becomes expired.
    One transaction: the status changes and their events commit together."""
    async with db.transaction() as uow:
        return await expire_due_trials(uow.session, as_of)


JOBS = {"expire-trials": expire_trials}
