"""R-ON-3 / R-ON-6 for everything a reseller buys: subscription charges (creation, seats, renewal,
conversion) follow the same payment requirement as orders and count on the same credit line, and
the on-account decision holds under concurrent purchases (issue 8 items 3 and 4).

Billing is simulated by producing its `billing.subscription.charge_paid.v1` CloudEvent (the
contract in `libs/events/billing.py`) to the real broker, as `test_order_lifecycle.py` does for
orders; waiting for its effect is waiting for an event, the one place the platform promises an
eventual effect.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from threading import Barrier
from typing import Any

import httpx
import sqlalchemy as sa

from libs.events.billing import SubscriptionChargePaid
from libs.events.envelope import CloudEvent
from libs.testing.api import Api, Reseller, assert_problem
from services.ordering.models import TABLES
from tests.e2e.ordering.conftest import Customers, OrderingDb, today
from tests.e2e.ordering.test_order_lifecycle import envelope, establish, handled, place, produce
from tools.devstack.stack import Stack

CREATED = "ordering.subscription.created.v1"
SEATS_ADDED = "ordering.subscription.seats_added.v1"
CHARGE_RELEASED = "ordering.subscription.charge_released.v1"


def seat_sku(api: Api, plan: str = "yearly", amount: str = "120.00") -> str:
    return api.create_sku(billing_plan=plan, seat_based=True, prices=[{"amount": amount, "currency": "EUR"}])[
        "sku"
    ]


def subscribe(api: Api, reseller: Reseller, customer: str, sku: str, seats: int) -> dict[str, Any]:
    response = api.call(
        "POST",
        "/v1/subscriptions",
        reseller.key,
        json={"customer_id": customer, "sku": sku, "seats": seats, "term_months": 12},
    )
    assert response.status_code == 201, response.text
    return response.json()


def get_sub(api: Api, reseller: Reseller, sub: dict[str, Any]) -> dict[str, Any]:
    response = api.call("GET", f"/v1/subscriptions/{sub['id']}", reseller.key)
    assert response.status_code == 200, response.text
    return response.json()


def charge_paid(sub: dict[str, Any], charge: dict[str, Any], total: str, reseller_id: str) -> CloudEvent:
    event = SubscriptionChargePaid(
        subscription_id=uuid.UUID(sub["id"]),
        charge_id=uuid.UUID(charge["id"]),
        reseller_id=uuid.UUID(reseller_id),
        amount=Decimal(total),
        currency="EUR",
        received_on=today(),
        invoice_id=uuid.uuid4(),
    )
    return envelope(event, "billing", reseller_id)


def pay(stack: Stack, db: OrderingDb, *payments: CloudEvent) -> None:
    produce(stack, *payments, topic=SubscriptionChargePaid.topic)
    handled(db, *payments)  # billing's payment is an event: its effect is eventual


def outbox_data(db: OrderingDb, subject: str, event_type: str) -> list[dict[str, Any]]:
    outbox = TABLES.outbox

    async def work(uow: Any) -> list[dict[str, Any]]:
        rows = await uow.session.scalars(
            sa.select(outbox.c.envelope)
            .where(outbox.c.key == subject, outbox.c.event_type == event_type)
            .order_by(outbox.c.id)
        )
        return [row["data"] for row in rows]

    return db.run(work, commit=False)


# --- item 3: subscriptions under prepay (R-ON-3) ------------------------------------------------


def test_r_on_3_a_new_reseller_prepays_its_subscription_and_seats_before_they_are_usable(
    api: Api, onboard: Callable[..., Reseller], customers: Customers, ordering_db: OrderingDb, stack: Stack
) -> None:
    reseller = onboard(country="CH")  # new: everything it buys is prepaid; Swiss: no tax
    customer = customers.create(reseller)
    sub = subscribe(api, reseller, customer, seat_sku(api), seats=10_000)  # 1,080,000.00 EUR

    assert sub["status"] == "pending_payment" and sub["seats"] == 10_000
    initial = sub["periods"][0]["charge"]
    assert (initial["payment_requirement"], initial["status"], initial["paid_on"]) == (
        "prepay",
        "pending_payment",
        None,
    )
    [created] = outbox_data(ordering_db, sub["id"], CREATED)
    assert created["status"] == "pending_payment"
    assert created["charge"]["charge_id"] == initial["id"]
    assert created["charge"]["payment_requirement"] == "prepay"
    assert Decimal(created["charge"]["total"]) == Decimal("1080000")
    # nothing is usable before the payment: no seats bought, no renewal, no quote on top of it
    path = f"/v1/subscriptions/{sub['id']}"
    assert_problem(api.call("POST", f"{path}/seats", reseller.key, json={"add": 5}), 409)
    assert_problem(api.call("POST", f"{path}/renew", reseller.key), 409)
    listed = api.call("GET", "/v1/subscriptions", reseller.key, params={"status": "pending_payment"})
    assert [s["id"] for s in listed.json()["data"]] == [sub["id"]]

    pay(stack, ordering_db, charge_paid(sub, initial, "1080000.00", reseller.id))
    paid = get_sub(api, reseller, sub)
    assert paid["status"] == "active"
    assert paid["periods"][0]["charge"]["status"] == "released"
    assert paid["periods"][0]["charge"]["paid_on"] == str(today())

    # extra seats are prepaid too: bought (and charged) now, usable once paid
    bought = api.call("POST", f"{path}/seats", reseller.key, json={"add": 5})
    assert bought.status_code == 200, bought.text
    body = bought.json()
    assert (body["seats"], body["seats_pending_payment"]) == (10_005, 5)
    seat_charge = body["seat_purchases"][0]["charge"]
    assert (seat_charge["payment_requirement"], seat_charge["status"]) == ("prepay", "pending_payment")
    [added] = outbox_data(ordering_db, sub["id"], SEATS_ADDED)
    assert added["charge"]["payment_requirement"] == "prepay" and added["seats_pending_payment"] == 5

    pay(
        stack,
        ordering_db,
        charge_paid(sub, seat_charge, body["seat_purchases"][0]["total"]["amount"], reseller.id),
    )
    after = get_sub(api, reseller, sub)
    assert (after["seats"], after["seats_pending_payment"]) == (10_005, 0)
    assert after["seat_purchases"][0]["charge"]["status"] == "released"
    released = outbox_data(ordering_db, sub["id"], CHARGE_RELEASED)
    assert [(e["kind"], e["status"], e["seats_pending_payment"]) for e in released] == [
        ("initial", "active", 0),
        ("seats", "active", 0),
    ]

    # a renewal is charged the same way
    renewed = api.call("POST", f"{path}/renew", reseller.key)
    assert renewed.status_code == 200, renewed.text
    assert renewed.json()["periods"][1]["charge"]["payment_requirement"] == "prepay"


def test_r_on_3_a_trial_converted_by_a_new_reseller_waits_for_its_payment(
    api: Api, onboard: Callable[..., Reseller], customers: Customers, ordering_db: OrderingDb, stack: Stack
) -> None:
    reseller = onboard(country="CH")
    customer = customers.create(reseller)
    trial = api.call(
        "POST",
        "/v1/subscriptions",
        reseller.key,
        json={"customer_id": customer, "sku": seat_sku(api), "seats": 3, "term_months": 12, "trial": True},
    )
    assert trial.status_code == 201, trial.text
    assert trial.json()["periods"][0]["charge"] is None  # a free trial charges nothing
    converted = api.call("POST", f"/v1/subscriptions/{trial.json()['id']}/convert", reseller.key)
    assert converted.status_code == 200, converted.text
    sub = converted.json()
    assert sub["status"] == "pending_payment"
    charge = sub["periods"][1]["charge"]
    assert charge["payment_requirement"] == "prepay"
    pay(stack, ordering_db, charge_paid(sub, charge, sub["periods"][1]["total"]["amount"], reseller.id))
    assert get_sub(api, reseller, sub)["status"] == "active"


# --- item 3: subscriptions on the credit line (R-ON-6) -------------------------------------------


def test_r_on_6_subscription_charges_count_against_the_credit_line(
    api: Api, onboard: Callable[..., Reseller], customers: Customers, ordering_db: OrderingDb, stack: Stack
) -> None:
    # NL reseller: 21 % VAT. 20 seats x 108.00 = 2160.00 + 453.60 = 2613.60 of 3500.00
    reseller = establish(api, onboard, country="NL", approve={"credit_limit": "3500.00"})
    customer = customers.create(reseller)
    sub = subscribe(api, reseller, customer, seat_sku(api), seats=20)
    assert sub["status"] == "active" and sub["periods"][0]["total"]["amount"] == "2613.60"
    initial = sub["periods"][0]["charge"]
    assert (initial["payment_requirement"], initial["status"]) == ("on_account", "released")

    # an order of 1632.41 no longer fits next to the subscription's unpaid charge
    assert place(api, reseller)["payment_requirement"] == "prepay"

    # 5 seats for the whole year: 540.00 + 113.40 = 653.40 → 3267.00 of 3500.00, on account
    path = f"/v1/subscriptions/{sub['id']}/seats"
    five = api.call("POST", path, reseller.key, json={"add": 5})
    assert five.status_code == 200, five.text
    assert five.json()["seat_purchases"][0]["total"]["amount"] == "653.40"
    assert five.json()["seat_purchases"][0]["charge"]["payment_requirement"] == "on_account"
    assert five.json()["seats_pending_payment"] == 0
    # 2 more: 261.36 → 3528.36 > 3500.00, prepaid (and not usable until paid)
    two = api.call("POST", path, reseller.key, json={"add": 2})
    assert two.status_code == 200, two.text
    assert two.json()["seat_purchases"][1]["charge"]["payment_requirement"] == "prepay"
    assert (two.json()["seats"], two.json()["seats_pending_payment"]) == (27, 2)

    # billing's payment of the subscription's charge frees the credit line again
    pay(stack, ordering_db, charge_paid(sub, initial, "2613.60", reseller.id))
    again = place(api, reseller)  # 653.40 + 1632.41 = 2285.81 of 3500.00
    assert (again["payment_requirement"], again["status"]) == ("on_account", "released")


# --- item 4: the credit-limit race (R-ON-6) -----------------------------------------------------


def _concurrently(
    api: Api, requests: list[tuple[str, str, dict[str, Any]]], key: str
) -> list[httpx.Response]:
    """Send every request at the same moment, each on its own connection."""
    start = Barrier(len(requests))

    def send(request: tuple[str, str, dict[str, Any]]) -> httpx.Response:
        method, path, body = request
        with httpx.Client(base_url=api.client.base_url, timeout=60) as client:
            start.wait()
            return client.request(method, path, json=body, headers={"Authorization": f"Bearer {key}"})

    with ThreadPoolExecutor(len(requests)) as pool:
        return list(pool.map(send, requests))


def test_r_on_6_concurrent_orders_and_subscriptions_never_exceed_the_shared_credit_line(
    api: Api, onboard: Callable[..., Reseller], customers: Customers
) -> None:
    limit = Decimal("5000.00")
    reseller = establish(api, onboard, country="NL", approve={"credit_limit": str(limit)})
    customer = customers.create(reseller)
    sku = api.ensure_sku()["sku"]  # one line: 1349.10 + 21 % VAT = 1632.41
    seats = seat_sku(api)  # 12 seats x 108.00 = 1296.00 + 272.16 = 1568.16
    order = ("POST", "/v1/orders", api.order_body(sku, 1, customer_id=customer, ship_to=None))
    subscription = (
        "POST",
        "/v1/subscriptions",
        {"customer_id": customer, "sku": seats, "seats": 12, "term_months": 12},
    )
    # each alone fits the 5000.00 line; together (4 x 1632.41 + 4 x 1568.16) they are five times it
    responses = _concurrently(api, [order, subscription] * 4, reseller.key)
    assert all(r.status_code == 201 for r in responses), [r.text for r in responses]

    def requirement(body: dict[str, Any]) -> str:
        return body.get("payment_requirement") or body["periods"][0]["charge"]["payment_requirement"]

    def total(body: dict[str, Any]) -> Decimal:
        return Decimal((body.get("total") or body["periods"][0]["total"])["amount"])

    bodies = [r.json() for r in responses]
    on_account = [total(b) for b in bodies if requirement(b) == "on_account"]
    prepaid = [total(b) for b in bodies if requirement(b) == "prepay"]
    # as if decided one after the other: the line is never exceeded, and every prepaid purchase
    # was refused because it did not fit in what the on-account ones left
    assert sum(on_account) <= limit
    assert len(on_account) == 3 and len(prepaid) == 5
    assert all(sum(on_account) + amount > limit for amount in prepaid)

    # and the next one, alone, sees the same exposure
    assert place(api, reseller)["payment_requirement"] == "prepay"


def test_r_on_6_concurrent_on_account_orders_never_exceed_the_credit_limit(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    limit = Decimal("3500.00")
    reseller = establish(api, onboard, country="NL", approve={"credit_limit": str(limit)})
    order = ("POST", "/v1/orders", api.order_body(api.ensure_sku()["sku"], 1))  # 1632.41 each
    responses = _concurrently(api, [order] * 6, reseller.key)  # each fits alone; two fit together
    assert all(r.status_code == 201 for r in responses), [r.text for r in responses]
    requirements = sorted(r.json()["payment_requirement"] for r in responses)
    assert requirements == ["on_account"] * 2 + ["prepay"] * 4
    statuses = sorted(r.json()["status"] for r in responses)
    assert statuses == ["placed"] * 4 + ["released"] * 2
