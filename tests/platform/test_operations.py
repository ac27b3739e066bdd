"""Operators' routes through the gateway: dead-lettered events and outbox re-publishing."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime, timedelta

from libs.devstack.stack import Stack
from libs.events.envelope import CloudEvent
from libs.kafka import new_producer
from libs.testing.api import Api, assert_problem, wait_until


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


def test_outbox_republish_through_the_gateway(api: Api) -> None:
    since = datetime.now(UTC) - timedelta(minutes=5)
    api.apply()  # at least one onboarding event in the window
    response = api.admin("POST", "/v1/ops/onboarding/outbox/republish", json={"since": since.isoformat()})
    assert response.status_code == 200 and response.json()["republished"] >= 0
    backwards = {"since": since.isoformat(), "until": (since - timedelta(minutes=1)).isoformat()}
    assert_problem(api.admin("POST", "/v1/ops/onboarding/outbox/republish", json=backwards), 422)
    assert_problem(api.admin("POST", "/v1/ops/onboarding/outbox/republish", json={"since": "yesterday"}), 422)
