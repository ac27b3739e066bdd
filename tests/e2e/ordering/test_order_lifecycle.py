"""The order lifecycle placed → released → fulfilled (and cancelled), driven by billing's and
licensing's events: R-BI-2, R-BI-3, R-LI-1, R-LI-3, R-ON-6, R-OR-8.

Billing and licensing are simulated by producing their CloudEvents (the contract in
`libs/events/billing.py` and `libs/events/licensing.py`) to the real broker; ordering's consumer
picks them up, and the tests watch the order through the gateway.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa

from libs.events import Event
from libs.events.billing import OrderPaid
from libs.events.envelope import CloudEvent, source_of
from libs.events.licensing import LicenseIssued
from libs.kafka import ensure_topics, new_producer
from libs.testing.api import Api, Reseller, assert_problem, wait_until
from services.ordering.models import TABLES
from tests.e2e.ordering.conftest import (
    CustomerClient,
    Customers,
    OrderingDb,
    customer_ready_to_order,
    price_keys_in,
    today,
)
from tools.devstack.stack import Stack

PLACED = "ordering.order.placed.v1"
RELEASED = "ordering.order.released.v1"
FULFILLED = "ordering.order.fulfilled.v1"
CANCELLED = "ordering.order.cancelled.v1"
HANDED_OVER = "ordering.order.handed_over.v1"


# --- simulated billing and licensing ----------------------------------------------------------


def envelope(event: Event, service: str, reseller_id: str) -> CloudEvent:
    return CloudEvent.wrap(event, service=service, at=datetime.now(UTC), reseller_id=reseller_id)


def paid(order: dict[str, Any], *, reseller_id: str | None = None) -> CloudEvent:
    reseller_id = reseller_id or order["reseller_id"]
    event = OrderPaid(
        order_id=uuid.UUID(order["id"]),
        reseller_id=uuid.UUID(reseller_id),
        amount=Decimal(order["total"]["amount"]),
        currency=order["currency"],
        received_on=today(),
        invoice_id=uuid.uuid4(),
    )
    return envelope(event, "billing", reseller_id)


def license_issued(order: dict[str, Any], customer_id: str | None = None, *, temporary: bool) -> CloudEvent:
    event = LicenseIssued(
        license_id=uuid.uuid4(),
        order_id=uuid.UUID(order["id"]),
        reseller_id=uuid.UUID(order["reseller_id"]),
        customer_id=uuid.UUID(customer_id or order["customer_id"] or str(uuid.uuid4())),
        temporary=temporary,
    )
    return envelope(event, "licensing", order["reseller_id"])


def produce(stack: Stack, *envelopes: CloudEvent, topic: str | None = None) -> None:
    """Publish as billing/licensing would — or, given `topic`, where a forger would."""

    async def go() -> None:
        topics = {topic or _topic_of(e) for e in envelopes}
        await ensure_topics(stack.bootstrap, topics)
        producer = new_producer(stack.bootstrap)
        await producer.start()
        try:
            for e in envelopes:
                await producer.send_and_wait(topic or _topic_of(e), e.to_bytes(), key=e.subject.encode())
        finally:
            await producer.stop()

    asyncio.run(go())


def _topic_of(e: CloudEvent) -> str:
    return OrderPaid.topic if e.type == OrderPaid.event_type else LicenseIssued.topic


# The real licensing service runs beside these simulations: it licenses a released order at once,
# so "released" is followed by "fulfilled" (and its event) within moments. What these tests prove
# about ordering is the release and its single event; `RELEASED_OR_LATER` and `up_to_release`
# accept what licensing adds after it.
RELEASED_OR_LATER = ("released", "fulfilled")


def up_to_release(events: list[str]) -> list[str]:
    """The events up to and including the release, checking nothing but fulfilment follows it."""
    assert events.count(RELEASED) <= 1, events
    cut = events.index(RELEASED) + 1 if RELEASED in events else len(events)
    assert all(e == FULFILLED for e in events[cut:]), events
    return events[:cut]


def handled(db: OrderingDb, *envelopes: CloudEvent) -> None:
    """Wait until ordering's consumer has applied (or skipped as a duplicate) every envelope."""
    inbox = TABLES.inbox
    wanted = {e.id for e in envelopes}

    async def seen(uow: Any) -> set[uuid.UUID]:
        rows = await uow.session.scalars(sa.select(inbox.c.event_id).where(inbox.c.event_id.in_(wanted)))
        return set(rows)

    wait_until(lambda: db.run(seen, commit=False) == wanted, what="ordering to handle the events")


