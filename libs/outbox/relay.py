"""The outbox relay: publishes unpublished outbox rows to Kafka, in id order, per service.

Guarantee: at-least-once delivery, per-aggregate order (the Kafka key is the
aggregate id), exactly-once *effect* through the consumers' inboxes.

How order is kept: one relay per service is active at a time — it holds a
PostgreSQL advisory lock (`libs.leadership`); other replicas stand by and take
over if it dies. The lock lives on its own connection, so it can be lost while
this process keeps running: the relay confirms it before every batch and again
inside the claim transaction before marking rows published, and stops the
moment it is gone. Rows are claimed with a plain `FOR UPDATE` (not SKIP
LOCKED): a new leader waits for the old leader's claim to end instead of
sending the rows behind it first. It claims *unpublished rows* (`published_at
IS NULL`) rather than reading "id > last seen", so rows of transactions that
commit out of id order are never skipped. It is woken by LISTEN/NOTIFY and
also polls, because a wake-up can be missed while the connection is being
re-established.

Poison rows: a row the broker refuses for a reason of its own (too large, a
topic that cannot exist) is retried `max_attempts` times and then *parked*,
with every later row of its aggregate, so the rest of the outbox keeps
flowing and the aggregate's order still holds. Operators list and un-park
them (`libs.outbox.maintenance`, `/v1/ops/{service}/outbox/parked`). A broker
outage fails every row alike and parks nothing.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from aiokafka import AIOKafkaProducer
from aiokafka.errors import (
    InvalidTopicError,
    MessageSizeTooLargeError,
    RecordListTooLargeError,
    TopicAuthorizationFailedError,
    UnknownTopicOrPartitionError,
)
from prometheus_client import Counter, Gauge

from libs.aio import sleep_or_stop
from libs.clock import wall_now
from libs.db import Database, to_plain_url
from libs.kafka import TYPE_HEADER, ensure_topics, new_producer
from libs.leadership import Leadership, LeadershipLost
from libs.logging import get_logger
from libs.outbox.maintenance import count_parked, park
from libs.outbox.record import notify_channel, published_channel
from libs.settings import get_settings

log = get_logger(__name__)
OUTBOX_PUBLISHED = Counter("outbox_events_published_total", "Outbox events sent to Kafka", ["service"])
OUTBOX_PARKED = Gauge("outbox_events_parked", "Outbox rows parked, waiting for an operator", ["service"])

BATCH_SIZE = 200
# The relay is woken by its outbox's NOTIFY; it also polls — every POLL_SECONDS while rows are
# waiting for a retry, every IDLE_POLL_SECONDS otherwise (a wake-up can only be missed while the
# listener is being set up, and the first round after that publishes what is there).
POLL_SECONDS = 1.0
IDLE_POLL_SECONDS = 30.0
MAX_BACKOFF_SECONDS = 5.0
PARKED_GAUGE_SECONDS = 15.0
# a new leader waits this long for the old leader's claim to end before it tries again
CLAIM_LOCK_TIMEOUT = "30s"


class UnsendableTopic(Exception):
    """The row's topic does not exist and cannot be created."""


# Errors that say "this record can never be sent", however healthy the broker is.
_ROW_AT_FAULT = (
    MessageSizeTooLargeError,
    RecordListTooLargeError,
    InvalidTopicError,
    TopicAuthorizationFailedError,
    UnsendableTopic,
)
# Errors about the whole topic: the batch's other rows of that topic are not tried.
_TOPIC_AT_FAULT = (
    UnknownTopicOrPartitionError,
    InvalidTopicError,
    TopicAuthorizationFailedError,
    UnsendableTopic,
)


@dataclass
class _Attempt:
    """What happened to one claimed batch."""

    sent: list[Any] = field(default_factory=list)
    failed: dict[int, BaseException] = field(default_factory=dict)  # row id → error
    first_failure: dict[str, int] = field(default_factory=dict)  # key → id of its first failed row

    def fail(self, row: Any, exc: BaseException) -> None:
        self.failed[row.id] = exc
        self.first_failure.setdefault(row.key, row.id)

    def publishable(self) -> list[Any]:
        """Acked rows with no failed row of their aggregate before them. (Rows of one key share a
        partition and a producer batch, so they fail together; should a later one have been acked
        anyway, it is sent again after the earlier one — consumers dedupe the early copy.)"""
        return [r for r in self.sent if self.first_failure.get(r.key, r.id + 1) > r.id]


