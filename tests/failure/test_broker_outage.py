"""Failure injection: the broker goes away while partners keep working (R-PL-4).

The embedded broker keeps everything in memory, so stopping it loses every
topic and committed offset — the harshest outage there is. Orders and
reseller changes keep being accepted (they only need PostgreSQL: the events
wait in the outboxes); after the restart (and the re-publishing of the
outboxes' retention window) every event arrives and has its effect exactly once.
"""

from __future__ import annotations

import asyncio
import json
import uuid

import pytest
import sqlalchemy as sa
from aiokafka import AIOKafkaConsumer

from libs.db import Database
from libs.testing.api import Api, wait_until
from services.ordering.models import TABLES as ORDERING
from tools.devstack.stack import Stack

pytestmark = pytest.mark.failure


async def order_ids_on_topic(bootstrap: str, wanted: set[str]) -> list[str]:
    consumer = AIOKafkaConsumer(
        "ordering.orders",
        bootstrap_servers=bootstrap,
        group_id=f"audit-{uuid.uuid4()}",
        auto_offset_reset="earliest",
        enable_auto_commit=False,
    )
    await consumer.start()
    seen: list[str] = []
    try:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + 60
        while not wanted <= set(seen) and loop.time() < deadline:
            for records in (await consumer.getmany(timeout_ms=500)).values():
                for record in records:
                    envelope = json.loads(record.value)
                    if envelope["type"] == "ordering.order.placed.v1" and envelope["subject"] in wanted:
                        seen.append(envelope["subject"])
    finally:
        await consumer.stop()
    return seen


async def inbox_counts(stack: Stack, event_ids: list[str]) -> dict[str, int]:
    db = Database(stack.service_urls["ordering"], pool_size=1)
    try:
        async with db.unit_of_work() as uow:
            rows = await uow.session.execute(
                sa.select(ORDERING.inbox.c.event_id, sa.func.count())
                .where(
                    ORDERING.inbox.c.consumer == "ordering",
                    ORDERING.inbox.c.event_id.in_([uuid.UUID(e) for e in event_ids]),
                )
                .group_by(ORDERING.inbox.c.event_id)
            )
            return {str(r[0]): r[1] for r in rows}
    finally:
        await db.dispose()


async def outbox_rows(stack: Stack, order_ids: set[str]) -> list[dict]:
    """What ordering's outbox says about events that did not arrive (for the failure message)."""
    db = Database(stack.service_urls["ordering"], pool_size=1)
    try:
        async with db.unit_of_work() as uow:
            o = ORDERING.outbox
            rows = await uow.session.execute(
                sa.select(
                    o.c.id, o.c.key, o.c.event_type, o.c.published_at, o.c.attempts, o.c.last_error
                ).where(o.c.key.in_(order_ids))
            )
            return [dict(r._mapping) for r in rows]
    finally:
        await db.dispose()


async def onboarding_event_ids(stack: Stack, reseller_id: str) -> list[str]:
    from services.onboarding.models import TABLES as ONBOARDING

    db = Database(stack.service_urls["onboarding"], pool_size=1)
    try:
        async with db.unit_of_work() as uow:
            rows = await uow.session.scalars(
                sa.select(ONBOARDING.outbox.c.event_id).where(ONBOARDING.outbox.c.key == reseller_id)
            )
            return [str(r) for r in rows]
    finally:
        await db.dispose()


def test_broker_outage_loses_nothing_and_duplicates_nothing(api: Api, stack: Stack) -> None:
    sku = api.ensure_sku()["sku"]
    before = api.onboard_reseller()

    stack.stop_broker()
    try:
        # Partners keep working: orders are accepted, a new reseller is onboarded.
        orders = []
        for _ in range(5):
            response = api.call("POST", "/v1/orders", before.key, json=api.order_body(sku))
            assert response.status_code == 201, response.text
            orders.append(response.json()["id"])
        during = api.onboard_reseller(wait_for_ordering=False)
    finally:
        # The memory-only broker comes back empty. A producer that reconnects in the instant before
        # its topics are re-created can get an ack for a record the broker then drops (seen here under
        # load), so — as an operator would after losing a broker — the stack re-publishes the outboxes'
        # retention window. Consumers dedupe: each event must still have exactly one effect.
        stack.start_broker(refill=True)

    # Every order event reaches the broker once the relay reconnects …
    seen = asyncio.run(order_ids_on_topic(stack.bootstrap, set(orders)))
    missing = set(orders) - set(seen)
    assert not missing, asyncio.run(outbox_rows(stack, missing))
    # … ordering takes the reseller onboarded during the outage (asking onboarding while its
    # events are still on their way), and learns it from onboarding's events too,
    api.check_reseller_may_order(during)
    # each of which had its effect exactly once (one inbox row per event id).
    event_ids = asyncio.run(onboarding_event_ids(stack, during.id))
    assert event_ids
    counts = wait_until(
        lambda: (c := asyncio.run(inbox_counts(stack, event_ids))) and len(c) == len(event_ids) and c,
        what="ordering to handle every onboarding event",
    )
    assert set(counts.values()) == {1}
    placed = api.call("POST", "/v1/orders", during.key, json=api.order_body(sku))
    assert placed.status_code == 201, placed.text