# --- orders through the gateway ----------------------------------------------------------------


def place(api: Api, reseller: Reseller, quantity: int = 1, **overrides: Any) -> dict[str, Any]:
    """An order for a customer that accepted the terms (R-CU-6), so its release reaches licensing."""
    body = api.order_body(api.ensure_sku()["sku"], quantity, **overrides)
    if "ship_to" not in overrides and "customer_id" not in overrides:
        del body["ship_to"]
        body["customer_id"] = customer_ready_to_order(api, reseller)
    response = api.call("POST", "/v1/orders", reseller.key, json=body)
    assert response.status_code == 201, response.text
    return response.json()


def status_of(api: Api, reseller: Reseller, order: dict[str, Any]) -> str:
    response = api.call("GET", f"/v1/orders/{order['id']}", reseller.key)
    assert response.status_code == 200, response.text
    return response.json()["status"]


def wait_status(api: Api, reseller: Reseller, order: dict[str, Any], status: str) -> None:
    wait_until(lambda: status_of(api, reseller, order) == status, what=f"the order to become {status}")


def cancel(api: Api, key: str, order: dict[str, Any], reason: str = "customer withdrew") -> Any:
    return api.call("POST", f"/v1/orders/{order['id']}/cancel", key, json={"reason": reason})


def establish(api: Api, onboard: Callable[..., Reseller], **kwargs: Any) -> Reseller:
    """A reseller with three paid orders (R-ON-3), so that it may order on account."""
    reseller = onboard(**kwargs)
    response = api.admin("POST", f"/v1/resellers/{reseller.id}/payment-facts", json={"paid_orders_delta": 3})
    assert response.status_code == 200, response.text

    def established() -> bool:
        eligibility = api.call("GET", "/v1/orders/eligibility", reseller.key).json()
        return eligibility.get("standing") == "established"

    wait_until(established, what="ordering to learn the reseller is established")
    return reseller


# --- R-BI-3 / R-BI-2: release --------------------------------------------------------------------


def test_r_bi_3_on_account_order_is_released_at_once(
    api: Api, onboard: Callable[..., Reseller], ordering_db: OrderingDb, stack: Stack
) -> None:
    reseller = establish(api, onboard)
    order = place(api, reseller)
    assert order["payment_requirement"] == "on_account"
    assert order["status"] == "released"
    assert status_of(api, reseller, order) in RELEASED_OR_LATER
    assert up_to_release(ordering_db.events_about(order["id"])) == [PLACED, RELEASED]  # one transaction

    # the later payment of an on-account order settles it and changes nothing else
    payment = paid(order)
    produce(stack, payment)
    handled(ordering_db, payment)
    assert status_of(api, reseller, order) in RELEASED_OR_LATER
    assert up_to_release(ordering_db.events_about(order["id"])) == [PLACED, RELEASED]


def test_r_bi_2_prepaid_order_is_released_when_billing_reports_the_payment(
    api: Api, onboard: Callable[..., Reseller], ordering_db: OrderingDb, stack: Stack
) -> None:
    reseller = onboard()
    order = place(api, reseller)
    assert order["payment_requirement"] == "prepay" and order["status"] == "placed"
    assert ordering_db.events_about(order["id"]) == [PLACED]

    produce(stack, paid(order))
    wait_until(lambda: status_of(api, reseller, order) in RELEASED_OR_LATER, what="the release")
    wait_until(
        lambda: up_to_release(ordering_db.events_about(order["id"])) == [PLACED, RELEASED],
        what="OrderReleased",
    )

    def listed_under_its_status() -> bool:  # licensing may fulfil it between the two calls: ask again
        status = status_of(api, reseller, order)
        listed = api.call("GET", "/v1/orders", reseller.key, params={"status": status}).json()["data"]
        return [o["id"] for o in listed] == [order["id"]]

    wait_until(listed_under_its_status, what="the order listed under its status")