class OutboxRelay:
    def __init__(
        self,
        *,
        db: Database,
        outbox: sa.Table,
        bootstrap: str,
        topics: set[str],
        max_attempts: int | None = None,
        lock_name: str | None = None,
        leader_poll_seconds: float = 5.0,
    ) -> None:
        self.db = db
        self.outbox = outbox
        self.bootstrap = bootstrap
        self.topics = topics
        self.schema = outbox.schema or "public"
        self.max_attempts = max_attempts or get_settings().outbox_max_attempts
        self.leadership = Leadership(
            to_plain_url(db.url), lock_name or f"outbox-relay:{self.schema}", poll_seconds=leader_poll_seconds
        )
        self._wake = asyncio.Event()
        self._ready_topics: set[str] = set()
        self._gauge_at: float | None = None  # when the parked gauge was last refreshed
        self._failed = False  # a row of the last round failed: poll soon to retry it

    async def run(self, stop: asyncio.Event) -> None:
        """Run until `stop` is set: wait for leadership, then publish; reconnect on failure."""
        backoff = 0.2
        while not stop.is_set():
            try:
                await self._run_as_leader(stop)
                backoff = 0.2
            except asyncio.CancelledError:
                raise
            except LeadershipLost:
                log.warning("outbox relay lost its leadership; standing by", schema=self.schema)
                await sleep_or_stop(stop, backoff)
            except Exception as exc:
                log.warning("outbox relay error; retrying", error=repr(exc), schema=self.schema)
                await sleep_or_stop(stop, backoff)
                backoff = min(backoff * 2, MAX_BACKOFF_SECONDS)

    async def _run_as_leader(self, stop: asyncio.Event) -> None:
        async with self.leadership.held(stop) as leading:
            if not leading:
                return
            conn = self.leadership.connection
            assert conn is not None
            await conn.add_listener(notify_channel(self.schema), lambda *_: self._wake.set())
            # a connection that dies (a database restart, a failover) ends the wait at once: the
            # next round's lock check fails and the relay reconnects, instead of sleeping out the
            # idle poll deaf to the NOTIFYs a dead listener can no longer hear
            conn.add_termination_listener(lambda *_: self._wake.set())
            await ensure_topics(self.bootstrap, self.topics)
            self._ready_topics = set(self.topics)
            producer = new_producer(self.bootstrap)
            await producer.start()
            try:
                while not stop.is_set():
                    # cleared before the round, never after it: a NOTIFY that arrives while the round
                    # publishes (its row committed too late for the batch) starts the next round at
                    # once instead of waiting out the idle poll
                    self._wake.clear()
                    full = True
                    self._failed = False
                    while full and not stop.is_set():
                        await self.leadership.ensure()  # fencing: no batch without the lock
                        full = await self.publish_batch(producer) == BATCH_SIZE
                    await self._refresh_parked_gauge()
                    waiter = asyncio.create_task(self._wake.wait())
                    stopper = asyncio.create_task(stop.wait())
                    poll = POLL_SECONDS if self._failed else IDLE_POLL_SECONDS
                    await asyncio.wait({waiter, stopper}, timeout=poll, return_when="FIRST_COMPLETED")
                    waiter.cancel()
                    stopper.cancel()
            finally:
                await producer.stop()

    async def publish_batch(self, producer: AIOKafkaProducer) -> int:
        """Claim a batch, send it, and mark what was acked published; returns how many were.

        Rows that failed stay unpublished (or are parked after `max_attempts`); a batch with
        failures returns less than `BATCH_SIZE`, so the next try waits for the next poll.
        """
        o = self.outbox
        earlier = o.alias("earlier")
        held_back = sa.exists().where(
            earlier.c.key == o.c.key,
            earlier.c.parked_at.is_not(None),
            earlier.c.published_at.is_(None),
            earlier.c.id < o.c.id,
        )
        async with self.db.unit_of_work() as uow:
            await uow.session.execute(sa.text(f"SET LOCAL lock_timeout = '{CLAIM_LOCK_TIMEOUT}'"))
            rows = (
                await uow.session.execute(
                    sa.select(o.c.id, o.c.topic, o.c.key, o.c.event_type, o.c.envelope, o.c.attempts)
                    .where(o.c.published_at.is_(None), o.c.parked_at.is_(None), ~held_back)
                    .order_by(o.c.id)
                    .limit(BATCH_SIZE)
                    .with_for_update(of=o)
                )
            ).all()
            if not rows:
                return 0
            attempt = await self._send(producer, rows)
            # fencing, again: a relay that lost its lock while sending must not mark anything;
            # the new leader sends these rows again (after ours, since it waited for our claim)
            await self.leadership.ensure()
            done = attempt.publishable()
            if done:
                await uow.session.execute(
                    sa.update(o).where(o.c.id.in_([r.id for r in done])).values(published_at=wall_now())
                )
            parked = await self._record_failures(uow.session, rows, attempt)
            if done:  # consumers at rest fetch again when this commits (libs.outbox.wake)
                await uow.session.execute(sa.select(sa.func.pg_notify(published_channel(self.schema), "")))
            await uow.commit()
        OUTBOX_PUBLISHED.labels(self.schema).inc(len(done))
        if parked:
            self._gauge_at = None
        errors = list(attempt.failed.values())
        if errors:
            self._failed = True
        if errors and not attempt.sent and not any(isinstance(e, _ROW_AT_FAULT) for e in errors):
            # nothing got through and no row is to blame: the broker itself; back off and reconnect
            raise errors[0]
        return len(done)  # less than a full batch when anything failed: the retry waits for a poll

    async def _send(self, producer: AIOKafkaProducer, rows: Sequence[Any]) -> _Attempt:
        attempt = _Attempt()
        blocked_topics: dict[str, BaseException] = {}
        pending: list[tuple[Any, asyncio.Future[Any]]] = []
        for row in rows:
            if row.key in attempt.first_failure:
                continue  # an earlier row of this aggregate failed: the later ones wait for it
            if row.topic in blocked_topics:
                attempt.fail(row, blocked_topics[row.topic])
                continue
            try:
                await self._ensure_topic(row.topic)
            except Exception as exc:  # the topic is missing and cannot be made now: skip it this batch
                attempt.fail(row, exc)
                blocked_topics[row.topic] = exc
                continue
            try:
                # aiokafka keeps send order per partition; every ack is awaited before marking
                future = await producer.send(
                    row.topic,
                    value=_encode(row.envelope),
                    key=row.key.encode(),
                    headers=[(TYPE_HEADER, row.event_type.encode())],
                )
                pending.append((row, future))
            except Exception as exc:
                attempt.fail(row, exc)
                if isinstance(exc, _TOPIC_AT_FAULT):
                    blocked_topics[row.topic] = exc
                    self._ready_topics.discard(row.topic)  # e.g. a broker that restarted without its topics
        results = await asyncio.gather(*(f for _, f in pending), return_exceptions=True)
        for (row, _), result in zip(pending, results, strict=True):
            if isinstance(result, BaseException):
                attempt.fail(row, result)
                if isinstance(result, UnknownTopicOrPartitionError):
                    self._ready_topics.discard(row.topic)
            else:
                attempt.sent.append(row)
        return attempt

    async def _ensure_topic(self, topic: str) -> None:
        if topic in self._ready_topics:
            return
        try:
            await ensure_topics(self.bootstrap, [topic])
        except Exception as exc:
            if isinstance(exc, InvalidTopicError) or "InvalidTopic" in repr(exc):
                raise UnsendableTopic(f"topic {topic!r} cannot be created: {exc!r}") from exc
            raise
        self._ready_topics.add(topic)

    async def _record_failures(self, session: Any, rows: Sequence[Any], attempt: _Attempt) -> int:
        """Note each failure on its row; count it against the row only when the row is at fault
        (an error no broker state can cure, or others in the batch got through); park rows that
        ran out of attempts. Returns how many rows were parked."""
        o = self.outbox
        parked = 0
        for row in rows:
            exc = attempt.failed.get(row.id)
            if exc is None:
                continue
            at_fault = isinstance(exc, _ROW_AT_FAULT) or bool(attempt.sent)
            error = repr(exc)[:2000]
            attempts = row.attempts + 1 if at_fault else row.attempts
            await session.execute(
                sa.update(o).where(o.c.id == row.id).values(attempts=attempts, last_error=error)
            )
            if at_fault and attempts >= self.max_attempts:
                parked += await park(session, o, row_id=row.id, key=row.key, reason=error)
                log.error(
                    "outbox row parked",
                    schema=self.schema,
                    row_id=row.id,
                    key=row.key,
                    attempts=attempts,
                    error=error,
                )
        return parked

    async def _refresh_parked_gauge(self) -> None:
        now = asyncio.get_running_loop().time()
        if self._gauge_at is not None and now - self._gauge_at < PARKED_GAUGE_SECONDS:
            return
        self._gauge_at = now
        OUTBOX_PARKED.labels(self.schema).set(await count_parked(self.db, self.outbox))


def _encode(envelope: dict) -> bytes:
    return json.dumps(envelope, separators=(",", ":")).encode()
