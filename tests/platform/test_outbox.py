"""Transactional outbox and relay, against the real PostgreSQL and broker (R-PL-4)."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

import pytest
import sqlalchemy as sa
from aiokafka import AIOKafkaConsumer
from prometheus_client import REGISTRY

from libs.db import Database
from libs.errors import NotFound
from libs.kafka import ensure_topics
from libs.outbox import relay as relay_module
from libs.outbox.maintenance import list_parked, purge_published, republish_range, unpark
from libs.outbox.record import record_event
from libs.outbox.relay import OutboxRelay
from libs.platform_tables import outbox_table
from services.ordering.models import OUTBOX, TABLES
from tests.platform.conftest import PROBE_TOPIC, KernelProbe, unique
from tools.devstack.stack import Stack


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
                    # matched by the record's key (the subject): the topic also carries other tests'
                    # records, some deliberately not JSON
                    if record.key is not None and record.key.decode().startswith(match):
                        found.append(json.loads(record.value))
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


# -- fencing and poison rows: relays of a scratch outbox (the service's own relay keeps running) --


@pytest.fixture
async def scratch_outbox(db: Database) -> AsyncIterator[sa.Table]:
    """An outbox table of its own in ordering's schema, relayed under its own lock name by the
    test's relays — so they never compete with the ordering service's running relay."""
    table = outbox_table(sa.MetaData(schema="ordering"), unique("kernel_outbox").replace("-", "_"))
    async with db.engine.begin() as conn:
        await conn.run_sync(table.create)
    yield table
    async with db.engine.begin() as conn:  # leave the service's schema as its migrations made it
        await conn.run_sync(table.drop)


RelayT = TypeVar("RelayT", bound=OutboxRelay)


class RecordingRelay(OutboxRelay):
    """A relay that notes which replica committed each batch, in one shared log."""

    def __init__(self, name: str, log: list[str], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.name, self.log = name, log

    async def publish_batch(self, producer: Any) -> int:
        published = await super().publish_batch(producer)
        if published:
            self.log.append(self.name)
        return published


async def write(db: Database, table: sa.Table, aggregate: str, n: int, **fields: Any) -> None:
    async with db.transaction() as uow:
        await record_event(
            uow.session, table, KernelProbe(aggregate=aggregate, n=n, **fields), service="ordering"
        )


async def wait_for(check: Any, timeout: float = 30.0, what: str = "") -> Any:
    deadline = asyncio.get_running_loop().time() + timeout
    while not (result := await check()):
        assert asyncio.get_running_loop().time() < deadline, f"timed out waiting for {what}"
        await asyncio.sleep(0.05)
    return result


async def unpublished(db: Database, table: sa.Table) -> list[dict]:
    async with db.unit_of_work() as uow:
        rows = await uow.session.execute(
            sa.select(table).where(table.c.published_at.is_(None)).order_by(table.c.id)
        )
        return [dict(r) for r in rows.mappings()]


async def first_copies(bootstrap: str, match: str, event_ids: set[str], timeout: float = 30.0) -> list[dict]:
    """The probe topic's envelopes for `match`, first copy of each event only (what a consumer's
    inbox applies), read until every one of `event_ids` has been seen."""
    consumer = AIOKafkaConsumer(
        PROBE_TOPIC,
        bootstrap_servers=bootstrap,
        group_id=unique("reader"),
        auto_offset_reset="earliest",
        enable_auto_commit=False,
    )
    await consumer.start()
    seen: dict[str, dict] = {}
    try:
        deadline = asyncio.get_running_loop().time() + timeout
        while not event_ids <= set(seen) and asyncio.get_running_loop().time() < deadline:
            for records in (await consumer.getmany(timeout_ms=300)).values():
                for record in records:
                    if record.key is not None and record.key.decode().startswith(match):
                        envelope = json.loads(record.value)
                        seen.setdefault(envelope["id"], envelope)
    finally:
        await consumer.stop()
    return list(seen.values())


def relay_of(db: Database, table: sa.Table, stack: Stack, lock: str, **kwargs: Any) -> dict[str, Any]:
    return dict(
        db=db, outbox=table, bootstrap=stack.bootstrap, topics={PROBE_TOPIC}, lock_name=lock, **kwargs
    )


@pytest.mark.failure
async def test_a_relay_that_loses_its_lock_stops_publishing_and_the_standby_keeps_aggregate_order(
    db: Database, stack: Stack, scratch_outbox: sa.Table
) -> None:
    lock, prefix, log = unique("fenced-relay"), unique("fence"), []
    aggregates = [f"{prefix}-{i}" for i in range(4)]
    dbs = [Database(stack.service_urls["ordering"], pool_size=2) for _ in range(2)]
    relays = [
        RecordingRelay(name, log, **relay_of(d, scratch_outbox, stack, lock, leader_poll_seconds=0.1))
        for name, d in zip(("a", "b"), dbs, strict=True)
    ]
    stop = asyncio.Event()
    tasks = [asyncio.create_task(r.run(stop)) for r in relays]
    try:
        leader = await wait_for(lambda: _leader(relays), what="a relay to take the lock")
        for n in range(30):  # events flow ...
            for a in aggregates:
                await write(db, scratch_outbox, a, n)
        await wait_for(lambda: _published_any(db, scratch_outbox), what="the leader to publish")
        # ... when the leader's lock connection dies (a network cut, a failover, an operator)
        assert leader.leadership.connection is not None
        async with db.transaction() as uow:
            await uow.session.execute(
                sa.select(sa.func.pg_terminate_backend(leader.leadership.connection.get_server_pid()))
            )
        for n in range(30, 60):
            for a in aggregates:
                await write(db, scratch_outbox, a, n)
        await wait_for(lambda: _all_published(db, scratch_outbox), what="every row to be published")
    finally:
        stop.set()
        await asyncio.wait_for(asyncio.gather(*tasks), 20)
        for d in dbs:
            await d.dispose()

    # the old leader published nothing once the standby had taken over: no interleaving
    took_over = "b" if leader is relays[0] else "a"
    assert took_over in log, log
    assert leader.name not in log[log.index(took_over) :], log
    # and each aggregate's events reached the topic complete and in order
    async with db.unit_of_work() as uow:
        ids = {str(i) for i in await uow.session.scalars(sa.select(scratch_outbox.c.event_id))}
    envelopes = await first_copies(stack.bootstrap, prefix, ids)
    assert {e["id"] for e in envelopes} == ids
    for a in aggregates:
        assert [e["data"]["n"] for e in envelopes if e["subject"] == a] == list(range(60))


@pytest.mark.failure
async def test_r_pl_4_a_relay_whose_connection_dies_reconnects_instead_of_sleeping_out_its_idle_poll(
    db: Database, stack: Stack, scratch_outbox: sa.Table, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A database restart drops the relay's lock connection, which is also its NOTIFY listener: with
    an idle poll of an hour, only noticing the dead connection gets the next row published."""
    monkeypatch.setattr(relay_module, "IDLE_POLL_SECONDS", 3600.0)
    own = Database(stack.service_urls["ordering"], pool_size=2)
    relay = OutboxRelay(**relay_of(own, scratch_outbox, stack, unique("deaf-relay"), leader_poll_seconds=0.1))
    stop = asyncio.Event()
    task = asyncio.create_task(relay.run(stop))
    try:
        await wait_for(lambda: _leader([relay]), what="the relay to take the lock")
        await write(db, scratch_outbox, unique("before"), 0)
        await wait_for(lambda: _all_published(db, scratch_outbox), what="the first row")
        assert relay.leadership.connection is not None
        async with db.transaction() as uow:
            await uow.session.execute(
                sa.select(sa.func.pg_terminate_backend(relay.leadership.connection.get_server_pid()))
            )
        await write(db, scratch_outbox, unique("after"), 1)
        await wait_for(lambda: _all_published(db, scratch_outbox), timeout=20, what="the row after the cut")
    finally:
        stop.set()
        await asyncio.wait_for(task, 20)
        await own.dispose()


