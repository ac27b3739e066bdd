"""Consumer runner: inbox dedupe, crash recovery, retries and dead letters (R-PL-4)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from aiokafka import AIOKafkaConsumer

from libs.consumer import ConsumerRunner, handler_map, handles_runs
from libs.consumer.failed import redrive
from libs.db import Database, UnitOfWork
from libs.errors import Unprocessable
from libs.events.envelope import CloudEvent
from libs.kafka import TYPE_HEADER, dead_letter_topic, ensure_topics, new_producer
from libs.outbox.record import published_channel
from services.ordering.models import TABLES
from tests.platform.conftest import PROBE_TOPIC, KernelProbe, hit, hits, unique
from tools.devstack.stack import Stack


def envelope(aggregate: str, n: int, *, poison: bool = False, source: str = "test") -> CloudEvent:
    """A probe as its producer ("test", the prefix of its type) would publish it."""
    return CloudEvent.wrap(
        KernelProbe(aggregate=aggregate, n=n, poison=poison), service=source, at=datetime.now(UTC)
    )


async def produce(bootstrap: str, envelopes: list[CloudEvent], topic: str = PROBE_TOPIC) -> None:
    producer = new_producer(bootstrap)
    await producer.start()
    try:
        for e in envelopes:
            await producer.send_and_wait(topic, e.to_bytes(), key=e.subject.encode())
    finally:
        await producer.stop()


def runner(name: str, db: Database, stack: Stack, handler, max_attempts: int = 3) -> ConsumerRunner:
    return ConsumerRunner(
        name=name,
        db=db,
        tables=TABLES,
        handlers={KernelProbe.event_type: (handler,)},
        bootstrap=stack.bootstrap,
        max_attempts=max_attempts,
        backoff_base=0.01,
    )


async def run_until(r: ConsumerRunner, done, timeout: float = 30.0) -> None:
    stop = asyncio.Event()
    task = asyncio.create_task(r.run(stop))
    try:
        deadline = asyncio.get_running_loop().time() + timeout
        while not await done():
            assert asyncio.get_running_loop().time() < deadline, "consumer did not finish in time"
            await asyncio.sleep(0.05)
    finally:
        stop.set()
        await asyncio.wait_for(task, 15)


@pytest.fixture(autouse=True)
async def probe_topic(stack: Stack) -> None:
    await ensure_topics(stack.bootstrap, [PROBE_TOPIC])


async def test_the_same_event_twice_has_one_effect(db: Database, stack: Stack) -> None:
    aggregate = unique("dup")
    e = envelope(aggregate, 0)
    await produce(stack.bootstrap, [e, e, envelope(aggregate, 1)])

    async def effect(uow: UnitOfWork, env: CloudEvent, event: KernelProbe) -> None:
        await hit(uow.session, f"{event.aggregate}:{event.n}")

    r = runner(unique("dedupe"), db, stack, effect)
    await run_until(r, lambda: _has(db, aggregate, 2))
    assert await hits(db, aggregate) == {f"{aggregate}:0": 1, f"{aggregate}:1": 1}
    assert r.stats.duplicates >= 1


async def test_r_pl_4_several_handlers_of_a_type_run_in_their_order_in_one_transaction(
    db: Database, stack: Stack
) -> None:
    aggregate = unique("ordered")
    await produce(stack.bootstrap, [envelope(aggregate, 0)])
    seen: list[str] = []

    async def first(uow: UnitOfWork, env: CloudEvent, event: KernelProbe) -> None:
        if event.aggregate == aggregate:  # the group reads the topic from the start: others' probes too
            seen.append("first")
        await hit(uow.session, f"{event.aggregate}:first")

    async def second(uow: UnitOfWork, env: CloudEvent, event: KernelProbe) -> None:
        if event.aggregate == aggregate:
            seen.append("second")
        # the first handler's write is visible: same unit of work, not yet committed elsewhere
        count = await uow.session.scalar(
            sa.text("SELECT hits FROM ordering.kernel_test_effects WHERE event = :e"),
            {"e": f"{event.aggregate}:first"},
        )
        await hit(uow.session, f"{event.aggregate}:second-after-{count}")

    r = ConsumerRunner(
        name=unique("ordered"),
        db=db,
        tables=TABLES,
        handlers={KernelProbe.event_type: (first, second)},
        bootstrap=stack.bootstrap,
        max_attempts=3,
        backoff_base=0.01,
    )
    await run_until(r, lambda: _has(db, aggregate, 2))
    assert seen == ["first", "second"]
    assert await hits(db, aggregate) == {f"{aggregate}:first": 1, f"{aggregate}:second-after-1": 1}


@pytest.mark.failure
async def test_r_pl_4_a_run_handler_applies_consecutive_events_together_and_a_failing_one_alone(
    db: Database, stack: Stack
) -> None:
    """`handles_runs`: consecutive events of one type reach the handler together, in order, each
    once (a duplicate in the run is skipped by the inbox). When a group fails, the runner does not
    know which event failed: the innocent ones are applied without an attempt counted against
    them, and only the failing one is retried up to `max_attempts` and dead-lettered."""
    aggregate = unique("runs")
    first = envelope(aggregate, 0)
    await produce(
        stack.bootstrap, [first, first, *(envelope(aggregate, n, poison=(n == 3)) for n in range(1, 6))]
    )
    name = unique("runner")
    groups: list[list[int]] = []
    poisoned_calls = 0

    async def apply_run(uow: UnitOfWork, run: list[tuple[CloudEvent, KernelProbe]]) -> None:
        nonlocal poisoned_calls
        mine = [event for _, event in run if event.aggregate == aggregate]
        groups.append([event.n for event in mine])
        if any(event.poison for event in mine):
            poisoned_calls += 1
            raise ValueError("cannot handle this one")
        for _, event in run:
            await hit(uow.session, f"{event.aggregate}:{event.n}")

    r = ConsumerRunner(
        name=name,
        db=db,
        tables=TABLES,
        handlers=handler_map(handles_runs(KernelProbe, apply_run)),
        bootstrap=stack.bootstrap,
        max_attempts=2,
        backoff_base=0.01,
    )
    await run_until(r, lambda: _has(db, aggregate, 5))
    assert await hits(db, aggregate) == {f"{aggregate}:{n}": 1 for n in (0, 1, 2, 4, 5)}
    assert max(len(g) for g in groups) >= 5  # one fetch brought them: they came as one run
    assert all(g == sorted(g) for g in groups)  # in the order they were published
    failed = [row for row in await failed_rows(db, name) if aggregate in (row["payload"] or "")]
    assert len(failed) == 1 and failed[0]["attempts"] == 2
    assert CloudEvent.model_validate_json(failed[0]["payload"]).data["n"] == 3
    assert poisoned_calls >= 2 and r.stats.duplicates >= 1


async def _has(db: Database, prefix: str, count: int) -> bool:
    return len(await hits(db, prefix)) >= count


@pytest.mark.failure
async def test_a_consumer_that_crashes_mid_batch_has_no_double_effect_after_restart(
    db: Database, stack: Stack
) -> None:
    aggregate = unique("crash")
    await produce(stack.bootstrap, [envelope(aggregate, n) for n in range(10)])
    group = unique("crashing")
    reached = asyncio.Event()

    async def crashing(uow: UnitOfWork, env: CloudEvent, event: KernelProbe) -> None:
        if event.aggregate == aggregate and event.n == 5:
            reached.set()
            await asyncio.sleep(3600)  # the process "dies" here, before the batch's offsets are committed
        await hit(uow.session, f"{event.aggregate}:{event.n}")

    first = runner(group, db, stack, crashing)
    task = asyncio.create_task(first.run(asyncio.Event()))
    await asyncio.wait_for(reached.wait(), 30)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    # what was committed before the crash (0..4, or none of them when they shared the crashed
    # record's transaction) is in the database; the offsets are not in Kafka
    before = await hits(db, aggregate)
    assert set(before) <= {f"{aggregate}:{n}" for n in range(5)}

    async def healthy(uow: UnitOfWork, env: CloudEvent, event: KernelProbe) -> None:
        await hit(uow.session, f"{event.aggregate}:{event.n}")

    second = runner(group, db, stack, healthy)
    await run_until(second, lambda: _has(db, aggregate, 10))
    assert await hits(db, aggregate) == {f"{aggregate}:{n}": 1 for n in range(10)}
    assert second.stats.duplicates >= len(before)  # redelivered and skipped by the inbox


@pytest.mark.failure
async def test_a_poison_event_is_dead_lettered_after_n_tries_and_the_rest_keep_flowing(
    db: Database, stack: Stack
) -> None:
    aggregate = unique("poison")
    await produce(stack.bootstrap, [envelope(aggregate, n, poison=(n == 2)) for n in range(6)])
    name = unique("poisoned")
    attempts: list[int] = []
    fixed = False

    async def handler(uow: UnitOfWork, env: CloudEvent, event: KernelProbe) -> None:
        if event.aggregate == aggregate and event.poison and not fixed:
            attempts.append(event.n)
            raise ValueError("cannot handle this one")
        await hit(uow.session, f"{event.aggregate}:{event.n}")

    r = runner(name, db, stack, handler, max_attempts=3)
    await run_until(r, lambda: _has(db, aggregate, 5))
    assert set(await hits(db, aggregate)) == {f"{aggregate}:{n}" for n in (0, 1, 3, 4, 5)}
    assert attempts == [2, 2, 2]

    failed_table = TABLES.failed_events
    async with db.unit_of_work() as uow:
        failed = (
            (
                await uow.session.execute(
                    # the probe topic is shared: other tests' forged probes are dead-lettered here too
                    sa.select(failed_table).where(
                        failed_table.c.consumer == name, failed_table.c.payload.contains(aggregate)
                    )
                )
            )
            .mappings()
            .one()
        )
    assert failed["attempts"] == 3 and failed["status"] == "failed" and "cannot handle" in failed["error"]

    dead = AIOKafkaConsumer(
        dead_letter_topic(name),
        bootstrap_servers=stack.bootstrap,
        group_id=unique("dlt-reader"),
        auto_offset_reset="earliest",
    )
    await dead.start()
    try:
        batch = await dead.getmany(timeout_ms=5000)
        values = [rec.value for recs in batch.values() for rec in recs if aggregate.encode() in rec.value]
    finally:
        await dead.stop()
    assert len(values) == 1 and CloudEvent.from_bytes(values[0]).data["n"] == 2

    fixed = True  # the operator fixed the cause; re-drive applies the event once
    assert (await redrive(r, failed["id"]))["applied"] is True
    assert (await hits(db, aggregate))[f"{aggregate}:2"] == 1


async def test_a_handler_whose_connection_keeps_dying_is_retried_until_it_succeeds_not_dead_lettered(
    db: Database, stack: Stack
) -> None:
    """A database restart kills the handler's connection (more often than `max_attempts`): that is
    the infrastructure failing, not the event — it is retried until it applies, and nothing after
    it is handled first."""
    aggregate = unique("transient")
    await produce(stack.bootstrap, [envelope(aggregate, n) for n in range(4)])
    name, killed = unique("transient"), []

    async def handler(uow: UnitOfWork, env: CloudEvent, event: KernelProbe) -> None:
        if event.aggregate == aggregate and event.n == 1 and len(killed) < 5:
            killed.append(1)
            await uow.session.execute(sa.select(sa.func.pg_terminate_backend(sa.func.pg_backend_pid())))
        await hit(uow.session, f"{event.aggregate}:{event.n}")

    r = runner(name, db, stack, handler, max_attempts=3)
    await run_until(r, lambda: _has(db, aggregate, 4))
    assert await hits(db, aggregate) == {f"{aggregate}:{n}": 1 for n in range(4)}
    assert len(killed) == 5 and r.stats.dead_lettered == 0
    assert await failed_rows(db, name) == []


async def failed_rows(db: Database, consumer: str) -> list[dict]:
    t = TABLES.failed_events
    async with db.unit_of_work() as uow:
        rows = await uow.session.execute(sa.select(t).where(t.c.consumer == consumer).order_by(t.c.id))
        return [dict(r) for r in rows.mappings()]


async def test_an_event_from_a_source_other_than_its_producer_or_on_another_topic_is_dead_lettered(
    db: Database, stack: Stack
) -> None:
    """Trusted by source, not by type alone: `test.kernel.probe.v1` is produced by `test` and
    published on its topic; a copy claiming another source, or arriving elsewhere, is refused."""
    aggregate, other_topic = unique("forged"), unique("test.kernel.elsewhere")
    await ensure_topics(stack.bootstrap, [other_topic])
    forged_source = envelope(aggregate, 0, source="ordering")
    wrong_topic = envelope(aggregate, 1)
    await produce(stack.bootstrap, [forged_source, envelope(aggregate, 2)])
    await produce(stack.bootstrap, [wrong_topic], topic=other_topic)
    name = unique("trusting")

    async def effect(uow: UnitOfWork, env: CloudEvent, event: KernelProbe) -> None:
        await hit(uow.session, f"{event.aggregate}:{event.n}")

    r = ConsumerRunner(
        name=name,
        db=db,
        tables=TABLES,
        handlers={KernelProbe.event_type: (effect,)},
        bootstrap=stack.bootstrap,
        backoff_base=0.01,
    )
    r.topics = [PROBE_TOPIC, other_topic]  # listen where the forgery was written, as if it were ours

    async def both_refused() -> bool:
        return len(await failed_rows(db, name)) == 2 and await _has(db, aggregate, 1)

    await run_until(r, both_refused)
    assert await hits(db, aggregate) == {f"{aggregate}:2": 1}
    failed = {row["event_id"]: row for row in await failed_rows(db, name)}
    assert "untrusted source" in failed[str(forged_source.id)]["error"]
    assert "wrong topic" in failed[str(wrong_topic.id)]["error"]
    # and re-driving a forgery does not apply it either
    with pytest.raises(Unprocessable):
        await redrive(r, failed[str(forged_source.id)]["id"])
    assert await hits(db, aggregate) == {f"{aggregate}:2": 1}


async def test_records_of_types_the_consumer_does_not_handle_are_skipped_by_their_header_undecoded(
    db: Database, stack: Stack
) -> None:
    """The relay names each record's type in a `ce_type` header: a consumer skips the types it does
    not handle without decoding the payload — not even a payload that cannot be decoded is poison."""
    aggregate = unique("skip")
    producer = new_producer(stack.bootstrap)
    await producer.start()
    try:
        await producer.send_and_wait(
            PROBE_TOPIC,
            f"not json at all ({aggregate})".encode(),
            key=aggregate.encode(),
            headers=[(TYPE_HEADER, b"test.other.v1")],
        )
        handled = envelope(aggregate, 1)
        await producer.send_and_wait(
            PROBE_TOPIC,
            handled.to_bytes(),
            key=aggregate.encode(),
            headers=[(TYPE_HEADER, KernelProbe.event_type.encode())],
        )
    finally:
        await producer.stop()

    async def effect(uow: UnitOfWork, env: CloudEvent, event: KernelProbe) -> None:
        await hit(uow.session, f"{event.aggregate}:{event.n}")

    name = unique("skipper")
    r = runner(name, db, stack, effect)
    await run_until(r, lambda: _has(db, aggregate, 1))
    assert await hits(db, aggregate) == {f"{aggregate}:1": 1}
    # the new group also reads earlier tests' probes (poison ones among them): only this test's
    # records count — neither the undecodable one nor the handled one was dead-lettered
    assert not [row for row in await failed_rows(db, name) if aggregate in (row["payload"] or "")]


async def test_a_consumer_at_rest_fetches_nothing_and_wakes_on_its_producers_outbox_notify(
    db: Database, stack: Stack
) -> None:
    """At rest a consumer pauses its partitions (no fetch requests to the broker) and is woken by the
    NOTIFY its producers' relays send when they have published: the event is applied long before its
    idle poll."""

    async def effect(uow: UnitOfWork, env: CloudEvent, event: KernelProbe) -> None:
        await hit(uow.session, f"{event.aggregate}:{event.n}")

    aggregate = unique("wake")
    r = ConsumerRunner(
        name=unique("resting"),
        db=db,
        tables=TABLES,
        handlers={KernelProbe.event_type: (effect,)},
        bootstrap=stack.bootstrap,
        idle_poll_seconds=120,  # only the wake-up can bring the event in time
    )
    stop = asyncio.Event()
    task = asyncio.create_task(r.run(stop))
    try:
        await wait_until_async(lambda: r.resting, timeout=60)
        await produce(stack.bootstrap, [envelope(aggregate, 0)])
        async with db.unit_of_work() as uow:  # what the producer's relay sends once it has published
            await uow.session.execute(sa.select(sa.func.pg_notify(published_channel("test"), "")))
            await uow.commit()
        started = asyncio.get_running_loop().time()
        await wait_until_async(lambda: _has(db, aggregate, 1), timeout=60)
        assert asyncio.get_running_loop().time() - started < 60 < r.idle_poll_seconds
    finally:
        stop.set()
        await asyncio.wait_for(task, 15)


async def wait_until_async(check, timeout: float) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        found = check()
        if asyncio.iscoroutine(found):
            found = await found
        if found:
            return
        assert asyncio.get_running_loop().time() < deadline, "condition not reached in time"
        await asyncio.sleep(0.05)
