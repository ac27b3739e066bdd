"""R-OR-1 / R-OR-2 through the gateway: the catalog, versioned price lists, partner prices."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import timedelta

from libs.testing.api import Api, Reseller, assert_problem
from tests.e2e.ordering.conftest import today


def _code(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def test_r_or_1_catalog_has_products_and_skus_per_currency_and_billing_plan(api: Api) -> None:
    product = _code("secure-mail")
    created = api.admin(
        "POST",
        "/v1/products",
        json={"code": product, "name": "Secure Mail", "team_customers_allowed": True},
    )
    assert created.status_code == 201, created.text
    assert created.json()["team_customers_allowed"] is True and created.json()["family"] == product
    plans = {}
    for plan, amount in (("perpetual", "499.00"), ("monthly", "10.00"), ("yearly", "100.00")):
        sku = api.create_sku(
            product=product,
            billing_plan=plan,
            seat_based=plan != "perpetual",
            prices=[{"amount": amount, "currency": "EUR"}, {"amount": "1", "currency": "JPY"}],
        )
        plans[sku["sku"]] = (plan, amount)

    listed = api.admin("GET", "/v1/skus", params={"product": product}).json()["data"]
    assert {s["sku"]: s["billing_plan"] for s in listed} == {k: v[0] for k, v in plans.items()}
    for s in listed:
        assert s["product"] == product
        assert s["seat_based"] is (s["billing_plan"] != "perpetual")
        assert s["msrp"] == [
            {"amount": plans[s["sku"]][1], "currency": "EUR"},
            {"amount": "1", "currency": "JPY"},  # JPY has no minor unit
        ]
        assert s["partner_price"] is None  # staff has no discount

    products = api.admin("GET", "/v1/products", params={"limit": 200}).json()["data"]
    assert product in {p["code"] for p in products}

    # WaaS bundles are not a billing plan here; bad plans, float amounts and duplicates are refused
    assert_problem(api.admin("POST", "/v1/skus", json={**_sku_body(product), "billing_plan": "lease"}), 422)
    assert_problem(
        api.admin(
            "POST", "/v1/skus", json={**_sku_body(product), "prices": [{"amount": 1.5, "currency": "EUR"}]}
        ),
        422,
    )
    duplicate = api.create_sku(product=product)
    assert_problem(
        api.admin("POST", "/v1/skus", json={**_sku_body(product), "sku": duplicate["sku"]}),
        409,
        "sku-already-exists",
    )


def _sku_body(product: str) -> dict:
    return {
        "sku": _code("SKU"),
        "product": product,
        "name": "Some SKU",
        "billing_plan": "perpetual",
        "prices": [{"amount": "10.00", "currency": "EUR"}],
    }


def test_r_or_1_only_staff_manage_the_catalog(api: Api, onboard: Callable[..., Reseller]) -> None:
    reseller = onboard()
    assert_problem(api.call("POST", "/v1/skus", reseller.key, json=_sku_body("total-docs")), 403)
    sku = api.ensure_sku()["sku"]
    assert_problem(
        api.call(
            "POST",
            f"/v1/skus/{sku}/prices",
            reseller.key,
            json={"amount": {"amount": "1.00", "currency": "EUR"}, "effective_from": str(today())},
        ),
        403,
    )
    assert api.call("GET", f"/v1/skus/{sku}", reseller.key).json()["msrp"][0]["amount"] == "1499.00"


def test_r_or_2_reseller_sees_its_partner_price_without_asking(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    sku = api.create_sku()["sku"]
    default = onboard()
    bigger = onboard(approve={"discount_percent": "20"})

    seen = api.call("GET", f"/v1/skus/{sku}", default.key).json()
    assert seen["msrp"] == [
        {"amount": "1499.00", "currency": "EUR"},
        {"amount": "1599.00", "currency": "USD"},
    ]
    assert seen["partner_price"] == [
        {"amount": "1349.10", "currency": "EUR"},
        {"amount": "1439.10", "currency": "USD"},
    ]
    assert seen["discount_percent"] == "10.00"

    bigger_view = api.call("GET", f"/v1/skus/{sku}", bigger.key).json()
    assert bigger_view["partner_price"][0] == {"amount": "1199.20", "currency": "EUR"}
    listed = api.call("GET", "/v1/skus", bigger.key, params={"limit": 200}).json()["data"]
    assert all(s["partner_price"] is not None for s in listed)


def test_r_or_1_price_list_is_versioned_and_an_order_keeps_its_price(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller = onboard(country="DE", vat_id="DE136695976")
    sku = api.create_sku()["sku"]
    first = api.call("POST", "/v1/orders", reseller.key, json=api.order_body(sku))
    assert first.status_code == 201, first.text
    assert first.json()["lines"][0]["unit_msrp"]["amount"] == "1499.00"

    # a price from tomorrow on is in the list but not yet in force
    tomorrow = today() + timedelta(days=1)
    future = api.admin(
        "POST",
        f"/v1/skus/{sku}/prices",
        json={"amount": {"amount": "1999.00", "currency": "EUR"}, "effective_from": str(tomorrow)},
    )
    assert future.status_code == 201, future.text
    assert future.json()["msrp"][0] == {"amount": "1499.00", "currency": "EUR"}

    # a new price in force today
    changed = api.admin(
        "POST",
        f"/v1/skus/{sku}/prices",
        json={"amount": {"amount": "1599.00", "currency": "EUR"}, "effective_from": str(today())},
    )
    assert changed.status_code == 201, changed.text
    seen = api.call("GET", f"/v1/skus/{sku}", reseller.key).json()
    assert seen["msrp"][0] == {"amount": "1599.00", "currency": "EUR"}
    assert seen["partner_price"][0] == {"amount": "1439.10", "currency": "EUR"}

    second = api.call("POST", "/v1/orders", reseller.key, json=api.order_body(sku)).json()
    assert second["lines"][0]["unit_price"] == {"amount": "1439.10", "currency": "EUR"}

    # the first order still carries the price it was placed with
    again = api.call("GET", f"/v1/orders/{first.json()['id']}", reseller.key).json()
    # (the ship-to's customer may have been linked meanwhile, R-CU-9; everything else is as placed)
    assert {**again, "customer_id": None} == {**first.json(), "customer_id": None}
    assert again["lines"][0]["unit_msrp"] == {"amount": "1499.00", "currency": "EUR"}
    assert again["total"] == {"amount": "1349.10", "currency": "EUR"}

    assert_problem(
        api.admin(
            "POST",
            "/v1/skus/NO-SUCH-SKU/prices",
            json={"amount": {"amount": "1.00", "currency": "EUR"}, "effective_from": str(today())},
        ),
        404,
        "sku-not-found",
    )


def test_r_or_2_a_price_finer_than_the_currency_is_refused_and_nothing_is_written(api: Api) -> None:
    """Issue 8 item 7: 10.005 EUR would be 9.00 in the catalog and 9.01 on an order."""
    code = f"SKU-{uuid.uuid4().hex[:10]}"
    body = {
        "sku": code,
        "product": "total-docs",
        "name": "Rounding probe",
        "billing_plan": "perpetual",
        "prices": [{"amount": "10.005", "currency": "EUR"}],
    }
    problem = assert_problem(api.admin("POST", "/v1/skus", json=body), 422)
    assert "decimal places" in str(problem)
    assert_problem(api.admin("GET", f"/v1/skus/{code}"), 404)

    created = api.create_sku()
    assert_problem(
        api.admin(
            "POST",
            f"/v1/skus/{created['sku']}/prices",
            json={"amount": {"amount": "1.001", "currency": "USD"}, "effective_from": str(today())},
        ),
        422,
    )