async def _leader(relays: list[RelayT]) -> RelayT | None:
    for relay in relays:
        if await relay.leadership.confirm():
            return relay
    return None


async def _published_any(db: Database, table: sa.Table) -> bool:
    async with db.unit_of_work() as uow:
        return bool(
            await uow.session.scalar(sa.select(sa.func.count()).where(table.c.published_at.is_not(None)))
        )


async def _all_published(db: Database, table: sa.Table) -> bool:
    return not await unpublished(db, table)


@pytest.mark.failure
async def test_an_unsendable_row_is_parked_with_its_aggregate_and_the_rest_keep_flowing(
    db: Database, stack: Stack, scratch_outbox: sa.Table
) -> None:
    prefix = unique("parked")
    stuck, other = f"{prefix}-stuck", f"{prefix}-other"
    relay = OutboxRelay(**relay_of(db, scratch_outbox, stack, unique("parking-relay"), max_attempts=3))
    await write(db, scratch_outbox, stuck, 0)
    await write(db, scratch_outbox, stuck, 1, note="x" * 1_200_000)  # over the producer's 1 MB limit
    await write(db, scratch_outbox, stuck, 2)
    for n in range(3):
        await write(db, scratch_outbox, other, n)
    stop = asyncio.Event()
    task = asyncio.create_task(relay.run(stop))
    try:
        # the other aggregate flows; the stuck one is parked from its poison row on
        await wait_for(
            lambda: _held(db, scratch_outbox, {(stuck, 1, True), (stuck, 2, True)}), what="parking"
        )
        parked = await list_parked(db, scratch_outbox)
        assert [(r["key"], r["attempts"], r["parked_at"] is not None) for r in parked] == [
            (stuck, 3, True),
            (stuck, 0, True),
        ]
        assert "MessageSizeTooLarge" in parked[0]["last_error"]
        # a later event of the parked aggregate waits behind it, and is listed with it
        await write(db, scratch_outbox, stuck, 3)
        await write(db, scratch_outbox, other, 3)
        await wait_for(
            lambda: _held(db, scratch_outbox, {(stuck, 1, True), (stuck, 2, True), (stuck, 3, False)}),
            what="the other aggregate's new event",
        )
        assert [r["parked_at"] is None for r in await list_parked(db, scratch_outbox)] == [False, False, True]
        await wait_for(lambda: _gauge_at_least(2), what="the parked gauge")
        # the operator removes the cause and un-parks: the aggregate goes out, in order
        async with db.transaction() as uow:
            envelope = await uow.session.scalar(
                sa.select(scratch_outbox.c.envelope).where(scratch_outbox.c.id == parked[0]["id"])
            )
            envelope["data"]["note"] = "shortened"
            await uow.session.execute(
                sa.update(scratch_outbox)
                .where(scratch_outbox.c.id == parked[0]["id"])
                .values(envelope=envelope)
            )
        with pytest.raises(NotFound):
            await unpark(db, scratch_outbox, parked[1]["id"] + 1000)
        assert await unpark(db, scratch_outbox, parked[0]["id"]) == 3
        await wait_for(lambda: _all_published(db, scratch_outbox), what="the un-parked rows")
    finally:
        stop.set()
        await asyncio.wait_for(task, 20)
    async with db.unit_of_work() as uow:
        ids = {str(i) for i in await uow.session.scalars(sa.select(scratch_outbox.c.event_id))}
    envelopes = await first_copies(stack.bootstrap, prefix, ids)
    for a in (stuck, other):
        assert [e["data"]["n"] for e in envelopes if e["subject"] == a] == [0, 1, 2, 3]


