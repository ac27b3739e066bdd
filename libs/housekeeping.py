"""Periodic housekeeping every service runs beside its API: drop published outbox rows past
their retention period, idempotency keys past their expiry, inbox rows past theirs, and
dead-lettered events that were re-driven long ago.

Why the inbox may be purged at all, and why not sooner: an inbox row exists to recognise a
redelivered event. Redelivery comes from the broker (within the topic's retention, 7 days by
default in Kafka) or from an operator re-publishing a producer's outbox (within its
`OUTBOX_RETENTION_DAYS`, 7 by default). `INBOX_RETENTION_DAYS` (30 by default) must stay well
above both; an event older than that cannot come again, so its row only costs space.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy.engine import CursorResult

from libs.clock import Clock
from libs.db import Database, UnitOfWork
from libs.idempotency import purge_expired
from libs.logging import get_logger
from libs.outbox.maintenance import purge_published
from libs.platform_tables import PlatformTables
from libs.settings import get_settings

log = get_logger(__name__)
INTERVAL_SECONDS = 3600.0
INBOX_RETENTION = timedelta(days=30)
FAILED_EVENTS_RETENTION = timedelta(days=30)


async def housekeep_once(
    db: Database,
    tables: PlatformTables,
    clock: Clock,
    *,
    retention: timedelta,
    inbox_retention: timedelta = INBOX_RETENTION,
    failed_events_retention: timedelta = FAILED_EVENTS_RETENTION,
) -> dict[str, int]:
    now = clock.now()
    outbox = await purge_published(db, tables.outbox, as_of=now, retention=retention)
    async with db.transaction() as uow:
        keys = await purge_expired(uow, tables.idempotency_keys, as_of=now)
        inbox = await _delete(uow, tables.inbox, tables.inbox.c.processed_at < now - inbox_retention)
        t = tables.failed_events
        # only what an operator resolved: a row still `failed` is work left to do, however old
        failed = await _delete(
            uow, t, t.c.status == "redriven", t.c.redriven_at < now - failed_events_retention
        )
    return {"outbox_rows": outbox, "idempotency_keys": keys, "inbox_rows": inbox, "failed_events": failed}


async def _delete(uow: UnitOfWork, table: sa.Table, *where: Any) -> int:
    # DML without RETURNING yields a CursorResult, which carries the rowcount.
    result = cast("CursorResult[Any]", await uow.session.execute(sa.delete(table).where(*where)))
    return result.rowcount or 0


async def run_housekeeping(
    db: Database,
    tables: PlatformTables,
    clock: Clock,
    *,
    retention: timedelta,
    stop: asyncio.Event,
    inbox_retention: timedelta | None = None,
    failed_events_retention: timedelta | None = None,
) -> None:
    settings = get_settings()
    inbox_retention = inbox_retention or timedelta(days=settings.inbox_retention_days)
    failed_events_retention = failed_events_retention or timedelta(days=settings.failed_events_retention_days)
    while not stop.is_set():
        try:
            removed = await housekeep_once(
                db,
                tables,
                clock,
                retention=retention,
                inbox_retention=inbox_retention,
                failed_events_retention=failed_events_retention,
            )
            if any(removed.values()):
                log.info("housekeeping", **removed)
        except Exception as exc:  # a failed sweep is retried at the next interval
            log.warning("housekeeping failed", error=repr(exc))
        try:
            await asyncio.wait_for(stop.wait(), timeout=INTERVAL_SECONDS)
        except TimeoutError:
            pass
