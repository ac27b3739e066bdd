"""Writing an event: one outbox row in the caller's transaction, plus a wake-up for the relay.

NOTIFY is transactional in PostgreSQL: the relay is woken only if the state
change commits, and a rollback takes the row and the wake-up with it.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from libs.clock import Clock, service_clock
from libs.db import driver_connection, sql_type
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
def _insert_with_wake(outbox: sa.Table) -> str:
    """Rows and the relay's wake-up in one statement (one round trip), for one event or a batch:
    `WITH wake AS (SELECT pg_notify($1, '')) INSERT INTO outbox (…) SELECT unnest($2::uuid[]), …,
    unnest($6::text[])::jsonb FROM wake`. The CTE calls pg_notify, which is volatile, so
    PostgreSQL evaluates it (once) rather than inlining it away. One array per column: one
    statement of one shape for any number of rows, run by the driver (`libs.db.driver_connection`:
    every service emits on its hottest paths, and through SQLAlchemy the statement's overhead was
    more CPU than the database spent running it). The envelopes go as JSON text, serialised by
    pydantic."""
    arrays = [f"unnest(${n}::{sql_type(outbox.c[name])}[])" for n, name in enumerate(_COLUMNS[:-1], start=2)]
    arrays.append(f"unnest(${len(_COLUMNS) + 1}::text[])::jsonb")
    return (
        "WITH wake AS (SELECT pg_notify($1, '')) "  # noqa: S608 - names from the metadata, values bound
        f"INSERT INTO {outbox.fullname} ({', '.join(_COLUMNS)}) SELECT {', '.join(arrays)} FROM wake"
    )


@dataclass(frozen=True)
class Emission:
    """An event to write, with the reseller it concerns and the correlation id it carries (by
    default the current request's or event's)."""

    event: Event
    reseller_id: Any = None
    correlation_id: str | None = None


async def record_events(
    session: AsyncSession,
    outbox: sa.Table,
    emissions: Sequence[Emission],
    *,
    service: str,
    clock: Clock | None = None,
) -> list[CloudEvent]:
    """Every emission as one outbox row, in order, with one statement."""
    at = (clock or service_clock()).now()
    current = correlation_id_var.get()
    envelopes = [
        CloudEvent.wrap(
            e.event,
            service=service,
            at=at,
            reseller_id=e.reseller_id,
            correlation_id=e.correlation_id or current,
        )
        for e in emissions
    ]
    if not envelopes:
        return []
    events = [e.event for e in emissions]
    driver = await driver_connection(session)
    await driver.execute(
        _insert_with_wake(outbox),
        notify_channel(outbox.schema or "public"),
        [envelope.id for envelope in envelopes],
        [event.topic for event in events],
        [event.subject for event in events],
        [event.event_type for event in events],
        [envelope.model_dump_json(exclude_none=True) for envelope in envelopes],
    )
    return envelopes


async def record_event(
    session: AsyncSession,
    outbox: sa.Table,
    event: Event,
    *,
    service: str,
    reseller_id: Any = None,
    clock: Clock | None = None,
) -> CloudEvent:
    emission = Emission(event, reseller_id)
    return (await record_events(session, outbox, [emission], service=service, clock=clock))[0]


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

    async def emit_many(
        self, session: AsyncSession, emissions: Sequence[Emission], *, clock: Clock | None = None
    ) -> list[CloudEvent]:
        return await record_events(session, self.table, emissions, service=self.service, clock=clock)