def test_a_forged_payment_from_another_source_or_topic_releases_nothing_and_is_dead_lettered(
    api: Api, onboard: Callable[..., Reseller], ordering_db: OrderingDb, stack: Stack
) -> None:
    """Events are trusted by source, not by type alone: `billing.order.paid.v1` is billing's, on
    billing's topic. The same event claiming another source, or written to another topic ordering
    reads, is dead-lettered with the reason and never releases the prepaid order."""
    reseller = onboard()
    order = place(api, reseller)
    assert order["payment_requirement"] == "prepay" and order["status"] == "placed"
    other_source = paid(order)
    other_source.source = source_of("onboarding")
    other_topic = paid(order)
    produce(stack, other_source)
    produce(stack, other_topic, topic="onboarding.resellers")

    def refused() -> dict[str, str] | None:
        page = api.admin("GET", "/v1/ops/ordering/failed-events", params={"status": "failed"}).json()["data"]
        errors = {row["event_id"]: row["error"] for row in page}
        wanted = {str(other_source.id), str(other_topic.id)}
        return errors if wanted <= set(errors) else None

    errors = wait_until(refused, what="ordering to dead-letter both forgeries")
    assert "untrusted source" in errors[str(other_source.id)]
    assert "wrong topic" in errors[str(other_topic.id)]
    assert status_of(api, reseller, order) == "placed"
    assert ordering_db.events_about(order["id"]) == [PLACED]


def test_r_bi_2_a_duplicate_payment_releases_the_order_once(
    api: Api, onboard: Callable[..., Reseller], ordering_db: OrderingDb, stack: Stack
) -> None:
    reseller = onboard()
    order = place(api, reseller)
    payment = paid(order)
    second_payment = paid(order)  # the same order reported again under another event id
    produce(stack, payment, payment, second_payment)
    handled(ordering_db, payment, second_payment)

    assert status_of(api, reseller, order) in RELEASED_OR_LATER
    assert up_to_release(ordering_db.events_about(order["id"])) == [PLACED, RELEASED]


def test_r_bi_2_a_payment_for_a_cancelled_order_keeps_it_cancelled(
    api: Api, onboard: Callable[..., Reseller], ordering_db: OrderingDb, stack: Stack
) -> None:
    reseller = onboard()
    order = place(api, reseller)
    assert cancel(api, reseller.key, order).status_code == 200
    payment = paid(order)
    produce(stack, payment)
    handled(ordering_db, payment)

    assert status_of(api, reseller, order) == "cancelled"
    assert ordering_db.events_about(order["id"]) == [PLACED, CANCELLED]


def test_r_bi_2_a_payment_naming_another_reseller_is_dead_lettered_not_applied(
    api: Api, onboard: Callable[..., Reseller], stack: Stack
) -> None:
    """Tenant isolation holds for events too: a payment whose reseller is not the order's
    does not release it; after its retries it waits in failed-events for staff."""
    reseller, other = onboard(), onboard()
    order = place(api, reseller)
    wrong = paid(order, reseller_id=other.id)
    produce(stack, wrong)

    def failed() -> bool:
        rows = api.admin("GET", "/v1/ops/ordering/failed-events").json()["data"]
        return any(r["event_id"] == str(wrong.id) for r in rows)

    wait_until(failed, timeout=30, what="the payment to be dead-lettered")
    assert status_of(api, reseller, order) == "placed"


# --- R-LI-1 / R-LI-3: fulfilment ------------------------------------------------------------------


def test_r_li_1_order_is_fulfilled_when_its_license_is_issued(
    api: Api,
    onboard: Callable[..., Reseller],
    customers: Customers,
    customer_client: Callable[[Reseller, str], CustomerClient],
    ordering_db: OrderingDb,
    stack: Stack,
) -> None:
    reseller = onboard()
    customer_id = customers.create(reseller, accept_terms=True)
    body = api.order_body(api.ensure_sku()["sku"])
    del body["ship_to"]
    response = api.call("POST", "/v1/orders", reseller.key, json={**body, "customer_id": customer_id})
    assert response.status_code == 201, response.text
    order = response.json()
    customer = customer_client(reseller, customer_id)

    def customer_sees(status: str) -> bool:
        seen = customer.get(f"/v1/orders/{order['id']}")
        assert seen.status_code == 200, seen.text
        assert price_keys_in(seen.json()) == set()  # R-OR-8: the status, never a price
        return seen.json()["status"] == status

    assert customer_sees("placed")
    produce(stack, paid(order))
    wait_until(lambda: status_of(api, reseller, order) in RELEASED_OR_LATER, what="the release")
    assert customer_sees("released") or customer_sees("fulfilled")  # licensing may be quicker than us

    license_ = license_issued(order, customer_id, temporary=False)
    produce(stack, license_, license_)
    wait_status(api, reseller, order, "fulfilled")
    wait_until(lambda: customer_sees("fulfilled"), what="the customer to see the order fulfilled")
    handled(ordering_db, license_)
    assert ordering_db.events_about(order["id"]) == [PLACED, RELEASED, FULFILLED]


