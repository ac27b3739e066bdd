"""R-OR-3/4/5/9, R-ON-2/3, R-CU-4 through the gateway, with exact amounts."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from libs.testing.api import Api, Reseller, assert_problem, wait_until
from tests.e2e.ordering.conftest import Customers, today

EUR = "EUR"


def eur(amount: str) -> dict[str, str]:
    return {"amount": amount, "currency": EUR}


def place(api: Api, reseller: Reseller, body: dict[str, Any]) -> dict[str, Any]:
    response = api.call("POST", "/v1/orders", reseller.key, json=body)
    assert response.status_code == 201, response.text
    return response.json()


def order_ids(api: Api, reseller: Reseller) -> list[str]:
    page = api.call("GET", "/v1/orders", reseller.key, params={"limit": 200})
    assert page.status_code == 200, page.text
    return [o["id"] for o in page.json()["data"]]


def test_r_or_3_reseller_is_bill_to_and_customer_ship_to(
    api: Api, onboard: Callable[..., Reseller], customers: Customers
) -> None:
    reseller = onboard(country="DE", vat_id="DE136695976")
    sku = api.create_sku()["sku"]
    body = api.order_body(sku, quantity=3)
    order = place(api, reseller, body)

    assert order["reseller_id"] == reseller.id  # bill-to
    assert order["customer_id"] is None
    assert order["ship_to"] == {**body["ship_to"], "address": None}
    assert order["status"] == "placed" and order["currency"] == EUR
    assert order["payment_method"] == "bank_transfer"
    assert order["placed_on"] == str(today())
    assert order["lines"] == [
        {
            "sku": sku,
            "product": "total-docs",
            "quantity": 3,
            "unit_msrp": eur("1499.00"),
            "discount_percent": "10.00",
            "unit_price": eur("1349.10"),
            "net": eur("4047.30"),
            "tax": eur("0.00"),
            "total": eur("4047.30"),
        }
    ]
    assert order["net_total"] == eur("4047.30") and order["total"] == eur("4047.30")

    # an existing customer as ship-to/licensee
    customer = customers.create(reseller)
    body = api.order_body(sku)
    del body["ship_to"]
    for_customer = place(api, reseller, {**body, "customer_id": customer})
    assert for_customer["customer_id"] == customer and for_customer["ship_to"] is None
    assert api.call("GET", f"/v1/orders/{for_customer['id']}", reseller.key).json() == for_customer
    assert set(order_ids(api, reseller)) == {order["id"], for_customer["id"]}

    # ship-to or customer: exactly one
    assert_problem(api.call("POST", "/v1/orders", reseller.key, json={**body}), 422)
    assert_problem(
        api.call(
            "POST",
            "/v1/orders",
            reseller.key,
            json={**api.order_body(sku), "customer_id": customer},
        ),
        422,
    )
    # another reseller's customer is not this reseller's to order for
    other = onboard()
    theirs = customers.create(other)
    assert_problem(
        api.call("POST", "/v1/orders", reseller.key, json={**body, "customer_id": theirs}),
        422,
        "unknown-customer",
    )
    assert len(order_ids(api, reseller)) == 2


def test_r_or_3_each_line_is_rounded_half_up(api: Api, onboard: Callable[..., Reseller]) -> None:
    """Per-line half-up rounding: 0.05 at 10 % is 0.045 → 0.05 (half-even would give 0.04). The
    lines' taxes (0.01 + 0.03 + 0.03 = 0.07) are informational; the order's tax is the VAT
    category's, rounded once: 21 % of the 0.29 net is 0.06 (EN 16931 BR-CO-17, R-BI-10)."""
    reseller = onboard(country="NL")
    five = api.create_sku(prices=[{"amount": "0.05", "currency": EUR}])["sku"]
    thirteen = api.create_sku(prices=[{"amount": "0.13", "currency": EUR}])["sku"]
    body = api.order_body(five)
    body["lines"] = [
        {"sku": five, "quantity": 1},
        {"sku": thirteen, "quantity": 1},
        {"sku": thirteen, "quantity": 1},
    ]
    order = place(api, reseller, body)
    assert [
        (ln["unit_price"]["amount"], ln["tax"]["amount"], ln["total"]["amount"]) for ln in order["lines"]
    ] == [
        ("0.05", "0.01", "0.06"),
        ("0.12", "0.03", "0.15"),
        ("0.12", "0.03", "0.15"),
    ]
    assert order["net_total"] == eur("0.29")
    assert order["tax_total"] == eur("0.06")
    assert order["total"] == eur("0.35")


