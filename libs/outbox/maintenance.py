"""Outbox housekeeping: drop published rows past retention; re-publish a range.

Re-publishing is safe because consumers dedupe by event id: it is how a lost
broker (or the memory-only development broker after a restart) is refilled.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy.engine import CursorResult

from libs.db import Database


async def purge_published(db: Database, outbox: sa.Table, *, as_of: datetime, retention: timedelta) -> int:
    async with db.transaction() as uow:
        # DML without RETURNING yields a CursorResult, which carries the rowcount.
        result = cast(
            "CursorResult[Any]",
            await uow.session.execute(
                sa.delete(outbox).where(
                    outbox.c.published_at.is_not(None), outbox.c.published_at < as_of - retention
                )
            ),
        )
        return result.rowcount or 0


async def republish_range(
    db: Database, outbox: sa.Table, *, since: datetime, until: datetime | None = None
) -> int:
    """Mark every event created in [since, until) unpublished again; the relay sends them anew."""
    cond = [outbox.c.created_at >= since, outbox.c.published_at.is_not(None)]
    if until is not None:
        cond.append(outbox.c.created_at < until)
    async with db.transaction() as uow:
        result = cast(
            "CursorResult[Any]",
            await uow.session.execute(sa.update(outbox).where(*cond).values(published_at=None)),
        )
        await uow.session.execute(sa.select(sa.func.pg_notify(f"channelhub_outbox_{outbox.schema}", "")))
        return result.rowcount or 0