def test_r_li_1_on_account_order_is_fulfilled_when_its_license_is_issued(
    api: Api, onboard: Callable[..., Reseller], ordering_db: OrderingDb, stack: Stack
) -> None:
    reseller = establish(api, onboard)
    order = place(api, reseller)
    assert order["status"] == "released"
    produce(stack, license_issued(order, temporary=False))
    wait_status(api, reseller, order, "fulfilled")
    assert ordering_db.events_about(order["id"]) == [PLACED, RELEASED, FULFILLED]


def test_r_li_1_a_license_that_arrives_before_the_payment_fulfils_the_order_on_release(
    api: Api, onboard: Callable[..., Reseller], ordering_db: OrderingDb, stack: Stack
) -> None:
    """Events from two topics can arrive in any order: the permanent license is recorded on the
    placed order, and the payment then releases and fulfils it in one transaction."""
    reseller = onboard()
    order = place(api, reseller)
    license_ = license_issued(order, temporary=False)
    produce(stack, license_)
    handled(ordering_db, license_)
    assert status_of(api, reseller, order) == "placed"  # R-BI-2: no release without the payment

    produce(stack, paid(order))
    wait_status(api, reseller, order, "fulfilled")
    assert ordering_db.events_about(order["id"]) == [PLACED, RELEASED, FULFILLED]


def test_r_li_3_temporary_license_does_not_fulfil_the_order(
    api: Api, onboard: Callable[..., Reseller], ordering_db: OrderingDb, stack: Stack
) -> None:
    reseller = onboard()
    order = place(api, reseller)
    temporary = license_issued(order, temporary=True)
    produce(stack, temporary)
    handled(ordering_db, temporary)
    assert status_of(api, reseller, order) == "placed"

    payment = paid(order)
    produce(stack, payment)
    handled(ordering_db, payment)
    # released: the temporary license was not kept as the permanent one (licensing's real permanent
    # license may fulfil it a moment later)
    assert status_of(api, reseller, order) in RELEASED_OR_LATER

    produce(stack, license_issued(order, temporary=False))  # the permanent one replaces it on payment
    wait_status(api, reseller, order, "fulfilled")
    assert ordering_db.events_about(order["id"]) == [PLACED, RELEASED, FULFILLED]


# --- cancellation --------------------------------------------------------------------------------


def test_reseller_cancels_an_unpaid_order(
    api: Api, onboard: Callable[..., Reseller], ordering_db: OrderingDb
) -> None:
    reseller = onboard()
    order = place(api, reseller)
    assert_problem(api.call("POST", f"/v1/orders/{order['id']}/cancel", reseller.key, json={}), 422)

    cancelled = cancel(api, reseller.key, order, "duplicate order")
    assert cancelled.status_code == 200, cancelled.text
    assert cancelled.json()["status"] == "cancelled"
    assert status_of(api, reseller, order) == "cancelled"
    listed = api.call("GET", "/v1/orders", reseller.key, params={"status": "cancelled"}).json()["data"]
    assert [o["id"] for o in listed] == [order["id"]]
    assert ordering_db.events_about(order["id"]) == [PLACED, CANCELLED]

    assert_problem(cancel(api, reseller.key, order), 409, "order-state-conflict")
    assert_problem(
        api.call("POST", f"/v1/orders/{order['id']}/handover", reseller.key, json={}),
        409,
        "order-state-conflict",
    )
    assert ordering_db.events_about(order["id"]) == [PLACED, CANCELLED]


