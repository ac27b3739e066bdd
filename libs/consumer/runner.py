"""The consumer runner: Kafka → handler, with inbox dedupe, retries and dead letters.

For each record: open a unit of work, insert `(consumer, event id)` into the
inbox (unique), run the handler, commit — one transaction, so a redelivered
event finds its inbox row and has no second effect. Kafka offsets are committed
only after the database commit (at most once a second while records flow, and
before the consumer rests or stops), so a crash means redelivery, never loss.

Failures are of two kinds (`libs.consumer.transient`). A transient one (the
database restarting, a dropped connection, a pool timeout, a serialization
failure) is retried with capped backoff until it succeeds: the partition waits
and nothing is skipped. A permanent one (a `DomainError`, a contract violation,
a bug) is retried `max_attempts` times; then the record goes to the dead-letter
topic and the `failed_events` table (where operators list and re-drive it), and
the partition moves on.

Events are trusted by source, not by type alone: an event type belongs to the
service named by its prefix (`producer_of`), so a record whose CloudEvents
`source` is another service, or that arrived on a topic other than its type's,
is dead-lettered with the reason and never applied.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import sqlalchemy as sa
import structlog
from aiokafka import AIOKafkaConsumer, ConsumerRebalanceListener, ConsumerRecord, TopicPartition
from aiokafka.errors import CommitFailedError, IllegalStateError
from pydantic import ValidationError
from sqlalchemy.dialects.postgresql import ARRAY, UUID
from sqlalchemy.dialects.postgresql import insert as pg_insert

from libs.aio import sleep_or_stop
from libs.consumer.transient import is_transient
from libs.db import Database, UnitOfWork, to_plain_url
from libs.events.base import EVENT_TYPES, Event, event_model_for, producer_of, topics_of
from libs.events.envelope import CloudEvent, source_of
from libs.kafka import TYPE_HEADER, dead_letter_topic, ensure_topics, new_producer
from libs.logging import correlation_id_var, get_logger
from libs.outbox.record import published_channel
from libs.outbox.wake import OutboxWake
from libs.platform_tables import PlatformTables

log = get_logger(__name__)

# A handler receives the event parsed into the model of its type (the runner looks the model up
# by the CloudEvents type), so it can be typed with the event class it handles — see `handles`.
Handler = Callable[[UnitOfWork, CloudEvent, Any], Awaitable[None]]
# Every event type a service consumes → its handlers, run in this order in the event's transaction.
HandlerMap = dict[str, tuple[Handler, ...]]
E = TypeVar("E", bound=Event)
# A run handler applies consecutive events of one type together, each as (envelope, event), in
# order: set-based statements for a batch instead of the same statements once per event.
RunHandler = Callable[[UnitOfWork, list[tuple[CloudEvent, Any]]], Awaitable[None]]


class DuplicateHandler(ValueError):
    """Two declarations handle the same event type without saying in which order (raised when the
    service's handler map is built, so the process never starts with one silently replacing another)."""


@dataclass(frozen=True)
class Handles:
    """`handlers` for these event types; with `after=True`, run after those declared before for them."""

    event_class: type[Event]
    event_types: tuple[str, ...]
    handlers: tuple[Handler, ...]
    after: bool = False


def _types_of(event_class: type[Event]) -> tuple[str, ...]:
    found = tuple(t for t, cls in EVENT_TYPES.items() if issubclass(cls, event_class))
    if not found:
        raise ValueError(f"{event_class.__name__} has no registered event types")
    return found


def handles(
    event_class: type[E], *handlers: Callable[[UnitOfWork, CloudEvent, E], Awaitable[None]]
) -> Handles:
    """`handlers`, in this order, for `event_class` and every event type derived from it (e.g. all
    reseller events, which carry the same snapshot). Typed: each handler's parameter is the class
    it handles. An event type handled by an earlier declaration too is a `DuplicateHandler`."""
    if not handlers:
        raise ValueError(f"handles({event_class.__name__}) names no handler")
    return Handles(event_class, _types_of(event_class), tuple(handlers))


def handles_runs(
    event_class: type[E], run_handler: Callable[[UnitOfWork, list[tuple[CloudEvent, E]]], Awaitable[None]]
) -> Handles:
    """`run_handler` for `event_class`'s types, given consecutive events of one type together (in
    the order they arrived, in the run's one transaction): one set-based write for a batch of
    events. A lone event — the run's only one, or retried alone after a failure — is a run of one.
    It must be the type's only handler (events of a type with several handlers run one by one)."""
    return Handles(event_class, _types_of(event_class), (_one_at_a_time(run_handler),))


def _one_at_a_time(run_handler: RunHandler) -> Handler:
    """The run handler as an ordinary handler (a run of one), which the runner recognises by
    `applies_runs` and calls with whole runs instead."""

    async def handle(uow: UnitOfWork, envelope: CloudEvent, payload: Any) -> None:
        await run_handler(uow, [(envelope, payload)])

    handle.applies_runs = run_handler  # type: ignore[attr-defined]
    handle.__qualname__ = getattr(run_handler, "__qualname__", "run_handler")
    return handle


def _run_handler_of(handlers: tuple[Handler, ...]) -> RunHandler | None:
    if len(handlers) != 1:
        return None
    return getattr(handlers[0], "applies_runs", None)


def then_handles(
    event_class: type[E], *handlers: Callable[[UnitOfWork, CloudEvent, E], Awaitable[None]]
) -> Handles:
    """`handlers` for `event_class`'s types, run after the handlers an earlier declaration gave them
    (e.g. every contract event updates billing's copy; a termination then also invoices its fee).
    Each of its types must already be handled: an order is only declared against something."""
    return Handles(event_class, _types_of(event_class), tuple(handlers), after=True)


def handler_map(*declarations: Handles) -> HandlerMap:
    """The service's handlers per event type, in declaration order; refuses an accidental duplicate."""
    found: dict[str, tuple[Handler, ...]] = {}
    declared_by: dict[str, str] = {}
    for d in declarations:
        for event_type in d.event_types:
            if d.after:
                if event_type not in found:
                    raise DuplicateHandler(
                        f"then_handles({d.event_class.__name__}): {event_type} has no handler to run after"
                    )
                found[event_type] = (*found[event_type], *d.handlers)
            elif event_type in found:
                raise DuplicateHandler(
                    f"{event_type} is handled by handles({declared_by[event_type]}) and "
                    f"handles({d.event_class.__name__}): declare the second with then_handles "
                    "(ordered after the first) or list both handlers in one handles()"
                )
            else:
                found[event_type] = d.handlers
                declared_by[event_type] = d.event_class.__name__
    return found


# The embedded broker (Tansu) answers a fetch after this long when no records are there, and does
# not answer early when records arrive meanwhile (measured: a record's wait is the rest of the fetch
# in flight), so a consumer that keeps fetching costs the broker a request per wait, all the time.
# Instead a consumer fetches only when something was published: after a fetch round that brought
# nothing it pauses its partitions (the fetcher sends no requests) until the relay of a service it
# consumes says it published (PostgreSQL NOTIFY from the relay's transaction, `libs.outbox.wake`),
# or `IDLE_POLL_SECONDS` pass — a missed wake-up (another database, a dropped listener) costs
# latency, never an event.
# While records flow, the fetch wait sets the broker's cost: each fetch costs Tansu about half a
# millisecond of CPU whatever it returns (measured: six consumers fetching an idle topic at 25 ms
# took 13 % of a core), and every consumer process fetches all the time under load. 50 ms halves
# that for at most 50 ms more per hop while busy; at rest a wake-up's fetch finds its records at once.
FETCH_MAX_WAIT_MS = 50
SESSION_TIMEOUT_MS = 6000
# how long a fetch round waits for records before the consumer rests: one empty fetch, no more
FETCH_ROUND_MS = FETCH_MAX_WAIT_MS + 10
IDLE_POLL_SECONDS = 5.0
# Offsets are committed at most this often while records flow, and at once before the consumer
# rests, stops or gives up partitions: a commit per fetched batch was a broker request per event
# or two under load (each consumer, each order). A crash redelivers at most this much, which the
# inbox deduplicates — the offset is a bookmark, never the record of what was applied.
OFFSET_COMMIT_SECONDS = 1.0
MAX_TRANSIENT_BACKOFF_SECONDS = 5.0


class PoisonEvent(Exception):
    """A record that cannot be parsed (or whose data does not match its schema): no retry can help."""

    def __init__(self, message: str, envelope: CloudEvent | None = None) -> None:
        super().__init__(message)
        self.envelope = envelope


class _GroupFailed(Exception):
    """A run handler failed on a group of events: which of them caused it is not known yet."""


class ShuttingDown(Exception):
    """Raised out of a transient retry when the runner is stopped: the record stays uncommitted."""


def trust_problem(envelope: CloudEvent, topic: str) -> str | None:
    """Why this handled event must not be believed, or None: its `source` must be the service
    that produces its type, and it must arrive on the topic its type is declared on."""
    producer = producer_of(envelope.type)
    if envelope.source != source_of(producer):
        return f"untrusted source: {envelope.type} is produced by {producer}, not by {envelope.source!r}"
    model = event_model_for(envelope.type)
    if model is not None and topic != model.topic:
        return f"wrong topic: {envelope.type} is published on {model.topic!r}, not on {topic!r}"
    return None


class _Offsets(ConsumerRebalanceListener):
    """The next offset to commit per partition, committed every `OFFSET_COMMIT_SECONDS`, before a
    rest or a stop, and for the partitions a rebalance takes away (their next owner starts there)."""

    def __init__(self, consumer: AIOKafkaConsumer) -> None:
        self.consumer = consumer
        self.pending: dict[TopicPartition, int] = {}
        self.committed_at = asyncio.get_running_loop().time()

    def done(self, tp: TopicPartition, next_offset: int) -> None:
        self.pending[tp] = next_offset

    async def commit_if_due(self) -> None:
        if asyncio.get_running_loop().time() - self.committed_at >= OFFSET_COMMIT_SECONDS:
            await self.commit()

    async def commit(self, partitions: set[TopicPartition] | None = None) -> None:
        self.committed_at = asyncio.get_running_loop().time()
        due = {tp: o for tp, o in self.pending.items() if partitions is None or tp in partitions}
        if not due:
            return
        for tp in due:
            del self.pending[tp]
        try:
            await self.consumer.commit(due)
        except (CommitFailedError, IllegalStateError) as exc:
            # the group moved on (a rebalance): the partitions' next owner gets these records again
            # and its inbox knows them — nothing is lost, nothing applied twice
            log.info("offsets not committed; they will be redelivered", error=repr(exc))

    async def on_partitions_revoked(self, revoked: list[TopicPartition]) -> None:
        await self.commit(set(revoked))

    async def on_partitions_assigned(self, assigned: list[TopicPartition]) -> None:
        return None


@dataclass
class RunnerStats:
    handled: int = 0
    duplicates: int = 0
    dead_lettered: int = 0


def _claim_inbox(inbox: sa.Table) -> sa.Insert:
    """The inbox rows of a run of events (or of one) in one statement of one shape, built once:
    `INSERT … SELECT $consumer, unnest($event_ids), unnest($event_types) ON CONFLICT DO NOTHING
    RETURNING event_id` names the events not seen before (the same event twice in a run: once).
    Arrays, not a multi-row VALUES or a list of parameter sets: SQLAlchemy cannot cache the
    first and sends the second through the ORM's bulk-insert path, which cost a consumer more
    CPU than the statement itself (bench/README.md)."""
    rows = sa.select(
        sa.bindparam("consumer", type_=sa.Text),
        sa.func.unnest(sa.bindparam("event_ids", type_=ARRAY(UUID(as_uuid=True)))),
        sa.func.unnest(sa.bindparam("event_types", type_=ARRAY(sa.Text))),
    )
    return (
        pg_insert(inbox)
        .from_select(["consumer", "event_id", "event_type"], rows)
        .on_conflict_do_nothing()
        .returning(inbox.c.event_id)
    )


class ConsumerRunner:
    def __init__(
        self,
        *,
        name: str,
        db: Database,
        tables: PlatformTables,
        handlers: HandlerMap,
        bootstrap: str,
        max_attempts: int = 5,
        backoff_base: float = 0.2,
        batch_size: int = 100,
        idle_poll_seconds: float = IDLE_POLL_SECONDS,
    ) -> None:
        self.name = name
        self.db = db
        self.tables = tables
        self.handlers = handlers
        self.bootstrap = bootstrap
        self.max_attempts = max_attempts
        self.backoff_base = backoff_base
        self.batch_size = batch_size
        self.idle_poll_seconds = idle_poll_seconds
        self.resting = False  # partitions paused, waiting for a wake-up (observable by tests)
        self.stats = RunnerStats()
        self._stop: asyncio.Event | None = None
        self.topics = sorted(topics_of(set(handlers)))
        self._claim_inbox = _claim_inbox(tables.inbox)
        sources = sorted({producer_of(t) for t in handlers})
        self._wake = OutboxWake(to_plain_url(db.url), [published_channel(s) for s in sources])

    async def run(self, stop: asyncio.Event) -> None:
        """Consume until `stop` is set; any broker failure restarts the consumer after a pause."""
        self._stop = stop
        backoff = 0.2
        while not stop.is_set():
            consumer: AIOKafkaConsumer | None = None
            try:
                await ensure_topics(self.bootstrap, [*self.topics, dead_letter_topic(self.name)])
                consumer = AIOKafkaConsumer(
                    bootstrap_servers=self.bootstrap,
                    group_id=self.name,
                    enable_auto_commit=False,
                    auto_offset_reset="earliest",
                    request_timeout_ms=10000,
                    # a member that died (kill -9, a lost host) holds its partitions until the
                    # coordinator's session timeout evicts it: the smallest the broker allows
                    # (Kafka's group.min.session.timeout.ms, 6 s), so a restarted replica
                    # resumes within seconds; heartbeats at a third of it
                    session_timeout_ms=SESSION_TIMEOUT_MS,
                    heartbeat_interval_ms=SESSION_TIMEOUT_MS // 3,
                    fetch_max_wait_ms=FETCH_MAX_WAIT_MS,
                )
                offsets = _Offsets(consumer)
                consumer.subscribe(self.topics, listener=offsets)
                await consumer.start()
                backoff = 0.2
                while not stop.is_set():
                    batch = await consumer.getmany(timeout_ms=FETCH_ROUND_MS, max_records=self.batch_size)
                    if not batch:
                        await offsets.commit()
                        await self._rest(consumer, stop)
                        continue
                    for tp, records in batch.items():
                        await self.process_many(records)
                        offsets.done(tp, records[-1].offset + 1)
                    await offsets.commit_if_due()
                await offsets.commit()
            except asyncio.CancelledError:
                raise
            except ShuttingDown:
                log.info("consumer stopped while waiting out a transient failure", consumer=self.name)
            except Exception as exc:
                log.warning("consumer error; restarting", consumer=self.name, error=repr(exc))
                await sleep_or_stop(stop, backoff)
                backoff = min(backoff * 2, 5.0)
            finally:
                if consumer is not None:
                    try:
                        await consumer.stop()
                    except Exception:  # a dead broker makes a clean stop impossible; nothing to keep
                        log.debug("consumer stop failed", consumer=self.name)
        await self._wake.close()

    async def _rest(self, consumer: AIOKafkaConsumer, stop: asyncio.Event) -> None:
        """Pause every partition (the fetcher sends nothing) until a wake-up, the idle poll or `stop`;
        then resume for one fetch round."""
        assigned = consumer.assignment()
        if not assigned:
            return  # still joining the group: nothing to pause
        await self._wake.listen()
        consumer.pause(*assigned)
        self.resting = True
        try:
            await self._wake.wait(stop, self.idle_poll_seconds)
        finally:
            self.resting = False
            consumer.resume(*(tp for tp in assigned if tp in consumer.assignment()))

    async def process_many(self, records: list[ConsumerRecord]) -> None:
        """A partition's records, in order, as few transactions as possible.

        Consecutive ordinary records share one transaction: each still gets its inbox row and its
        effect, in order, but they pay one BEGIN, one COMMIT and one pooled connection instead of
        one each — under load, a transaction per event was most of a consumer's cost. A record that
        cannot be parsed or trusted, or whose handler fails, ends the run: the records before it are
        committed together, it goes through `process` alone (retries, dead letters; a permanent
        failure inside the run counts as its first attempt), and the rest continue together."""
        records = [r for r in records if self._handles(r)]
        i = 0
        while i < len(records):
            done, failure = await self._together(records[i:])
            if failure is None and done == 0:  # a lone record, or a poison/untrusted one: the usual way
                await self.process(records[i])
                i += 1
                continue
            if failure is not None and done > 0:
                # the run failed at records[i + done]: commit the ones before it (they succeeded)
                again, second = await self._together(records[i : i + done])
                if second is not None or again != done:
                    for record in records[i : i + done]:
                        await self.process(record)
            i += done
            if failure is not None:
                # a failed run of several events of one type does not say which of them failed: the
                # first goes alone without an attempt counted, the next run narrows it down
                innocent = is_transient(failure) or isinstance(failure, _GroupFailed)
                await self.process(records[i], failed_once=None if innocent else failure)
                i += 1

    def _handles(self, record: ConsumerRecord) -> bool:
        """False when the record's type header names a type this consumer does not handle: skipped
        without decoding (a record without the header is decoded and decided by its envelope)."""
        for key, value in record.headers or ():
            if key == TYPE_HEADER:
                return value.decode("utf-8", errors="replace") in self.handlers
        return True

    async def _together(self, records: list[ConsumerRecord]) -> tuple[int, BaseException | None]:
        """Apply the leading ordinary records in one transaction. (n, None): the first n were
        committed (0 when fewer than two were ordinary: nothing was done). (k, exc): records[k]'s
        handler raised `exc`; everything was rolled back."""
        run: list[tuple[CloudEvent, Event | None]] = []
        for record in records:
            try:
                envelope, payload = self._parse(record.value)
            except PoisonEvent:
                break
            if payload is not None and trust_problem(envelope, record.topic) is not None:
                break
            run.append((envelope, payload))
        if sum(p is not None for _, p in run) < 2:
            return 0, None
        handled = duplicates = 0
        at = 0
        try:
            async with self.db.unit_of_work() as uow:
                # every inbox row of the run in one statement: one round trip instead of one per event
                # (in a busy process every await waits a turn of the event loop)
                handled_here = [e for e, p in run if p is not None]
                fresh = (
                    set(await uow.session.scalars(self._claim_inbox, self._inbox_rows(handled_here)))
                    if handled_here
                    else set()
                )
                index = 0
                while index < len(run):
                    at = index
                    envelope, payload = run[index]
                    index += 1
                    if payload is None:
                        continue  # an event type this consumer does not handle
                    if envelope.id not in fresh:
                        duplicates += 1
                        continue
                    fresh.discard(envelope.id)  # the same event twice in one run: the second is a duplicate
                    handlers = self.handlers[envelope.type]
                    run_handler = _run_handler_of(handlers)
                    if run_handler is not None:
                        # the fresh events of this type that follow it, up to the first other one
                        group: list[tuple[CloudEvent, Any]] = [(envelope, payload)]
                        while index < len(run) and run[index][0].type == envelope.type:
                            following, following_payload = run[index]
                            index += 1
                            if following.id in fresh:
                                fresh.discard(following.id)
                                group.append((following, following_payload))
                            else:
                                duplicates += 1
                        # the handler passes each event's correlation id on with what it emits
                        # for that event; what it emits for the group (a reseller's new balance
                        # after several invoices) carries the first one's
                        token = correlation_id_var.set(envelope.correlationid)
                        try:
                            with structlog.contextvars.bound_contextvars(
                                event_id=str(envelope.id), event_type=envelope.type, events=len(group)
                            ):
                                await run_handler(uow, group)
                        except Exception as exc:
                            if len(group) > 1 and not is_transient(exc):
                                raise _GroupFailed(len(group)) from exc
                            raise
                        finally:
                            correlation_id_var.reset(token)
                        handled += len(group)
                        continue
                    token = correlation_id_var.set(envelope.correlationid)
                    try:
                        with structlog.contextvars.bound_contextvars(
                            event_id=str(envelope.id), event_type=envelope.type
                        ):
                            for handler in handlers:
                                await handler(uow, envelope, payload)
                            handled += 1
                    finally:
                        correlation_id_var.reset(token)
                await uow.commit()
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.info("event failed in a batch", consumer=self.name, error=repr(exc))
            return at, exc
        self.stats.handled += handled
        self.stats.duplicates += duplicates
        if handled or duplicates:
            log.info("events handled", consumer=self.name, handled=handled, duplicates=duplicates)
        return len(run), None

    def _inbox_rows(self, envelopes: list[CloudEvent]) -> dict[str, Any]:
        return {
            "consumer": self.name,
            "event_ids": [e.id for e in envelopes],
            "event_types": [e.type for e in envelopes],
        }

    async def _apply(self, uow: UnitOfWork, envelope: CloudEvent, payload: Event) -> bool:
        """Inbox row, then the effect, in `uow`; False (no effect) when the inbox has the event."""
        inserted = await uow.session.execute(self._claim_inbox, self._inbox_rows([envelope]))
        if inserted.first() is None:
            return False
        for handler in self.handlers[envelope.type]:
            await handler(uow, envelope, payload)
        return True

    async def process(self, record: ConsumerRecord, *, failed_once: BaseException | None = None) -> None:
        if not self._handles(record):
            return  # an event type this consumer does not handle
        try:
            envelope, payload = self._parse(record.value)
        except PoisonEvent as exc:
            await self._dead_letter(record, exc.envelope, str(exc), attempts=1)
            return
        if payload is None:
            return  # an event type this consumer does not handle
        problem = trust_problem(envelope, record.topic)
        if problem is not None:
            await self._dead_letter(record, envelope, problem, attempts=1)
            return
        token = correlation_id_var.set(envelope.correlationid)
        try:
            with structlog.contextvars.bound_contextvars(event_id=str(envelope.id), event_type=envelope.type):
                await self._handle_with_retries(record, envelope, payload, failed_once=failed_once)
        finally:
            correlation_id_var.reset(token)

    def _parse(self, raw: bytes | None) -> tuple[CloudEvent, Event | None]:
        if raw is None:
            raise PoisonEvent("empty record")
        try:
            envelope = CloudEvent.from_bytes(raw)
        except ValidationError as exc:
            raise PoisonEvent(f"not a CloudEvent: {exc.error_count()} errors") from exc
        if envelope.type not in self.handlers:
            return envelope, None
        model = event_model_for(envelope.type)
        assert model is not None
        try:
            return envelope, model.model_validate(envelope.data)
        except ValidationError as exc:
            raise PoisonEvent(f"data does not match {envelope.type}: {exc}", envelope) from exc

    async def _handle_with_retries(
        self,
        record: ConsumerRecord,
        envelope: CloudEvent,
        payload: Event,
        *,
        failed_once: BaseException | None = None,
    ) -> None:
        # permanent failures only: transient ones never count towards the dead letter
        attempt = 0 if failed_once is None else 1
        if failed_once is not None:
            log.warning("handler failed", consumer=self.name, attempt=attempt, error=repr(failed_once))
            if attempt >= self.max_attempts:
                await self._dead_letter(record, envelope, repr(failed_once), attempts=attempt)
                return
            await asyncio.sleep(self.backoff_base)
        transient_delay = max(self.backoff_base, 0.05)
        stop = self._stop or asyncio.Event()  # outside `run` nothing stops the wait
        while True:
            try:
                await self.handle_once(envelope, payload)
                return
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                if is_transient(exc):
                    log.warning("handler failed transiently; retrying", consumer=self.name, error=repr(exc))
                    if await sleep_or_stop(stop, transient_delay):
                        raise ShuttingDown(self.name) from exc  # the record stays uncommitted
                    transient_delay = min(transient_delay * 2, MAX_TRANSIENT_BACKOFF_SECONDS)
                    continue
                attempt += 1
                log.warning("handler failed", consumer=self.name, attempt=attempt, error=repr(exc))
                if attempt >= self.max_attempts:
                    await self._dead_letter(record, envelope, repr(exc), attempts=attempt)
                    return
                await asyncio.sleep(self.backoff_base * 2 ** (attempt - 1))

    async def handle_once(self, envelope: CloudEvent, payload: Event) -> bool:
        """Apply one event in one transaction. False when the inbox says it was already applied."""
        async with self.db.unit_of_work() as uow:
            if not await self._apply(uow, envelope, payload):
                self.stats.duplicates += 1
                log.info("event already handled", consumer=self.name, event_type=envelope.type)
                return False
            await uow.commit()
        self.stats.handled += 1
        log.info("event handled", consumer=self.name, event_type=envelope.type, event_id=str(envelope.id))
        return True

    async def _dead_letter(
        self, record: ConsumerRecord, envelope: CloudEvent | None, error: str, *, attempts: int
    ) -> None:
        payload = (record.value or b"").decode("utf-8", errors="replace")
        async with self.db.transaction() as uow:
            await uow.session.execute(
                sa.insert(self.tables.failed_events).values(
                    consumer=self.name,
                    event_id=str(envelope.id) if envelope else None,
                    event_type=envelope.type if envelope else None,
                    topic=record.topic,
                    partition=record.partition,
                    offset=record.offset,
                    payload=payload,
                    error=error[:4000],
                    attempts=attempts,
                )
            )
        producer = new_producer(self.bootstrap)
        try:
            await producer.start()
            await producer.send_and_wait(dead_letter_topic(self.name), value=record.value, key=record.key)
        except Exception as exc:  # the table row is the record of truth; the topic is a courtesy copy
            log.warning("dead-letter topic unavailable", error=repr(exc))
        finally:
            await producer.stop()
        self.stats.dead_lettered += 1
        log.error(
            "event dead-lettered", consumer=self.name, topic=record.topic, offset=record.offset, error=error
        )


__all__ = [
    "ConsumerRunner",
    "DuplicateHandler",
    "Handler",
    "HandlerMap",
    "Handles",
    "PoisonEvent",
    "RunHandler",
    "TopicPartition",
    "handler_map",
    "handles",
    "handles_runs",
    "then_handles",
]
