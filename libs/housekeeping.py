"""Periodic housekeeping every service runs beside its API: drop published outbox rows past
their retention period and idempotency keys past their expiry."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from libs.clock import Clock
from libs.db import Database
from libs.idempotency import purge_expired
from libs.logging import get_logger
from libs.outbox.maintenance import purge_published
from libs.platform_tables import PlatformTables

log = get_logger(__name__)
INTERVAL_SECONDS = 3600.0


async def housekeep_once(
    db: Database, tables: PlatformTables, clock: Clock, *, retention: timedelta
) -> dict[str, int]:
    now = clock.now()
    outbox = await purge_published(db, tables.outbox, as_of=now, retention=retention)
    async with db.transaction() as uow:
        keys = await purge_expired(uow, tables.idempotency_keys, as_of=now)
    return {"outbox_rows": outbox, "idempotency_keys": keys}


async def run_housekeeping(
    db: Database, tables: PlatformTables, clock: Clock, *, retention: timedelta, stop: asyncio.Event
) -> None:
    while not stop.is_set():
        try:
            removed = await housekeep_once(db, tables, clock, retention=retention)
            if any(removed.values()):
                log.info("housekeeping", **removed)
        except Exception as exc:  # a failed sweep is retried at the next interval
            log.warning("housekeeping failed", error=repr(exc))
        try:
            await asyncio.wait_for(stop.wait(), timeout=INTERVAL_SECONDS)
        except TimeoutError:
            pass