def test_staff_cancel_a_resellers_unpaid_order(api: Api, onboard: Callable[..., Reseller]) -> None:
    reseller = onboard()
    order = place(api, reseller)
    cancelled = cancel(api, api.admin_key, order, "fraud suspicion")
    assert cancelled.status_code == 200, cancelled.text
    assert status_of(api, reseller, order) == "cancelled"


def test_another_reseller_cannot_cancel_the_order(
    api: Api, onboard: Callable[..., Reseller], ordering_db: OrderingDb
) -> None:
    reseller, other = onboard(), onboard()
    order = place(api, reseller)
    assert_problem(cancel(api, other.key, order), 404, "order-not-found")
    assert_problem(
        api.call("POST", f"/v1/orders/{uuid.uuid4()}/cancel", reseller.key, json={"reason": "x"}),
        404,
        "order-not-found",
    )
    assert status_of(api, reseller, order) == "placed"
    assert ordering_db.events_about(order["id"]) == [PLACED]


def test_released_fulfilled_and_handed_over_orders_cannot_be_cancelled(
    api: Api, onboard: Callable[..., Reseller], ordering_db: OrderingDb, stack: Stack
) -> None:
    reseller = establish(api, onboard)
    released = place(api, reseller)
    assert released["status"] == "released"
    assert_problem(cancel(api, reseller.key, released), 409, "order-state-conflict")
    assert_problem(cancel(api, api.admin_key, released), 409, "order-state-conflict")

    produce(stack, license_issued(released, temporary=False))
    wait_status(api, reseller, released, "fulfilled")
    assert_problem(cancel(api, reseller.key, released), 409, "order-state-conflict")
    assert ordering_db.events_about(released["id"]) == [PLACED, RELEASED, FULFILLED]

    newcomer = onboard()
    handed = place(api, newcomer)  # a new reseller's order stays placed until it is handed over
    assert api.call("POST", f"/v1/orders/{handed['id']}/handover", newcomer.key, json={}).status_code == 200
    assert_problem(cancel(api, newcomer.key, handed), 409, "order-state-conflict")
    assert_problem(cancel(api, api.admin_key, handed), 409, "order-state-conflict")
    assert ordering_db.events_about(handed["id"]) == [PLACED, HANDED_OVER]


# --- R-ON-6: the credit line ------------------------------------------------------------------------


def test_r_on_6_an_on_account_order_uses_the_credit_line_until_it_is_paid(
    api: Api, onboard: Callable[..., Reseller], stack: Stack, ordering_db: OrderingDb
) -> None:
    reseller = establish(api, onboard, country="NL", approve={"credit_limit": "3500.00"})
    first = place(api, reseller, quantity=2)  # 2698.20 + 21 % VAT = 3264.82 of 3500.00
    assert first["total"]["amount"] == "3264.82"
    assert (first["payment_requirement"], first["status"]) == ("on_account", "released")

    over = place(api, reseller)  # 3264.82 + 1632.41 > 3500.00
    assert (over["payment_requirement"], over["status"]) == ("prepay", "placed")
    assert cancel(api, reseller.key, over).status_code == 200

    produce(stack, license_issued(first, temporary=False))
    wait_status(api, reseller, first, "fulfilled")
    still_owed = place(api, reseller)  # fulfilled is not paid: the credit line is still in use
    assert (still_owed["payment_requirement"], still_owed["status"]) == ("prepay", "placed")
    assert cancel(api, reseller.key, still_owed).status_code == 200

    payment = paid(first)
    produce(stack, payment)
    handled(ordering_db, payment)  # paid: the credit line is free again
    again = place(api, reseller, quantity=2)
    assert (again["payment_requirement"], again["status"]) == ("on_account", "released")


