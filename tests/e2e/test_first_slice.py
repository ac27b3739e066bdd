"""The first slice, end to end through the gateway: apply → approve → accept policy →
SKU → order at the partner price. Ordering learns the discount from onboarding's events."""

from __future__ import annotations

from libs.testing.api import Api


def test_first_slice_reseller_orders_at_its_partner_price(api: Api) -> None:
    application = api.apply(country="DE", vat_id="DE136695976")
    assert application["status"] == "submitted"

    approved = api.admin("POST", f"/v1/reseller-applications/{application['id']}/approve", json={})
    assert approved.status_code == 200, approved.text
    body = approved.json()
    assert body["status"] == "approved" and body["api_key"].startswith("chk_res_")
    key, reseller_id = body["api_key"], body["reseller_id"]

    me = api.call("GET", "/v1/me", key).json()
    assert me == {
        "kind": "reseller",
        "roles": ["reseller_admin"],
        "reseller_id": reseller_id,
        "customer_id": None,
    }

    reseller = api.call("GET", f"/v1/resellers/{reseller_id}", key).json()
    assert reseller["status"] == "pending_policy" and reseller["standing"] == "new"
    assert reseller["discount_percent"] == "10.00"

    policy = api.call("GET", "/v1/reseller-policy", key).json()
    accepted = api.call(
        "POST", f"/v1/resellers/{reseller_id}/policy-acceptance", key, json={"version": policy["version"]}
    )
    assert accepted.status_code == 200 and accepted.json()["status"] == "active"

    sku = api.create_sku()
    from libs.testing.api import Reseller

    api.check_reseller_may_order(Reseller(reseller_id, key, application["id"]))
    seen = api.call("GET", f"/v1/skus/{sku['sku']}", key).json()
    assert {"amount": "1349.10", "currency": "EUR"} in seen["partner_price"]

    order = api.call("POST", "/v1/orders", key, json=api.order_body(sku["sku"], quantity=2))
    assert order.status_code == 201, order.text
    o = order.json()
    assert o["reseller_id"] == reseller_id and o["status"] == "placed"
    assert o["payment_requirement"] == "prepay"  # a new reseller prepays (R-ON-3)
    line = o["lines"][0]
    assert line["unit_msrp"] == {"amount": "1499.00", "currency": "EUR"}
    assert line["unit_price"] == {"amount": "1349.10", "currency": "EUR"}
    assert line["net"] == {"amount": "2698.20", "currency": "EUR"}
    # a German reseller with a valid VAT id buying from an NL vendor: reverse charge (R-OR-5)
    assert o["tax"]["regime"] == "eu_reverse_charge" and o["tax_total"]["amount"] == "0.00"
    assert o["total"] == {"amount": "2698.20", "currency": "EUR"}
