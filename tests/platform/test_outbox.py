"""Transactional outbox and relay, against the real PostgreSQL and broker (R-PL-4)."""

from __future__ import annotations

import asyncio
import json
import uuid
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from aiokafka import AIOKafkaConsumer

from libs.db import Database
from libs.devstack.stack import Stack
from libs.kafka import ensure_topics
from libs.outbox.maintenance import purge_published, republish_range
from services.ordering.models import OUTBOX, TABLES
from tests.platform.conftest import PROBE_TOPIC, KernelProbe, unique


async def read_topic(bootstrap: str, until: int, match: str, timeout: float = 20.0) -> list[dict]:
    """Every envelope on the probe topic whose subject starts with `match`, in partition order."""
    consumer = AIOKafkaConsumer(
        PROBE_TOPIC,
        bootstrap_servers=bootstrap,
        group_id=unique("reader"),
        auto_offset_reset="earliest",
        enable_auto_commit=False,
    )
    await consumer.start()
    found: list[dict] = []
    try:
        deadline = asyncio.get_running_loop().time() + timeout
        while len(found) < until and asyncio.get_running_loop().time() < deadline:
            batch = await consumer.getmany(timeout_ms=300)
            for records in batch.values():
                for record in records:
                    envelope = json.loads(record.value)
                    if envelope["subject"].startswith(match):
                        found.append(envelope)
    finally:
        await consumer.stop()
    return found


@pytest.fixture(autouse=True)
async def probe_topic(stack: Stack) -> None:
    await ensure_topics(stack.bootstrap, [PROBE_TOPIC])


async def test_rollback_writes_no_event(db: Database) -> None:
    aggregate = unique("rollback")
    with pytest.raises(RuntimeError):
        async with db.transaction() as uow:
            await OUTBOX.emit(uow.session, KernelProbe(aggregate=aggregate))
            raise RuntimeError("the state change fails")
    async with db.unit_of_work() as uow:
        count = await uow.session.scalar(
            sa.select(sa.func.count()).select_from(TABLES.outbox).where(TABLES.outbox.c.key == aggregate)
        )
    assert count == 0


async def test_committed_event_is_published_by_the_relay(db: Database, stack: Stack) -> None:
    aggregate = unique("commit")
    async with db.transaction() as uow:
        envelope = await OUTBOX.emit(uow.session, KernelProbe(aggregate=aggregate), reseller_id=uuid.uuid4())
    seen = await read_topic(stack.bootstrap, 1, aggregate)
    assert [e["id"] for e in seen] == [str(envelope.id)]
    assert seen[0]["specversion"] == "1.0" and seen[0]["type"] == "test.kernel.probe.v1"
    assert seen[0]["source"] == "/channelhub/ordering" and seen[0]["resellerid"]


async def test_events_of_one_aggregate_arrive_in_order(db: Database, stack: Stack) -> None:
    aggregate = unique("order")

    async def write(n: int) -> None:
        async with db.transaction() as uow:
            await OUTBOX.emit(uow.session, KernelProbe(aggregate=aggregate, n=n))

    for n in range(30):
        await write(n)
    seen = await read_topic(stack.bootstrap, 30, aggregate)
    assert [e["data"]["n"] for e in seen] == list(range(30))


async def test_republish_range_sends_published_events_again(db: Database, stack: Stack) -> None:
    aggregate = unique("republish")
    since = datetime.now(UTC) - timedelta(seconds=1)
    async with db.transaction() as uow:
        await OUTBOX.emit(uow.session, KernelProbe(aggregate=aggregate))
    assert len(await read_topic(stack.bootstrap, 1, aggregate)) == 1

    async def published() -> bool:
        async with db.unit_of_work() as uow:
            row = await uow.session.scalar(
                sa.select(TABLES.outbox.c.published_at).where(TABLES.outbox.c.key == aggregate)
            )
        return row is not None

    for _ in range(100):
        if await published():
            break
        await asyncio.sleep(0.05)
    assert await republish_range(db, OUTBOX.table, since=since) >= 1
    seen = await read_topic(stack.bootstrap, 2, aggregate)
    assert len(seen) == 2 and seen[0]["id"] == seen[1]["id"]  # the same event: consumers dedupe it


async def test_published_rows_are_kept_for_the_retention_period(db: Database) -> None:
    aggregate = unique("retention")
    async with db.transaction() as uow:
        await OUTBOX.emit(uow.session, KernelProbe(aggregate=aggregate))
        await uow.session.execute(
            sa.update(TABLES.outbox)
            .where(TABLES.outbox.c.key == aggregate)
            .values(published_at=datetime.now(UTC) - timedelta(days=3))
        )
    now = datetime.now(UTC)
    await purge_published(db, OUTBOX.table, as_of=now, retention=timedelta(days=7))
    async with db.unit_of_work() as uow:
        kept = await uow.session.scalar(
            sa.select(sa.func.count()).select_from(TABLES.outbox).where(TABLES.outbox.c.key == aggregate)
        )
    assert kept == 1
    await purge_published(db, OUTBOX.table, as_of=now, retention=timedelta(days=2))
    async with db.unit_of_work() as uow:
        gone = await uow.session.scalar(
            sa.select(sa.func.count()).select_from(TABLES.outbox).where(TABLES.outbox.c.key == aggregate)
        )
    assert gone == 0


async def test_housekeeping_drops_expired_idempotency_keys_and_old_published_events(db: Database) -> None:
    from libs.clock import FixedClock
    from libs.housekeeping import housekeep_once

    aggregate, key = unique("housekeeping"), unique("idem")
    now = datetime.now(UTC)
    async with db.transaction() as uow:
        await OUTBOX.emit(uow.session, KernelProbe(aggregate=aggregate))
        await uow.session.execute(
            sa.update(TABLES.outbox)
            .where(TABLES.outbox.c.key == aggregate)
            .values(published_at=now - timedelta(days=30))
        )
        await uow.session.execute(
            sa.insert(TABLES.idempotency_keys).values(
                caller="tests",
                key=key,
                method="POST",
                path="/x",
                request_hash="h",
                response_status=201,
                response_body={},
                expires_at=now - timedelta(minutes=1),
            )
        )
    removed = await housekeep_once(db, TABLES, FixedClock(now), retention=timedelta(days=7))
    assert removed["outbox_rows"] >= 1 and removed["idempotency_keys"] >= 1
    async with db.unit_of_work() as uow:
        assert (
            await uow.session.scalar(
                sa.select(sa.func.count())
                .select_from(TABLES.idempotency_keys)
                .where(TABLES.idempotency_keys.c.key == key)
            )
            == 0
        )