def test_r_or_9_a_retried_cancel_or_handover_with_its_idempotency_key_answers_the_same(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller = onboard()
    order = place(api, reseller)
    key = {"Idempotency-Key": f"cancel-{uuid.uuid4()}"}
    path = f"/v1/orders/{order['id']}/cancel"
    first = api.call("POST", path, reseller.key, json={"reason": "duplicate"}, headers=key)
    again = api.call("POST", path, reseller.key, json={"reason": "duplicate"}, headers=key)
    assert first.status_code == again.status_code == 200, again.text
    assert first.json() == again.json() and first.json()["status"] == "cancelled"

    other = place(api, reseller)
    key = {"Idempotency-Key": f"handover-{uuid.uuid4()}"}
    path = f"/v1/orders/{other['id']}/handover"
    first = api.call("POST", path, reseller.key, json={"note": "large deal"}, headers=key)
    again = api.call("POST", path, reseller.key, json={"note": "large deal"}, headers=key)
    assert first.status_code == again.status_code == 200, again.text
    assert first.json() == again.json()


def test_r_or_9_an_on_account_order_can_be_handed_over_until_it_is_fulfilled_and_leaves_its_prices(
    api: Api, onboard: Callable[..., Reseller], ordering_db: OrderingDb, stack: Stack
) -> None:
    """Issue 8 item 12: an established reseller's order is released at once (on account), so
    handover only from `placed` meant it could never be handed over. Decided: handover from placed,
    or from released until the licenses are issued; afterwards the deal has left the reseller, which
    keeps the record (SKUs, quantities, status) without prices. Staff see it all."""
    from tests.e2e.ordering.conftest import price_keys_in

    reseller = establish(api, onboard)
    order = place(api, reseller)
    assert order["status"] == "released" and order["payment_requirement"] == "on_account"
    handed = api.call("POST", f"/v1/orders/{order['id']}/handover", reseller.key, json={"note": "enterprise"})
    assert handed.status_code == 200, handed.text
    assert handed.json()["status"] == "handed_over"
    assert price_keys_in(handed.json()) == set()
    seen = api.call("GET", f"/v1/orders/{order['id']}", reseller.key).json()
    assert seen["status"] == "handed_over" and price_keys_in(seen) == set()
    assert [ln["sku"] for ln in seen["lines"]] == [ln["sku"] for ln in order["lines"]]
    listed = api.call("GET", "/v1/orders", reseller.key, params={"status": "handed_over"}).json()["data"]
    assert [o["id"] for o in listed] == [order["id"]] and price_keys_in(listed) == set()
    staff_view = api.admin("GET", f"/v1/orders/{order['id']}").json()
    assert staff_view["total"] == order["total"]
    assert ordering_db.events_about(order["id"]) == [PLACED, RELEASED, HANDED_OVER]

    # a fulfilled order (its licenses issued) stays with the reseller
    fulfilled = place(api, reseller)
    produce(stack, license_issued(fulfilled, temporary=False))
    wait_status(api, reseller, fulfilled, "fulfilled")
    assert_problem(
        api.call("POST", f"/v1/orders/{fulfilled['id']}/handover", reseller.key, json={}),
        409,
        "order-state-conflict",
    )


def test_r_cu_6_the_first_order_waits_for_the_customers_terms_acceptance(
    api: Api, onboard: Callable[..., Reseller], customers: Customers, ordering_db: OrderingDb
) -> None:
    """Issue 8 item 11: before the customer accepted the vendor's terms of service its order is not
    passed on to licensing (no licenses, status says what it waits for); the acceptance releases it."""
    reseller = establish(api, onboard)  # on account: released at once, as far as payment goes
    customer_id = customers.create(reseller)
    body = api.order_body(api.ensure_sku()["sku"])
    del body["ship_to"]
    placed = api.call("POST", "/v1/orders", reseller.key, json={**body, "customer_id": customer_id})
    assert placed.status_code == 201, placed.text
    order = placed.json()
    assert order["status"] == "released" and order["waiting_for"] == "terms_acceptance"
    assert ordering_db.events_about(order["id"]) == [PLACED]  # licensing has not been told

    from tests.e2e.ordering.conftest import accept_terms_of_service

    accept_terms_of_service(api, reseller, customer_id)
    wait_until(
        lambda: up_to_release(ordering_db.events_about(order["id"])) == [PLACED, RELEASED],
        what="the acceptance to release the held order to licensing",
    )
    assert api.call("GET", f"/v1/orders/{order['id']}", reseller.key).json()["waiting_for"] is None
    # from then on the customer's orders go on at once
    again = api.call("POST", "/v1/orders", reseller.key, json={**body, "customer_id": customer_id}).json()
    assert again["waiting_for"] is None
    assert up_to_release(ordering_db.events_about(again["id"])) == [PLACED, RELEASED]
