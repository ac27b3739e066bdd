"""Operators' routes through the gateway: dead-lettered events, outbox re-publishing, parked rows."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa

from libs.db import UnitOfWork
from libs.events.envelope import CloudEvent
from libs.kafka import new_producer
from libs.outbox.record import record_event
from libs.testing.api import Api, assert_problem, wait_until
from libs.testing.db import ServiceDb
from services.onboarding.models import TABLES as ONBOARDING
from services.ordering.models import TABLES
from tests.platform.conftest import KernelProbe
from tools.devstack.stack import Stack


def produce_poison(stack: Stack) -> str:
    """An event ordering handles, whose data does not match its schema: no retry can help it."""
    envelope = CloudEvent(
        source="/channelhub/onboarding",
        type="onboarding.reseller.updated.v1",
        subject=str(uuid.uuid4()),
        time=datetime.now(UTC),
        data={"reseller_id": "not-a-uuid"},
    )

    async def send() -> None:
        producer = new_producer(stack.bootstrap)
        await producer.start()
        try:
            await producer.send_and_wait(
                "onboarding.resellers", envelope.to_bytes(), key=envelope.subject.encode()
            )
        finally:
            await producer.stop()

    asyncio.run(send())
    return str(envelope.id)


def test_staff_list_dead_lettered_events_and_see_why_a_redrive_fails(api: Api, stack: Stack) -> None:
    event_id = produce_poison(stack)

    def listed() -> dict | None:
        page = api.admin("GET", "/v1/ops/ordering/failed-events", params={"status": "failed"}).json()["data"]
        return next((row for row in page if row["event_id"] == event_id), None)

    row = wait_until(listed, what="ordering to dead-letter the poison event")
    assert row["consumer"] == "ordering" and row["attempts"] == 1 and "does not match" in row["error"]
    # re-driving cannot help a malformed event, and says so; the row stays listed as failed
    assert_problem(api.admin("POST", f"/v1/ops/ordering/failed-events/{row['id']}/redrive"), 422)
    assert_problem(api.admin("POST", "/v1/ops/ordering/failed-events/999999999/redrive"), 404)


def test_operator_routes_are_staff_only(api: Api) -> None:
    reseller = api.onboard_reseller(wait_for_ordering=False)
    assert_problem(api.call("GET", "/v1/ops/ordering/failed-events", reseller.key), 403)
    assert_problem(
        api.call(
            "POST",
            "/v1/ops/onboarding/outbox/republish",
            reseller.key,
            json={"since": datetime.now(UTC).isoformat()},
        ),
        403,
    )
    assert_problem(api.call("GET", "/v1/ops/ordering/failed-events"), 401)


def test_outbox_republish_through_the_gateway(api: Api, stack: Stack) -> None:
    """The republish answers how many events of the window it marked: exactly the onboarding outbox
    rows created in it (the application's among them), each published before."""
    since = datetime.now(UTC)
    api.apply()  # at least one onboarding event in the window
    until = datetime.now(UTC)
    outbox = ONBOARDING.outbox
    window = (outbox.c.created_at >= since, outbox.c.created_at < until)

    def in_window(*where: Any) -> int:
        async def count(uow: UnitOfWork) -> int:
            return int(await uow.session.scalar(sa.select(sa.func.count()).where(*window, *where)) or 0)

        return ServiceDb(stack.service_urls["onboarding"]).run(count)

    assert wait_until(lambda: in_window(outbox.c.published_at.is_(None)) == 0, what="the window published")
    expected = in_window()
    assert expected >= 1
    response = api.admin(
        "POST",
        "/v1/ops/onboarding/outbox/republish",
        json={"since": since.isoformat(), "until": until.isoformat()},
    )
    assert response.status_code == 200, response.text
    assert response.json()["republished"] == expected
    backwards = {"since": since.isoformat(), "until": (since - timedelta(minutes=1)).isoformat()}
    assert_problem(api.admin("POST", "/v1/ops/onboarding/outbox/republish", json=backwards), 422)
    assert_problem(api.admin("POST", "/v1/ops/onboarding/outbox/republish", json={"since": "yesterday"}), 422)


def test_staff_list_parked_outbox_rows_and_retry_them(api: Api, stack: Stack) -> None:
    """A parked row (the relay gave up on it) is listed with the rows of its aggregate waiting
    behind it; retrying un-parks the aggregate and the relay sends it."""
    outbox, aggregate = TABLES.outbox, f"parked-{uuid.uuid4().hex[:10]}"

    async def park_two(uow: UnitOfWork) -> None:
        for n in range(2):
            await record_event(uow.session, outbox, KernelProbe(aggregate=aggregate, n=n), service="ordering")
        await uow.session.execute(
            sa.update(outbox)
            .where(outbox.c.key == aggregate)
            .values(parked_at=sa.func.now(), attempts=10, last_error="MessageSizeTooLargeError()")
        )

    db = ServiceDb(stack.service_urls["ordering"])
    db.run(park_two, commit=True)
    listed = api.admin("GET", "/v1/ops/ordering/outbox/parked")
    assert listed.status_code == 200, listed.text
    rows = [r for r in listed.json()["data"] if r["key"] == aggregate]
    assert [(r["attempts"], r["event_type"]) for r in rows] == [(10, KernelProbe.event_type)] * 2

    assert_problem(api.admin("POST", "/v1/ops/ordering/outbox/parked/999999999/retry"), 404)
    reseller = api.onboard_reseller(wait_for_ordering=False)
    assert_problem(api.call("GET", "/v1/ops/ordering/outbox/parked", reseller.key), 403)

    retried = api.admin("POST", f"/v1/ops/ordering/outbox/parked/{rows[0]['id']}/retry")
    assert retried.status_code == 200 and retried.json() == {"released": 2}

    async def published(uow: UnitOfWork) -> bool:
        count = await uow.session.scalar(
            sa.select(sa.func.count()).where(outbox.c.key == aggregate, outbox.c.published_at.is_not(None))
        )
        return count == 2

    wait_until(lambda: db.run(published), what="the relay to send the un-parked rows")
    assert not [
        r for r in api.admin("GET", "/v1/ops/ordering/outbox/parked").json()["data"] if r["key"] == aggregate
    ]
