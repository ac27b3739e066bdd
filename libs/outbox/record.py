"""Writing an event: one outbox row in the caller's transaction, plus a wake-up for the relay.

NOTIFY is transactional in PostgreSQL: the relay is woken only if the state
change commits, and a rollback takes the row and the wake-up with it.
"""

from __future__ import annotations

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
    # The row and the wake-up in one statement (one round trip): the CTE calls pg_notify, which
    # is volatile, so PostgreSQL evaluates it (once) rather than inlining it away.
    wake = sa.select(sa.func.pg_notify(notify_channel(outbox.schema or "public"), "")).cte("wake")
    c = outbox.c
    values = {
        "event_id": envelope.id,
        "topic": event.topic,
        "key": event.subject,
        "event_type": event.event_type,
        "envelope": envelope.model_dump(mode="json", exclude_none=True),
    }
    await session.execute(
        sa.insert(outbox).from_select(
            list(values),
            sa.select(*(sa.literal(v, c[k].type) for k, v in values.items())).select_from(wake),
        )
    )
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
