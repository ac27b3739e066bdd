"""R-CU-5: importing a customer moves the customer *and its subscriptions* to the new reseller
(issue 8 item 15). The partner calls back to back, as a partner system would: the import is
acknowledged by onboarding, and the very next subscription call — from either reseller — already
sees the move (ordering asks onboarding before it refuses or charges; `subscription_moves`).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa

from libs.testing.api import Api, Reseller, assert_problem, wait_until
from services.ordering.models import TABLES
from tests.e2e.onboarding.conftest import OnboardingDb
from tests.e2e.ordering.conftest import OrderingDb
from tests.e2e.ordering.test_credit_line import outbox_data, seat_sku, subscribe
from tests.e2e.ordering.test_order_lifecycle import establish
from tools.devstack.stack import Stack

TRANSFERRED = "ordering.subscription.transferred.v1"


def domain_customer(api: Api, reseller: Reseller) -> dict[str, Any]:
    body = {"kind": "domain", "name": "Acme AG", "domain": f"acme-{uuid.uuid4().hex[:8]}.com"}
    response = api.call("POST", "/v1/customers", reseller.key, json=body)
    assert response.status_code == 201, response.text
    return response.json()


def import_customer(api: Api, old: Reseller, new: Reseller, customer: dict[str, Any]) -> None:
    """The customer issues a transfer token with its own key; the new reseller imports it."""
    key = api.call("POST", f"/v1/customers/{customer['id']}/api-keys", old.key, json={"name": "portal"})
    assert key.status_code == 201, key.text
    token = api.call(
        "POST",
        f"/v1/customers/{customer['id']}/transfer-tokens",
        key.json()["key"],
        json={"product_family": "workspace"},
    )
    assert token.status_code == 201, token.text
    imported = api.call(
        "POST",
        "/v1/customers/import",
        new.key,
        json={"domain": customer["domain"], "transfer_token": token.json()["token"]},
    )
    assert imported.status_code == 201, imported.text


def ids(api: Api, reseller: Reseller) -> list[str]:
    page = api.call("GET", "/v1/subscriptions", reseller.key, params={"limit": 200})
    assert page.status_code == 200, page.text
    return [s["id"] for s in page.json()["data"]]


def wait_for_transfer_event(stack: Stack, ordering_db: OrderingDb, customer_id: str) -> None:
    """Wait until ordering's consumer has handled onboarding's CustomerTransferred event (the event
    path must not move the subscriptions a second time)."""
    [event] = [
        e
        for e in OnboardingDb(stack.service_urls["onboarding"]).events_about(customer_id)
        if e["type"] == "onboarding.customer.transferred.v1"
    ]
    inbox = TABLES.inbox

    async def handled(uow: Any) -> bool:
        found = await uow.session.scalar(
            sa.select(sa.func.count()).select_from(inbox).where(inbox.c.event_id == uuid.UUID(event["id"]))
        )
        return bool(found)

    wait_until(lambda: ordering_db.run(handled, commit=False), what="ordering to handle the transfer")


def test_r_cu_5_import_moves_the_subscriptions_and_the_old_reseller_can_no_longer_charge_them(
    api: Api, onboard: Callable[..., Reseller], ordering_db: OrderingDb, stack: Stack
) -> None:
    old = establish(api, onboard, country="CH")  # on account: its subscription is active at once
    new = onboard(country="CH")  # a new reseller: what it buys is prepaid
    customer = domain_customer(api, old)
    sub = subscribe(api, old, customer["id"], seat_sku(api), seats=5)
    assert sub["status"] == "active" and sub["reseller_id"] == old.id

    import_customer(api, old, new, customer)
    path = f"/v1/subscriptions/{sub['id']}"
    # the reseller the customer left, at once: no new subscription for it, no more seats or
    # renewals (every charge asks onboarding who owns the customer); and, since ordering has
    # learnt of the move by then, no quotes or reads either
    again = {"customer_id": customer["id"], "sku": sub["sku"], "seats": 1, "term_months": 12}
    assert_problem(api.call("POST", "/v1/subscriptions", old.key, json=again), 422, "unknown-customer")
    assert_problem(api.call("POST", f"{path}/seats", old.key, json={"add": 3}), 404, "subscription-not-found")
    assert_problem(api.call("POST", f"{path}/renew", old.key), 404, "subscription-not-found")
    assert_problem(api.call("GET", f"{path}/seat-quote", old.key, params={"add": 1}), 404)
    assert_problem(api.call("GET", path, old.key), 404)
    assert sub["id"] not in ids(api, old)

    # the new reseller has it, with its periods, and its charges are the new reseller's own
    moved = api.call("GET", path, new.key)
    assert moved.status_code == 200, moved.text
    assert moved.json()["reseller_id"] == new.id and moved.json()["seats"] == 5
    assert moved.json()["periods"] == sub["periods"]  # what was charged before stays as it was
    assert ids(api, new) == [sub["id"]]
    bought = api.call("POST", f"{path}/seats", new.key, json={"add": 2})
    assert bought.status_code == 200, bought.text
    charge = bought.json()["seat_purchases"][0]["charge"]
    assert charge["payment_requirement"] == "prepay"  # the new reseller's standing decides
    assert bought.json()["seats_pending_payment"] == 2

    wait_for_transfer_event(stack, ordering_db, customer["id"])
    [transferred] = outbox_data(ordering_db, sub["id"], TRANSFERRED)  # once, event or refresh
    assert transferred["from_reseller_id"] == old.id and transferred["reseller_id"] == new.id
    assert ordering_db.events_about(sub["id"]) == [
        "ordering.subscription.created.v1",
        TRANSFERRED,
        "ordering.subscription.seats_added.v1",
    ]
    [added] = outbox_data(ordering_db, sub["id"], "ordering.subscription.seats_added.v1")
    assert added["reseller_id"] == new.id  # billing invoices the seats to the new reseller


def test_r_cu_5_the_importing_reseller_sees_the_subscriptions_on_its_very_next_call(
    api: Api, onboard: Callable[..., Reseller], ordering_db: OrderingDb
) -> None:
    old = establish(api, onboard, country="CH")
    new = establish(api, onboard, country="CH")
    customer = domain_customer(api, old)
    sku = seat_sku(api)
    first = subscribe(api, old, customer["id"], sku, seats=2)
    second = subscribe(api, old, customer["id"], sku, seats=3)
    elsewhere = subscribe(api, old, domain_customer(api, old)["id"], sku, seats=1)  # stays

    import_customer(api, old, new, customer)
    got = api.call("GET", f"/v1/subscriptions/{second['id']}", new.key)  # no waiting
    assert got.status_code == 200, got.text
    assert got.json()["reseller_id"] == new.id
    assert sorted(ids(api, new)) == sorted([first["id"], second["id"]])  # all of the customer's
    renewed = api.call("POST", f"/v1/subscriptions/{first['id']}/renew", new.key)
    assert renewed.status_code == 200, renewed.text
    assert renewed.json()["periods"][1]["charge"]["payment_requirement"] == "on_account"
    assert ids(api, old) == [elsewhere["id"]]
    assert_problem(api.call("GET", f"/v1/subscriptions/{first['id']}", old.key), 404)

    # the new reseller lists the imported customer's subscriptions right after the import
    third = subscribe(api, old, (another := domain_customer(api, old))["id"], sku, seats=4)
    import_customer(api, old, new, another)
    listed = api.call("GET", "/v1/subscriptions", new.key, params={"customer_id": another["id"]})
    assert listed.status_code == 200, listed.text
    assert [s["id"] for s in listed.json()["data"]] == [third["id"]]
