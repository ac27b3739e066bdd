"""R-OR-8: the reseller sees prices; the customer sees its orders, SKUs and subscriptions, never a price.

The customer calls through the gateway with a customer key once onboarding issues them
(POST /v1/customers/{id}/api-keys); until then the `customer_client` fixture calls the ordering
service directly with an internal token signed by the stack's gateway key, which is exactly what
the gateway would forward for such a key.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from libs.testing.api import Api, Reseller
from tests.e2e.ordering.conftest import CustomerClient, Customers, price_keys_in


def _order_for(api: Api, reseller: Reseller, customer: str, sku: str) -> dict[str, Any]:
    body = api.order_body(sku, quantity=2)
    del body["ship_to"]
    response = api.call("POST", "/v1/orders", reseller.key, json={**body, "customer_id": customer})
    assert response.status_code == 201, response.text
    return response.json()


def test_r_or_8_customer_never_sees_a_price(
    api: Api,
    onboard: Callable[..., Reseller],
    customers: Customers,
    customer_client: Callable[[Reseller, str], CustomerClient],
) -> None:
    reseller = onboard(country="NL")
    mine, neighbour = customers.create(reseller), customers.create(reseller)
    sku = api.create_sku()["sku"]
    seat = api.create_sku(
        billing_plan="yearly", seat_based=True, prices=[{"amount": "120.00", "currency": "EUR"}]
    )
    order = _order_for(api, reseller, mine, sku)
    other_order = _order_for(api, reseller, neighbour, sku)
    sub_response = api.call(
        "POST",
        "/v1/subscriptions",
        reseller.key,
        json={"customer_id": mine, "sku": seat["sku"], "seats": 3, "term_months": 12},
    )
    assert sub_response.status_code == 201, sub_response.text
    sub = sub_response.json()
    other_sub = api.call(
        "POST",
        "/v1/subscriptions",
        reseller.key,
        json={"customer_id": neighbour, "sku": seat["sku"], "seats": 1, "term_months": 12},
    ).json()

    # the reseller does see prices in the same documents (so the check below can fail)
    assert {"unit_price", "net_total", "total"} <= price_keys_in(order)
    assert {"unit_price", "periods"} <= price_keys_in(sub)

    customer = customer_client(reseller, mine)
    seen = customer.get(f"/v1/orders/{order['id']}")
    assert seen.status_code == 200, seen.text
    assert seen.json() == {
        "id": order["id"],
        "status": "placed",
        "customer_id": mine,
        "lines": [{"sku": sku, "product": "total-docs", "quantity": 2}],
        "placed_on": order["placed_on"],
        "created_at": order["created_at"],
        "waiting_for": None,
    }
    documents = {
        "order": seen.json(),
        "orders": customer.get("/v1/orders", params={"limit": 200}),
        "placed orders": customer.get("/v1/orders", params={"status": "placed"}),
        "sku": customer.get(f"/v1/skus/{sku}"),
        "skus": customer.get("/v1/skus", params={"limit": 200}),
        "subscription": customer.get(f"/v1/subscriptions/{sub['id']}"),
        "subscriptions": customer.get("/v1/subscriptions", params={"limit": 200}),
    }
    for name, doc in documents.items():
        if not isinstance(doc, dict):
            assert doc.status_code == 200, (name, doc.text)
            doc = doc.json()
        assert price_keys_in(doc) == set(), (name, doc)

    orders = customer.get("/v1/orders").json()["data"]
    assert [o["id"] for o in orders] == [order["id"]]
    assert [s["id"] for s in customer.get("/v1/subscriptions").json()["data"]] == [sub["id"]]
    assert customer.get(f"/v1/subscriptions/{sub['id']}").json()["seats"] == 3

    # another customer's order or subscription, even of the same reseller, is a 404
    for path in (
        f"/v1/orders/{other_order['id']}",
        f"/v1/subscriptions/{other_sub['id']}",
        f"/v1/orders/{uuid.uuid4()}",
    ):
        response = customer.get(path)
        assert response.status_code == 404, (path, response.text)
        assert price_keys_in(response.json()) == set()
    # and customers cannot ask for a seat quote (a price)
    assert customer.get(f"/v1/subscriptions/{sub['id']}/seat-quote", params={"add": 1}).status_code == 403