def test_r_or_5_nl_reseller_pays_dutch_vat(api: Api, onboard: Callable[..., Reseller]) -> None:
    reseller = onboard(country="NL", vat_id="NL004495445B01")
    order = place(api, reseller, api.order_body(api.create_sku()["sku"]))
    assert order["tax"] == {"regime": "eu_vat", "rate": "0.21", "note": None}
    line = order["lines"][0]
    assert line["unit_price"] == eur("1349.10")
    assert line["tax"] == eur("283.31")  # 1349.10 x 0.21 = 283.311
    assert line["total"] == eur("1632.41")
    assert (order["net_total"], order["tax_total"], order["total"]) == (
        eur("1349.10"),
        eur("283.31"),
        eur("1632.41"),
    )


def test_r_or_5_de_reseller_with_valid_vat_id_gets_reverse_charge(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller = onboard(country="DE", vat_id="DE136695976")
    order = place(api, reseller, api.order_body(api.create_sku()["sku"]))
    assert order["tax"]["regime"] == "eu_reverse_charge"
    assert order["tax"]["rate"] == "0"
    assert "Reverse charge" in order["tax"]["note"]
    assert order["tax_total"] == eur("0.00") and order["total"] == eur("1349.10")


def test_r_or_5_de_reseller_without_vat_id_pays_german_vat(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller = onboard(country="DE")
    order = place(api, reseller, api.order_body(api.create_sku()["sku"]))
    assert order["tax"]["regime"] == "eu_vat" and order["tax"]["rate"] == "0.19"
    assert order["tax_total"] == eur("256.33")  # 1349.10 x 0.19 = 256.329
    assert order["total"] == eur("1605.43")


def test_r_or_5_us_reseller_pays_its_state_sales_tax(api: Api, onboard: Callable[..., Reseller]) -> None:
    reseller = onboard(country="US", state="CA")
    order = place(api, reseller, api.order_body(api.create_sku()["sku"], currency="USD"))
    assert order["tax"] == {"regime": "us_sales_tax", "rate": "0.0725", "note": None}
    line = order["lines"][0]
    assert line["unit_msrp"] == {"amount": "1599.00", "currency": "USD"}
    assert line["unit_price"] == {"amount": "1439.10", "currency": "USD"}
    assert line["tax"] == {"amount": "104.33", "currency": "USD"}  # 1439.10 x 0.0725 = 104.33475
    assert order["total"] == {"amount": "1543.43", "currency": "USD"}


@pytest.mark.parametrize(("state", "rate"), [("MN", "0.06875"), ("MO", "0.04225"), ("NJ", "0.06625")])
def test_r_or_5_a_rate_with_five_decimals_is_stored_exactly(
    api: Api, onboard: Callable[..., Reseller], state: str, rate: str
) -> None:
    """Issue 8 item 5: the rate was stored as numeric(6,4), so GET answered 0.0688 for Minnesota."""
    reseller = onboard(country="US", state=state)
    placed = place(api, reseller, api.order_body(api.create_sku()["sku"], currency="USD"))
    assert placed["tax"]["rate"] == rate
    fetched = api.call("GET", f"/v1/orders/{placed['id']}", reseller.key)
    assert fetched.status_code == 200, fetched.text
    assert {**fetched.json(), "customer_id": None} == {**placed, "customer_id": None}  # linked meanwhile


def test_r_or_5_swiss_reseller_pays_no_tax(api: Api, onboard: Callable[..., Reseller]) -> None:
    reseller = onboard(country="CH")
    order = place(api, reseller, api.order_body(api.create_sku()["sku"], quantity=2))
    assert order["tax"] == {"regime": "none", "rate": "0", "note": None}
    assert order["net_total"] == eur("2698.20")
    assert order["tax_total"] == eur("0.00") and order["total"] == eur("2698.20")


def test_r_or_4_card_payment_is_refused(api: Api, onboard: Callable[..., Reseller]) -> None:
    reseller = onboard()
    body = api.order_body(api.ensure_sku()["sku"], payment_method="card")
    problem = assert_problem(
        api.call("POST", "/v1/orders", reseller.key, json=body), 422, "payment-method-not-allowed"
    )
    assert "R-OR-4" in problem["title"]
    assert_problem(
        api.call("POST", "/v1/orders", reseller.key, json={**body, "payment_method": "paypal"}), 422
    )
    assert order_ids(api, reseller) == []


def test_r_on_3_new_reseller_prepays(api: Api, onboard: Callable[..., Reseller]) -> None:
    reseller = onboard()
    order = place(api, reseller, api.order_body(api.ensure_sku()["sku"]))
    assert order["payment_requirement"] == "prepay"


def test_r_on_2_only_active_resellers_can_order(api: Api) -> None:
    pending = api.onboard_reseller(accept_policy=False)
    sku = api.ensure_sku()["sku"]

    def refused() -> bool:
        response = api.call("POST", "/v1/orders", pending.key, json=api.order_body(sku))
        assert response.status_code == 422, response.text
        return response.json()["code"] == "reseller-cannot-order"

    wait_until(refused, what="ordering to learn the pending reseller")
    assert order_ids(api, pending) == []


def test_r_on_2_new_policy_version_requires_reacceptance_before_next_order(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller = onboard()
    sku = api.ensure_sku()["sku"]
    place(api, reseller, api.order_body(sku))

    published = api.admin("POST", "/v1/reseller-policy", json={"text": f"Policy {uuid.uuid4()}"})
    assert published.status_code == 201, published.text
    version = published.json()["version"]

    def refused() -> dict[str, Any] | None:
        response = api.call("POST", "/v1/orders", reseller.key, json=api.order_body(sku))
        if response.status_code == 201:
            return None  # ordering has not learned of the new version yet
        return assert_problem(response, 422, "policy-not-accepted")

    problem = wait_until(refused, what="ordering to learn the new policy version")
    assert str(version) in problem["detail"]
    before = len(order_ids(api, reseller))

    accepted = api.call(
        "POST", f"/v1/resellers/{reseller.id}/policy-acceptance", reseller.key, json={"version": version}
    )
    assert accepted.status_code == 200, accepted.text

    place(api, reseller, api.order_body(sku))  # at once: the reseller's own write (read-your-writes)
    assert len(order_ids(api, reseller)) == before + 1


def test_r_or_9_reseller_hands_an_order_over_to_vendor_sales(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller = onboard()
    other = onboard()
    order = place(api, reseller, api.order_body(api.ensure_sku()["sku"]))

    assert_problem(api.call("POST", f"/v1/orders/{order['id']}/handover", other.key, json={}), 404)
    handed = api.call(
        "POST", f"/v1/orders/{order['id']}/handover", reseller.key, json={"note": "large deal, 500 seats"}
    )
    assert handed.status_code == 200, handed.text
    assert handed.json()["status"] == "handed_over"
    assert api.call("GET", f"/v1/orders/{order['id']}", reseller.key).json()["status"] == "handed_over"
    handed_list = api.call("GET", "/v1/orders", reseller.key, params={"status": "handed_over"}).json()
    assert [o["id"] for o in handed_list["data"]] == [order["id"]]
    assert_problem(
        api.call("POST", f"/v1/orders/{order['id']}/handover", reseller.key, json={}),
        409,
        "order-state-conflict",
    )
    # staff see the handed-over opportunity
    assert api.admin("GET", f"/v1/orders/{order['id']}").json()["status"] == "handed_over"


def test_r_cu_4_team_customer_only_buys_products_that_allow_team_customers(
    api: Api, onboard: Callable[..., Reseller], customers: Customers
) -> None:
    reseller = onboard()
    team = customers.create(reseller, kind="team")
    domain = customers.create(reseller, kind="domain")
    team_product = f"team-ok-{uuid.uuid4().hex[:8]}"
    created = api.admin(
        "POST", "/v1/products", json={"code": team_product, "name": "Team", "team_customers_allowed": True}
    )
    assert created.status_code == 201, created.text
    team_sku = api.create_sku(product=team_product)["sku"]
    other_sku = api.create_sku()["sku"]  # total-docs: domain customers only

    def body(customer: str, *skus: str) -> dict[str, Any]:
        b = api.order_body(skus[0])
        del b["ship_to"]
        return {**b, "customer_id": customer, "lines": [{"sku": s, "quantity": 1} for s in skus]}

    problem = assert_problem(
        api.call("POST", "/v1/orders", reseller.key, json=body(team, team_sku, other_sku)),
        422,
        "product-not-for-team-customers",
    )
    assert "total-docs" in problem["detail"] and "R-CU-4" in problem["title"]
    assert order_ids(api, reseller) == []

    assert place(api, reseller, body(team, team_sku))["customer_id"] == team
    assert place(api, reseller, body(domain, other_sku))["customer_id"] == domain


@pytest.mark.parametrize(
    ("change", "status", "code"),
    [
        pytest.param(
            {"lines": [{"sku": "NO-SUCH-SKU", "quantity": 1}]}, 422, "unknown-sku", id="unknown-sku"
        ),
        pytest.param({"lines": [{"sku": "@", "quantity": 0}]}, 422, "validation-error", id="zero-quantity"),
        pytest.param({"quantity": 0}, 422, "validation-error", id="zero"),
        pytest.param({"quantity": -1}, 422, "validation-error", id="negative"),
        pytest.param({"quantity": 100_001}, 422, "validation-error", id="huge"),
        pytest.param({"quantity": 10**30}, 422, "validation-error", id="overflow"),
        pytest.param({"quantity": 1.5}, 422, "validation-error", id="fractional"),
        pytest.param({"currency": "GBP"}, 422, "price-not-available", id="currency-without-price"),
        pytest.param({"currency": "eur"}, 422, "price-not-available", id="lowercase-currency"),
        pytest.param({"currency": "EURO"}, 422, "validation-error", id="not-a-currency"),
        pytest.param({"lines": []}, 422, "validation-error", id="no-lines"),
        pytest.param({"unexpected": True}, 422, "validation-error", id="unknown-field"),
        pytest.param({"payment_method": None}, 422, "validation-error", id="no-payment-method"),
    ],
)
def test_r_or_3_bad_order_input_is_refused_and_nothing_is_written(
    api: Api, onboard: Callable[..., Reseller], change: dict[str, Any], status: int, code: str
) -> None:
    reseller = onboard()
    body = api.order_body(api.ensure_sku()["sku"])
    if "quantity" in change:
        body["lines"][0]["quantity"] = change["quantity"]
    else:
        body.update(change)
    assert_problem(api.call("POST", "/v1/orders", reseller.key, json=body), status, code)
    assert order_ids(api, reseller) == []


def test_r_or_3_malformed_body_is_refused_and_nothing_is_written(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller = onboard()
    for content in (b"{not json", b"[]", b"null", b""):
        response = api.call(
            "POST", "/v1/orders", reseller.key, content=content, headers={"Content-Type": "application/json"}
        )
        assert_problem(response, 422)
    assert order_ids(api, reseller) == []


def test_r_or_3_only_resellers_place_orders(api: Api) -> None:
    body = api.order_body(api.ensure_sku()["sku"])
    assert_problem(api.admin("POST", "/v1/orders", json=body), 403)
    assert_problem(api.call("POST", "/v1/orders", json=body), 401)


def test_tenant_isolation_reseller_b_cannot_see_reseller_a_orders(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    a = onboard()
    b = onboard()
    order = place(api, a, api.order_body(api.ensure_sku()["sku"]))

    assert_problem(api.call("GET", f"/v1/orders/{order['id']}", b.key), 404, "order-not-found")
    assert_problem(api.call("POST", f"/v1/orders/{order['id']}/handover", b.key, json={}), 404)
    assert order["id"] not in order_ids(api, b)
    assert_problem(api.call("GET", f"/v1/orders/{uuid.uuid4()}", a.key), 404)
    # A still sees it, untouched by B's attempt; staff see every order
    assert api.call("GET", f"/v1/orders/{order['id']}", a.key).json()["status"] == "placed"
    assert api.admin("GET", f"/v1/orders/{order['id']}").json()["reseller_id"] == a.id


def test_r_or_3_idempotency_key_under_concurrent_retries_creates_one_order(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller = onboard()
    body = api.order_body(api.ensure_sku()["sku"], quantity=2)
    key = f"order-{uuid.uuid4()}"
    base_url = str(api.client.base_url)
    barrier = threading.Barrier(6)
    responses: list[httpx.Response] = []
    lock = threading.Lock()

    def fire() -> None:
        with httpx.Client(base_url=base_url, timeout=30) as client:
            barrier.wait()
            response = client.post(
                "/v1/orders",
                json=body,
                headers={"Authorization": f"Bearer {reseller.key}", "Idempotency-Key": key},
            )
        with lock:
            responses.append(response)

    threads = [threading.Thread(target=fire) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    created = [r for r in responses if r.status_code == 201]
    assert created, [r.text for r in responses]
    assert all(r.status_code in (201, 409) for r in responses), [r.text for r in responses]
    for r in responses:
        if r.status_code == 409:
            assert r.json()["code"] == "idempotency-key-in-flight"
    assert len({r.json()["id"] for r in created}) == 1
    assert order_ids(api, reseller) == [created[0].json()["id"]]

    # a later retry replays; the same key with another body is refused
    replay = api.call("POST", "/v1/orders", reseller.key, json=body, headers={"Idempotency-Key": key})
    assert replay.status_code == 201 and replay.headers.get("Idempotent-Replayed") == "true"
    assert replay.json() == created[0].json()
    other = {**body, "lines": [{"sku": body["lines"][0]["sku"], "quantity": 3}]}
    assert_problem(
        api.call("POST", "/v1/orders", reseller.key, json=other, headers={"Idempotency-Key": key}),
        422,
        "idempotency-key-reused",
    )
    assert len(order_ids(api, reseller)) == 1


def test_r_or_3_order_eligibility_tells_a_reseller_why_it_cannot_order_yet(api: Api) -> None:
    pending = api.onboard_reseller(accept_policy=False)
    api.ensure_sku()

    def known_as_pending() -> dict[str, Any] | None:
        body = api.call("GET", "/v1/orders/eligibility", pending.key).json()
        return body if body.get("reason") == "reseller-cannot-order" else None

    assert wait_until(known_as_pending)["eligible"] is False
    version = api.call("GET", "/v1/reseller-policy", pending.key).json()["version"]
    api.call("POST", f"/v1/resellers/{pending.id}/policy-acceptance", pending.key, json={"version": version})
    api.check_reseller_may_order(pending)
    body = api.call("GET", "/v1/orders/eligibility", pending.key).json()
    assert body == {
        "eligible": True,
        "reason": None,
        "detail": None,
        "standing": "new",
        "discount_percent": "10.00",
    }
    assert api.admin("GET", "/v1/orders/eligibility").status_code == 403


def test_r_cu_4_the_team_rule_holds_when_the_customer_is_named_by_ship_to(
    api: Api, onboard: Callable[..., Reseller], customers: Customers
) -> None:
    """Issue 8 item 14: with `ship_to.email` of an existing team customer, a product closed to team
    customers was accepted. The rule now applies however the customer is named (R-CU-9 decides who
    the ship-to is: an existing customer, or the kind an order would create)."""
    reseller = onboard()
    team = customers.create(reseller, kind="team")
    team_email = api.call("GET", f"/v1/customers/{team}", reseller.key).json()["primary_email"]
    domain_only = api.create_sku()["sku"]  # total-docs: domain customers only

    def ship_to_order(ship_to: dict[str, Any]) -> dict[str, Any]:
        return {**api.order_body(domain_only), "ship_to": ship_to}

    for ship_to in (
        {"name": "Team", "email": team_email},  # the existing team customer, by e-mail
        {"name": "New", "email": f"someone-{uuid.uuid4().hex[:6]}@gmail.com"},  # would be a new team customer
    ):
        assert_problem(
            api.call("POST", "/v1/orders", reseller.key, json=ship_to_order(ship_to)),
            422,
            "product-not-for-team-customers",
        )
    assert order_ids(api, reseller) == []
    # a ship-to with a registered domain nobody has becomes a domain customer: accepted
    domain = f"shipto-{uuid.uuid4().hex[:8]}.example.com"
    placed = place(
        api, reseller, ship_to_order({"name": "Domain BV", "email": f"it@{domain}", "domain": domain})
    )
    assert placed["status"] in ("placed", "released")


def test_r_cu_1_a_customer_on_a_non_profit_or_legacy_free_edition_cannot_be_sold_to(
    api: Api, onboard: Callable[..., Reseller], customers: Customers
) -> None:
    """Issue 8 item 10: R-CU-1's second prerequisite. The customer records the edition it runs;
    orders for a non-commercial edition are refused. Becoming ineligible reaches ordering with the
    event (waited for below); becoming eligible again is usable by the very next call (refresh from
    the owner before refusing)."""
    reseller = onboard()
    customer = customers.create(reseller)
    sku = api.ensure_sku()["sku"]
    body = {**api.order_body(sku), "customer_id": customer}
    del body["ship_to"]
    for edition in ("non_profit", "legacy_free"):
        # the edition is staff's to record (R-PL-5): the reseller is refused, staff change it
        refused = api.call("PATCH", f"/v1/customers/{customer}", reseller.key, json={"edition": edition})
        assert_problem(refused, 403, "edition-staff-only")
        changed = api.admin("PATCH", f"/v1/customers/{customer}", json={"edition": edition})
        assert changed.status_code == 200 and changed.json()["edition"] == edition, changed.text
        response = wait_until(
            lambda: (r := api.call("POST", "/v1/orders", reseller.key, json=body)).status_code == 422 and r,
            what="ordering to learn the customer's edition",
        )
        problem = assert_problem(response, 422, "customer-edition-not-eligible")
        assert "R-CU-1" in problem["title"]
    assert_problem(
        api.call("PATCH", f"/v1/customers/{customer}", reseller.key, json={"edition": "free"}), 422
    )
    # upgraded to a commercial edition: sold to at once
    assert api.admin("PATCH", f"/v1/customers/{customer}", json={"edition": "commercial"}).status_code == 200
    assert place(api, reseller, body)["customer_id"] == customer
