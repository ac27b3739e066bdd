"""Failure injection: PostgreSQL stops for ~10 s while events keep arriving (R-PL-4).

A consumer that dead-lettered what failed during the outage would skip good events until an
operator re-drove them. The consumer waits the outage out instead: when the database is back,
every event has had its effect exactly once and nothing is dead-lettered.

The test runs its own throw-away PostgreSQL (stopping the suite's shared one would disturb the
other tests and the running services); the broker is the suite's, with a consumer group of its own.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert

from libs.consumer import ConsumerRunner
from libs.db import Database, UnitOfWork, service_metadata
from libs.events.envelope import CloudEvent
from libs.kafka import ensure_topics
from libs.platform_tables import PlatformTables, platform_tables
from tests.platform.conftest import PROBE_TOPIC, KernelProbe, unique
from tests.platform.test_consumer import envelope, produce
from tools.devstack.postgres import EmbeddedPostgres
from tools.devstack.stack import Stack, free_port

pytestmark = pytest.mark.failure

SCHEMA = "outage"


@pytest.fixture
async def private_postgres(tmp_path: Path) -> AsyncIterator[EmbeddedPostgres]:
    server = EmbeddedPostgres(tmp_path / "postgres", free_port())
    await asyncio.to_thread(server.start)
    try:
        yield server
    finally:
        await asyncio.to_thread(server.stop)


async def prepare(url: str) -> tuple[Database, PlatformTables, sa.Table]:
    metadata = service_metadata(SCHEMA)
    tables = platform_tables(metadata)
    effects = sa.Table(
        "effects", metadata, sa.Column("event", sa.Text, primary_key=True), sa.Column("hits", sa.Integer)
    )
    db = Database(url, pool_size=2)
    async with db.engine.begin() as conn:
        await conn.execute(sa.text(f"CREATE SCHEMA {SCHEMA}"))
        await conn.run_sync(metadata.create_all)
    return db, tables, effects


async def test_a_database_outage_delays_events_but_skips_none(
    stack: Stack, private_postgres: EmbeddedPostgres
) -> None:
    await ensure_topics(stack.bootstrap, [PROBE_TOPIC])
    db, tables, effects = await prepare(private_postgres.url)
    aggregate, total = unique("outage"), 20
    events = [envelope(aggregate, n) for n in range(total)]

    async def effect(uow: UnitOfWork, env: CloudEvent, event: KernelProbe) -> None:
        stmt = pg_insert(effects).values(event=f"{event.aggregate}:{event.n}", hits=1)
        await uow.session.execute(
            stmt.on_conflict_do_update(index_elements=[effects.c.event], set_={"hits": effects.c.hits + 1})
        )

    async def applied() -> dict[str, int]:
        async with db.unit_of_work() as uow:
            # the probe topic is shared: this consumer group also sees other tests' probes
            rows = await uow.session.execute(
                sa.select(effects.c.event, effects.c.hits).where(effects.c.event.startswith(aggregate + ":"))
            )
            return {r.event: r.hits for r in rows}

    runner = ConsumerRunner(
        name=unique("outage-consumer"),
        db=db,
        tables=tables,
        handlers={KernelProbe.event_type: (effect,)},
        bootstrap=stack.bootstrap,
        max_attempts=3,
        backoff_base=0.05,
    )
    stop = asyncio.Event()
    task = asyncio.create_task(runner.run(stop))
    try:
        await produce(stack.bootstrap, events[:5])
        await _wait(lambda: _count(applied, 5), "the first events before the outage")

        await asyncio.to_thread(private_postgres.stop)
        for n in range(5, 15):  # events keep arriving for ~10 s while the database is down
            await produce(stack.bootstrap, [events[n]])
            await asyncio.sleep(1)
        await asyncio.to_thread(private_postgres.start)
        await produce(stack.bootstrap, events[15:])

        await _wait(lambda: _count(applied, total), "every event after the outage", timeout=90)
    finally:
        stop.set()
        await asyncio.wait_for(task, 30)
    assert await applied() == {f"{aggregate}:{n}": 1 for n in range(total)}
    failed = tables.failed_events
    async with db.unit_of_work() as uow:
        dead = await uow.session.scalars(
            sa.select(failed.c.event_id).where(failed.c.event_id.in_([str(e.id) for e in events]))
        )
        assert list(dead) == []  # (other tests' forged probes on the shared topic are, rightly)
    await db.dispose()


async def _count(applied: Callable[[], Awaitable[dict[str, int]]], wanted: int) -> bool:
    try:
        return len(await applied()) >= wanted
    except Exception:  # the database may still be starting
        return False


async def _wait(check: Callable[[], Awaitable[bool]], what: str, timeout: float = 30.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not await check():
        assert asyncio.get_running_loop().time() < deadline, f"timed out waiting for {what}"
        await asyncio.sleep(0.1)
