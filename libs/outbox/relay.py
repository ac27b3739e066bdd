"""The outbox relay: publishes unpublished outbox rows to Kafka, in id order, per service.

Guarantee: at-least-once delivery, per-aggregate order (the Kafka key is the
aggregate id), exactly-once *effect* through the consumers' inboxes.

How order is kept: one relay per service is active at a time — it holds a
PostgreSQL advisory lock; other replicas stand by and take over if it dies.
It claims *unpublished rows* (`published_at IS NULL`) rather than reading
"id > last seen", so rows of transactions that commit out of id order are
never skipped. It is woken by LISTEN/NOTIFY and also polls, because a wake-up
can be missed while the connection is being re-established.
"""

from __future__ import annotations

import asyncio
import json
import zlib
from datetime import UTC, datetime

import asyncpg
import sqlalchemy as sa
from aiokafka import AIOKafkaProducer
from prometheus_client import Counter

from libs.db import Database, to_plain_url
from libs.kafka import ensure_topics, new_producer
from libs.logging import get_logger
from libs.outbox.record import notify_channel

log = get_logger(__name__)
OUTBOX_PUBLISHED = Counter("outbox_events_published_total", "Outbox events sent to Kafka", ["service"])

BATCH_SIZE = 200
POLL_SECONDS = 1.0
MAX_BACKOFF_SECONDS = 5.0


class OutboxRelay:
    def __init__(self, *, db: Database, outbox: sa.Table, bootstrap: str, topics: set[str]) -> None:
        self.db = db
        self.outbox = outbox
        self.bootstrap = bootstrap
        self.topics = topics
        self.schema = outbox.schema or "public"
        self._wake = asyncio.Event()

    @property
    def lock_key(self) -> int:
        return zlib.crc32(f"outbox-relay:{self.schema}".encode())

    async def run(self, stop: asyncio.Event) -> None:
        """Run until `stop` is set: wait for leadership, then publish; reconnect on failure."""
        backoff = 0.2
        while not stop.is_set():
            try:
                await self._run_as_leader(stop)
                backoff = 0.2
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning("outbox relay error; retrying", error=repr(exc), schema=self.schema)
                await _sleep_or_stop(stop, backoff)
                backoff = min(backoff * 2, MAX_BACKOFF_SECONDS)

    async def _run_as_leader(self, stop: asyncio.Event) -> None:
        conn = await asyncpg.connect(to_plain_url(self.db.url))
        try:
            while not await conn.fetchval("SELECT pg_try_advisory_lock($1)", self.lock_key):
                if await _sleep_or_stop(stop, POLL_SECONDS * 5):
                    return
            await conn.add_listener(notify_channel(self.schema), lambda *_: self._wake.set())
            await ensure_topics(self.bootstrap, self.topics)
            producer = new_producer(self.bootstrap)
            await producer.start()
            try:
                while not stop.is_set():
                    while await self.publish_batch(producer) == BATCH_SIZE:
                        pass
                    self._wake.clear()
                    waiter = asyncio.create_task(self._wake.wait())
                    stopper = asyncio.create_task(stop.wait())
                    await asyncio.wait({waiter, stopper}, timeout=POLL_SECONDS, return_when="FIRST_COMPLETED")
                    waiter.cancel()
                    stopper.cancel()
            finally:
                await producer.stop()
        finally:
            await conn.close()

    async def publish_batch(self, producer: AIOKafkaProducer) -> int:
        """Claim a batch, send it, and mark it published — or leave it all for the next try."""
        o = self.outbox
        async with self.db.unit_of_work() as uow:
            rows = (
                await uow.session.execute(
                    sa.select(o.c.id, o.c.topic, o.c.key, o.c.envelope)
                    .where(o.c.published_at.is_(None))
                    .order_by(o.c.id)
                    .limit(BATCH_SIZE)
                    .with_for_update(skip_locked=True)
                )
            ).all()
            if not rows:
                return 0
            try:
                # aiokafka keeps send order per partition; wait for every ack before marking.
                futures = [
                    await producer.send(row.topic, value=_encode(row.envelope), key=row.key.encode())
                    for row in rows
                ]
                await asyncio.gather(*futures)
            except Exception as exc:
                await uow.session.rollback()
                await self._note_failure([r.id for r in rows], repr(exc))
                if "UnknownTopic" in repr(exc):  # e.g. a broker that restarted without its topics
                    await ensure_topics(self.bootstrap, self.topics | {row.topic for row in rows})
                raise
            await uow.session.execute(
                sa.update(o).where(o.c.id.in_([r.id for r in rows])).values(published_at=datetime.now(UTC))
            )
            await uow.commit()
        OUTBOX_PUBLISHED.labels(self.schema).inc(len(rows))
        return len(rows)

    async def _note_failure(self, ids: list[int], error: str) -> None:
        o = self.outbox
        async with self.db.transaction() as uow:
            await uow.session.execute(
                sa.update(o).where(o.c.id.in_(ids)).values(attempts=o.c.attempts + 1, last_error=error[:2000])
            )


def _encode(envelope: dict) -> bytes:
    return json.dumps(envelope, separators=(",", ":")).encode()


async def _sleep_or_stop(stop: asyncio.Event, seconds: float) -> bool:
    """Sleep, but return early (True) when asked to stop."""
    try:
        await asyncio.wait_for(stop.wait(), timeout=seconds)
        return True
    except TimeoutError:
        return False