async def _held(db: Database, table: sa.Table, expected: set[tuple[str, int, bool]]) -> bool:
    """The unpublished rows are exactly these (key, n, parked?)."""
    rows = await unpublished(db, table)
    return {(r["key"], r["envelope"]["data"]["n"], r["parked_at"] is not None) for r in rows} == expected


async def _gauge_at_least(count: int) -> bool:
    value = REGISTRY.get_sample_value("outbox_events_parked", {"service": "ordering"})
    return value is not None and value >= count


async def test_housekeeping_purges_old_inbox_rows_and_long_resolved_failed_events(db: Database) -> None:
    from libs.clock import FixedClock
    from libs.housekeeping import housekeep_once

    clock, consumer = FixedClock(datetime.now(UTC)), unique("housekept")
    now, day = clock.now(), timedelta(days=1)
    inbox, failed = TABLES.inbox, TABLES.failed_events
    async with db.transaction() as uow:
        for age in (31, 29):
            await uow.session.execute(
                sa.insert(inbox).values(
                    consumer=consumer,
                    event_id=uuid.uuid4(),
                    event_type=f"age-{age}",
                    processed_at=now - age * day,
                )
            )
        for status, age in (("redriven", 31), ("redriven", 29), ("failed", 90)):
            await uow.session.execute(
                sa.insert(failed).values(
                    consumer=consumer,
                    topic=PROBE_TOPIC,
                    partition=0,
                    offset=0,
                    payload="{}",
                    error=f"{status}-{age}",
                    attempts=1,
                    status=status,
                    failed_at=now - 90 * day,
                    redriven_at=now - age * day if status == "redriven" else None,
                )
            )
    removed = await housekeep_once(
        db,
        TABLES,
        clock,
        retention=timedelta(days=7),
        inbox_retention=30 * day,
        failed_events_retention=30 * day,
    )
    assert removed["inbox_rows"] >= 1 and removed["failed_events"] >= 1
    async with db.unit_of_work() as uow:
        kept_inbox = await uow.session.scalars(
            sa.select(inbox.c.event_type).where(inbox.c.consumer == consumer)
        )
        assert list(kept_inbox) == ["age-29"]  # younger than the retention: a redelivery may still come
        kept_failed = await uow.session.scalars(
            sa.select(failed.c.error).where(failed.c.consumer == consumer)
        )
        # the one re-driven recently stays for the record; one still failed is never purged
        assert sorted(kept_failed) == ["failed-90", "redriven-29"]
