"""R-CU-9: an order for an end user without an account creates or links its customer."""

from __future__ import annotations

import uuid
from typing import Any

from libs.testing.api import Api, Reseller, wait_until
from tests.e2e.onboarding.conftest import Customers, OnboardingDb, unique_domain


def _place(api: Api, reseller: Reseller, ship_to: dict[str, Any], sku: dict[str, Any] | None = None) -> str:
    sku = sku or api.ensure_sku()

    def place() -> dict[str, Any] | None:
        response = api.call(
            "POST", "/v1/orders", reseller.key, json=api.order_body(sku["sku"], ship_to=ship_to)
        )
        if response.status_code == 201:
            return response.json()
        # ordering learns the reseller's activation from onboarding's events, a moment later
        assert response.json()["code"] == "reseller-cannot-order", response.text
        return None

    order = wait_until(place, what="ordering to accept the reseller's order")
    assert order["customer_id"] is None
    return order["id"]


def _customers(api: Api, reseller: Reseller) -> list[dict[str, Any]]:
    return api.call("GET", "/v1/customers", reseller.key, params={"limit": 200}).json()["data"]


def _links(onboarding_db: OnboardingDb, customer_id: str) -> list[tuple[str, bool]]:
    return [
        (e["data"]["order_id"], e["data"]["created"])
        for e in onboarding_db.events_about(customer_id)
        if e["type"] == "onboarding.customer.linked_to_order.v1"
    ]


def test_r_cu_9_an_order_ship_to_creates_the_customer_and_later_orders_link_it(
    api: Api, customers: Customers, onboarding_db: OnboardingDb
) -> None:
    reseller = api.onboard_reseller()
    domain = unique_domain("shipto")
    first = _place(api, reseller, {"name": "Shipto BV", "email": f"it@{domain}", "domain": domain})
    [created] = wait_until(lambda: _customers(api, reseller), what="the customer made from the ship-to")
    assert (created["kind"], created["domain"], created["primary_email"]) == (
        "domain",
        domain,
        f"it@{domain}",
    )
    assert created["name"] == "Shipto BV"
    assert [a["kind"] for a in created["administrators"]] == ["reseller"]

    # same e-mail without a domain, then same domain with another e-mail: both link the same customer
    second = _place(api, reseller, {"name": "Shipto", "email": f"IT@{domain}"})
    third = _place(api, reseller, {"name": "Shipto", "email": f"buyer@{domain}", "domain": domain.upper()})
    wait_until(lambda: len(_links(onboarding_db, created["id"])) == 3, what="the orders to be linked")
    links = _links(onboarding_db, created["id"])
    # orders travel on different partitions: the two later links may arrive in either order
    assert links[0] == (first, True) and sorted(links[1:]) == sorted([(second, False), (third, False)])
    assert [c["id"] for c in _customers(api, reseller)] == [created["id"]]


def test_r_cu_9_without_a_usable_domain_the_customer_is_a_team_customer(
    api: Api, customers: Customers, onboarding_db: OnboardingDb
) -> None:
    owner = api.onboard_reseller(wait_for_ordering=False)
    taken = customers.domain(owner)
    reseller = api.onboard_reseller()
    email = f"lead-{uuid.uuid4().hex[:8]}@gmail.com"
    # a product team customers may buy: the end user will be one (R-CU-4 holds for ship-to orders)
    product = f"team-ok-{uuid.uuid4().hex[:8]}"
    created = api.admin(
        "POST", "/v1/products", json={"code": product, "name": "Team", "team_customers_allowed": True}
    )
    assert created.status_code == 201, created.text
    # the domain belongs to another reseller's customer: moving that one needs a transfer token
    _place(
        api,
        reseller,
        {"name": "Lead", "email": email, "domain": taken["domain"]},
        api.create_sku(product=product),
    )
    [team] = wait_until(lambda: _customers(api, reseller), what="the customer made from the ship-to")
    assert (team["kind"], team["domain"], team["primary_email"]) == ("team", None, email)
    assert api.call("GET", f"/v1/customers/{taken['id']}", owner.key).json()["reseller_id"] == owner.id


def test_r_cu_9_a_ship_to_order_gets_its_customer_and_the_customers_key_sees_it(
    api: Api, customers: Customers
) -> None:
    """Issue 8 item 13: ordering ignored the link, so the order kept no customer and the new
    customer's key saw no orders (and licensing would have had no licensee)."""
    reseller = api.onboard_reseller()
    domain = unique_domain("linked")
    order_id = _place(api, reseller, {"name": "Linked BV", "email": f"it@{domain}", "domain": domain})

    def linked() -> str | None:
        return api.call("GET", f"/v1/orders/{order_id}", reseller.key).json()["customer_id"]

    customer_id = wait_until(linked, what="ordering to link the ship-to order to its customer")
    assert [c["id"] for c in _customers(api, reseller)] == [customer_id]
    customer_key = customers.key(reseller, customer_id)
    seen = api.call("GET", f"/v1/orders/{order_id}", customer_key)
    assert seen.status_code == 200, seen.text
    assert seen.json()["customer_id"] == customer_id and "total" not in seen.json()
    listed = api.call("GET", "/v1/orders", customer_key).json()["data"]
    assert [o["id"] for o in listed] == [order_id]
