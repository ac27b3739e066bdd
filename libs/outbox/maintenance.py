"""Outbox housekeeping: drop published rows past retention; re-publish a range; parked rows.

Re-publishing is safe because consumers dedupe by event id: it is how a lost
broker (or the memory-only development broker after a restart) is refilled.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy.engine import CursorResult
from sqlalchemy.ext.asyncio import AsyncSession

from libs.db import Database
from libs.errors import NotFound
from libs.outbox.record import notify_channel


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
        await uow.session.execute(sa.select(sa.func.pg_notify(notify_channel(outbox.schema or "public"), "")))
        return result.rowcount or 0


# -- parked rows: the relay gave up on them; operators look and un-park ---------------------------


async def park(session: AsyncSession, outbox: sa.Table, *, row_id: int, key: str, reason: str) -> int:
    """Park a row and every later unpublished row of its aggregate, so their order still holds
    when they are un-parked. (Rows of the key written later wait too: the relay never claims a
    row with a parked row of its key before it.)"""
    o = outbox
    result = cast(
        "CursorResult[Any]",
        await session.execute(
            sa.update(o)
            .where(o.c.key == key, o.c.id >= row_id, o.c.published_at.is_(None), o.c.parked_at.is_(None))
            .values(
                parked_at=sa.func.now(),
                last_error=sa.case((o.c.id == row_id, reason), else_=f"waits behind parked row {row_id}"),
            )
        ),
    )
    return result.rowcount or 0


def _blocked_keys(outbox: sa.Table) -> sa.Select[Any]:
    return sa.select(outbox.c.key).where(outbox.c.parked_at.is_not(None), outbox.c.published_at.is_(None))


async def count_parked(db: Database, outbox: sa.Table) -> int:
    """Unpublished rows held back: parked ones and those of their aggregates written since."""
    o = outbox
    async with db.unit_of_work() as uow:
        stmt = sa.select(sa.func.count()).where(o.c.published_at.is_(None), o.c.key.in_(_blocked_keys(o)))
        return int(await uow.session.scalar(stmt) or 0)


async def list_parked(db: Database, outbox: sa.Table, *, limit: int = 100) -> list[dict[str, Any]]:
    """Every unpublished row of an aggregate with a parked row, oldest first."""
    o = outbox
    stmt = (
        sa.select(
            o.c.id,
            o.c.event_id,
            o.c.event_type,
            o.c.topic,
            o.c.key,
            o.c.created_at,
            o.c.attempts,
            o.c.last_error,
            o.c.parked_at,
        )
        .where(o.c.published_at.is_(None), o.c.key.in_(_blocked_keys(o)))
        .order_by(o.c.id)
        .limit(limit)
    )
    async with db.unit_of_work() as uow:
        return [dict(r) for r in (await uow.session.execute(stmt)).mappings()]


async def unpark(db: Database, outbox: sa.Table, row_id: int) -> int:
    """Give the parked row's aggregate another go: its rows are sent again, in order, with fresh
    attempts. Returns how many rows were released; raises NotFound unless `row_id` is parked."""
    o = outbox
    async with db.transaction() as uow:
        key = await uow.session.scalar(
            sa.select(o.c.key).where(o.c.id == row_id, o.c.parked_at.is_not(None), o.c.published_at.is_(None))
        )
        if key is None:
            raise NotFound("no such parked outbox row")
        result = cast(
            "CursorResult[Any]",
            await uow.session.execute(
                sa.update(o)
                .where(o.c.key == key, o.c.published_at.is_(None))
                .values(parked_at=None, attempts=0)
            ),
        )
        await uow.session.execute(sa.select(sa.func.pg_notify(notify_channel(o.schema or "public"), "")))
        return result.rowcount or 0
