"""Writing an event: one outbox row in the caller's transaction, plus a wake-up for the relay.

NOTIFY is transactional in PostgreSQL: the relay is woken only if the state
change commits, and a rollback takes the row and the wake-up with it.
"""

from __future__ import annotations

import functools
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from libs.clock import Clock, service_clock
from libs.events.base import Event
from libs.events.envelope import CloudEvent
from libs.logging import correlation_id_var


def notify_channel(schema: str) -> str:
    return f"channelhub_outbox_{schema}"


def published_channel(schema: str) -> str:
    """Where the relay says "records of this service were published" (consumers at rest wake on it)."""
    return f"channelhub_published_{schema}"


_COLUMNS = ("event_id", "topic", "key", "event_type", "envelope")


@functools.cache
def _insert_with_wake(outbox: sa.Table) -> sa.Insert:
    """The row and the relay's wake-up in one statement (one round trip): the CTE calls pg_notify,
    which is volatile, so PostgreSQL evaluates it (once) rather than inlining it away. Built once
    per outbox: built per event, the statement's cache key cost more CPU than the database spent
    running it (every service emits on its hottest paths)."""
    wake = sa.select(sa.func.pg_notify(notify_channel(outbox.schema or "public"), "")).cte("wake")
    row = sa.select(*(sa.bindparam(name, type_=outbox.c[name].type) for name in _COLUMNS))
    return sa.insert(outbox).from_select(list(_COLUMNS), row.select_from(wake))


async def record_event(
    session: AsyncSession,
    outbox: sa.Table,
    event: Event,
    *,
    service: str,
    reseller_id: Any = None,
    clock: Clock | None = None,
) -> CloudEvent:
    envelope = CloudEvent.wrap(
        event,
        service=service,
        at=(clock or service_clock()).now(),
        reseller_id=reseller_id,
        correlation_id=correlation_id_var.get(),
    )
    values = {
        "event_id": envelope.id,
        "topic": event.topic,
        "key": event.subject,
        "event_type": event.event_type,
        "envelope": envelope.model_dump(mode="json", exclude_none=True),
    }
    await session.execute(_insert_with_wake(outbox), values)
    return envelope


class Outbox:
    """A service's outbox: `await OUTBOX.emit(session, event, reseller_id=...)`."""

    def __init__(self, table: sa.Table, service: str) -> None:
        self.table = table
        self.service = service

    async def emit(
        self, session: AsyncSession, event: Event, *, reseller_id: Any = None, clock: Clock | None = None
    ) -> CloudEvent:
        return await record_event(
            session, self.table, event, service=self.service, reseller_id=reseller_id, clock=clock
        )
