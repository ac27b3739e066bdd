"""Billing end to end through the gateway (R-BI-1…4, R-ON-3): the seed 000 money flow — order →
invoice with a structured reference → bank transfer → release → standing — with every figure."""

from __future__ import annotations

import io
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from typing import Any

from pypdf import PdfReader
from stdnum import iso11649

from libs.testing.api import Api, Reseller, assert_problem, wait_until
from tests.e2e.billing.conftest import (
    camt053,
    get_invoice,
    interest,
    invoice_of,
    money,
    order_status,
    pay,
    place,
    run_job,
    upload,
    wait_standing,
)
from tests.e2e.ordering.conftest import customer_ready_to_order


def test_r_bi_1_order_invoice_carries_rf_reference_terms_and_tax_note_in_its_pdf(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller = onboard(country="DE", vat_id="DE136695976")
    order = place(api, reseller, api.create_sku()["sku"], quantity=2)
    invoice = invoice_of(api, reseller, order)  # the very next call: read-your-writes

    assert invoice["status"] == "open" and invoice["kind"] == "order"
    assert invoice["reseller_id"] == reseller.id and invoice["order_id"] == order["id"]
    assert invoice["total"] == order["total"] == money("2698.20")  # 2 x 1499.00 less 10 %, reverse charge
    assert invoice["tax"] == money("0.00") and invoice["tax_regime"] == "eu_reverse_charge"
    assert "Reverse charge" in invoice["tax_note"]
    assert invoice["amount_due"] == money("2698.20") and invoice["amount_paid"] == money("0.00")
    issue = date.fromisoformat(invoice["issue_date"])
    assert date.fromisoformat(invoice["due_date"]) == issue + timedelta(days=30)
    assert iso11649.is_valid(invoice["payment_reference"])
    assert invoice["bank_details"]["iban"] == "NL91ABNA0417164300"
    assert [line["quantity"] for line in invoice["lines"]] == [2]

    pdf = api.call("GET", f"/v1/invoices/{invoice['id']}/pdf", reseller.key)
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    for expected in (invoice["number"], invoice["payment_reference"], "EUR 2,698.20", "Reverse charge"):
        assert expected in text, expected


def test_r_bi_2_r_on_3_first_three_orders_wait_for_payment_and_the_fourth_is_on_account(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller = onboard()
    sku = api.ensure_sku()["sku"]
    orders = []
    for _ in range(3):
        body = api.order_body(sku)
        del body["ship_to"]
        body["customer_id"] = customer_ready_to_order(api, reseller)
        response = api.call("POST", "/v1/orders", reseller.key, json=body)
        assert response.status_code == 201, response.text
        orders.append(response.json())
    assert [o["payment_requirement"] for o in orders] == ["prepay"] * 3
    assert [order_status(api, reseller, o) for o in orders] == ["placed"] * 3  # nothing released unpaid

    for n, order in enumerate(orders, start=1):
        paid = pay(api, invoice_of(api, reseller, order))
        assert paid["status"] == "matched" and paid["allocations"][0]["amount"] == order["total"]
        wait_until(
            lambda o=order: order_status(api, reseller, o) in ("released", "fulfilled"), what="release"
        )
        if n < 3:
            assert api.admin("GET", f"/v1/resellers/{reseller.id}").json()["standing"] == "new"

    wait_standing(api, reseller, "established")
    # the standing travels to ordering as onboarding's event (~100 ms): wait for ordering to know it
    wait_until(
        lambda: (
            api.call("GET", "/v1/orders/eligibility", reseller.key).json().get("standing") == "established"
        ),
        what="ordering to learn the reseller is established",
    )
    fourth = place(api, reseller, sku)
    assert fourth["payment_requirement"] == "on_account" and fourth["status"] == "released"
    # paying an order twice (a repeated transfer) never counts it twice towards R-ON-3
    assert api.admin("GET", f"/v1/resellers/{reseller.id}").json()["paid_orders"] == 3


def test_r_bi_1_camt_053_exact_partial_and_unknown_reference(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller = onboard()
    exact, partial = (invoice_of(api, reseller, place(api, reseller)) for _ in range(2))
    unknown_ref = iso11649.format("RF18539007547034").replace(" ", "")
    statement = camt053(
        [
            (exact["total"]["amount"], exact["payment_reference"]),
            ("100.00", partial["payment_reference"]),
            ("55.00", unknown_ref),
        ]
    )

    response = upload(api, statement)
    assert response.status_code == 201, response.text
    result = response.json()
    assert (result["entries"], result["matched"], result["partial"], result["unmatched"]) == (3, 1, 1, 1)
    assert get_invoice(api, reseller.key, exact["id"])["status"] == "paid"
    after_partial = get_invoice(api, reseller.key, partial["id"])
    assert after_partial["status"] == "partially_paid"
    assert after_partial["amount_paid"] == money("100.00")
    remaining = f"{float(partial['total']['amount']) - 100:.2f}"
    assert after_partial["amount_due"] == money(remaining)

    # the same file again: recognised, nothing applied twice
    again = upload(api, statement).json()
    assert again["duplicate"] is True and (again["matched"], again["partial"], again["unmatched"]) == (
        0,
        0,
        0,
    )
    assert get_invoice(api, reseller.key, partial["id"])["amount_paid"] == money("100.00")

    # the unknown transfer is kept for staff, who assign it; the surplus stays as credit
    [unmatched] = [p for p in result["payments"] if p["status"] == "unmatched"]
    listed = api.admin("GET", "/v1/payments", params={"status": "unmatched", "limit": 200}).json()["data"]
    assert unmatched["id"] in {p["id"] for p in listed}
    top_up = upload(api, camt053([("5000.00", unknown_ref)])).json()
    [credit] = top_up["payments"]
    assigned = api.admin("POST", f"/v1/payments/{credit['id']}/assign", json={"invoice_id": partial["id"]})
    assert assigned.status_code == 200, assigned.text
    assert assigned.json()["unapplied"] == money(f"{5000 - float(remaining):.2f}")
    assert get_invoice(api, reseller.key, partial["id"])["status"] == "paid"
    # the reseller sees the payments on its invoices; another reseller none of them
    mine = api.call("GET", "/v1/payments", reseller.key).json()["data"]
    assert {p["id"] for p in mine} >= {credit["id"]}
    other = onboard()
    assert api.call("GET", f"/v1/payments/{credit['id']}", other.key).status_code == 404


def test_r_bi_4_ten_days_overdue_charges_interest_makes_prepay_and_paying_all_lifts_it(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller = onboard()
    assert (
        api.admin(
            "POST", f"/v1/resellers/{reseller.id}/payment-facts", json={"paid_orders_delta": 3}
        ).status_code
        == 200
    )
    wait_until(
        lambda: (
            api.call("GET", "/v1/orders/eligibility", reseller.key).json().get("standing") == "established"
        ),
        what="ordering to learn the reseller is established",
    )
    order = place(api, reseller)
    assert order["payment_requirement"] == "on_account" and order["status"] == "released"  # R-BI-3
    invoice = invoice_of(api, reseller, order)
    ten_days_late = date.fromisoformat(invoice["due_date"]) + timedelta(days=10)

    assert run_job(api, "dunning", ten_days_late)["outcome"] == "succeeded"
    overdue = get_invoice(api, reseller.key, invoice["id"])
    expected = interest(invoice["total"]["amount"], "0.08", 10)
    assert overdue["status"] == "overdue"
    assert overdue["interest"] == money(expected)
    assert overdue["amount_due"] == money(f"{float(invoice['total']['amount']) + float(expected):.2f}")
    assert overdue["reminder_level"] == 1  # 7 days reached
    wait_standing(api, reseller, "prepay_required")
    wait_until(
        lambda: (
            api.call("GET", "/v1/orders/eligibility", reseller.key).json().get("standing")
            == "prepay_required"
        ),
        what="ordering to learn the reseller must prepay",
    )
    assert place(api, reseller)["payment_requirement"] == "prepay"  # R-BI-4: new orders prepaid

    # the same day again changes nothing
    run_job(api, "dunning", ten_days_late)
    assert get_invoice(api, reseller.key, invoice["id"])["interest"] == money(expected)

    # paying principal alone leaves the interest due; paying that too lifts it
    pay(api, overdue, amount=invoice["total"]["amount"], received_on=ten_days_late)
    still = get_invoice(api, reseller.key, invoice["id"])
    assert still["status"] == "overdue" and still["amount_due"] == money(expected)
    pay(api, still, received_on=ten_days_late)
    assert get_invoice(api, reseller.key, invoice["id"])["status"] == "paid"
    wait_standing(api, reseller, "established")


def test_r_bi_3_monthly_statement_lists_open_items_once_per_month(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller = onboard()
    invoice = invoice_of(api, reseller, place(api, reseller))
    first_of_next_month = (
        date.fromisoformat(invoice["issue_date"]).replace(day=28) + timedelta(days=4)
    ).replace(day=1)
    run_job(api, "monthly-statements", first_of_next_month)
    run_job(api, "monthly-statements", first_of_next_month)  # however often it runs: one statement

    statements = api.call("GET", f"/v1/resellers/{reseller.id}/statements", reseller.key).json()
    assert len(statements) == 1
    [statement] = statements
    assert statement["month"] == first_of_next_month.strftime("%Y-%m")
    assert [(i["number"], i["due_date"], i["amount_due"]) for i in statement["items"]] == [
        (invoice["number"], invoice["due_date"], invoice["amount_due"])
    ]
    assert statement["open_total"] == invoice["amount_due"]
    pdf = api.call("GET", f"/v1/statements/{statement['id']}/pdf", reseller.key)
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert invoice["number"] in PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
    # another reseller sees neither the list nor the statement
    other = onboard()
    assert api.call("GET", f"/v1/resellers/{reseller.id}/statements", other.key).status_code == 404
    assert api.call("GET", f"/v1/statements/{statement['id']}", other.key).status_code == 404


def test_r_bi_1_invoice_numbers_have_no_gaps_under_20_concurrent_orders(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller = onboard()
    sku = api.ensure_sku()["sku"]
    with ThreadPoolExecutor(max_workers=20) as pool:
        orders = list(pool.map(lambda _: place(api, reseller, sku), range(20)))
    numbers = sorted(invoice_of(api, reseller, o)["number"] for o in orders)
    assert len(set(numbers)) == 20
    # across the whole year (every test's invoices): 1 … n, no number missing or repeated
    year = numbers[0][:4]
    every: list[str] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": 200, **({"cursor": cursor} if cursor else {})}
        page = api.admin("GET", "/v1/invoices", params=params).json()
        every += [i["number"] for i in page["data"] if i["number"].startswith(year)]
        cursor = page["next_cursor"]
        if not cursor:
            break
    sequences = sorted(int(n.split("-")[1]) for n in every)
    assert sequences == list(range(1, len(sequences) + 1))


def test_r_bi_1_hostile_or_wrong_bank_statements_are_refused_and_change_nothing(api: Api) -> None:
    before = api.admin("GET", "/v1/payments", params={"limit": 200}).json()["data"]
    xxe = (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><Document>&x;</Document>'
    )
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><Document>&lol2;</Document>'
    )
    assert_problem(upload(api, xxe), 422)
    assert_problem(upload(api, laughs), 422)
    assert_problem(upload(api, b"<Document><BkToCstmrStmt>"), 422)
    assert_problem(upload(api, b"x" * 6_000_000), 413)
    assert_problem(upload(api, camt053([("1.00", None)]), content_type="application/json"), 415)
    after = api.admin("GET", "/v1/payments", params={"limit": 200}).json()["data"]
    assert [p["id"] for p in after] == [p["id"] for p in before]


def test_r_bi_1_bad_payments_are_refused_with_problems(api: Api, onboard: Callable[..., Reseller]) -> None:
    reseller = onboard()
    invoice = invoice_of(api, reseller, place(api, reseller))
    bad = [
        {
            "reference": invoice["payment_reference"],
            "amount": {"amount": 10.5, "currency": "EUR"},
            "received_on": "2026-01-01",
        },
        {
            "reference": invoice["payment_reference"],
            "amount": {"amount": "1.001", "currency": "EUR"},
            "received_on": "2026-01-01",
        },
        {"reference": "", "amount": {"amount": "1.00", "currency": "EUR"}, "received_on": "2026-01-01"},
        {"reference": invoice["payment_reference"], "amount": {"amount": "1.00", "currency": "EUR"}},
    ]
    for body in bad:
        assert_problem(api.admin("POST", "/v1/payments", json=body), 422)
    assert get_invoice(api, reseller.key, invoice["id"])["amount_paid"] == money("0.00")
    # resellers do not record payments; a payment in another currency is kept unmatched
    assert api.call("POST", "/v1/payments", reseller.key, json=bad[0]).status_code in (403, 422)
    usd = pay_body(invoice, "USD")
    recorded = api.admin("POST", "/v1/payments", json=usd)
    assert recorded.status_code == 201 and recorded.json()["status"] == "unmatched"


def pay_body(invoice: dict[str, Any], currency: str) -> dict[str, Any]:
    return {
        "reference": invoice["payment_reference"],
        "amount": {"amount": invoice["total"]["amount"], "currency": currency},
        "received_on": date.today().isoformat(),
    }


def test_billing_tenant_isolation_and_customers_see_no_billing(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller, other = onboard(), onboard()
    customer_id = customer_ready_to_order(api, reseller)
    body = api.order_body(api.ensure_sku()["sku"])
    del body["ship_to"]
    body["customer_id"] = customer_id
    order = api.call("POST", "/v1/orders", reseller.key, json=body).json()
    invoice = invoice_of(api, reseller, order)
    customer_key = api.call(
        "POST", f"/v1/customers/{customer_id}/api-keys", reseller.key, json={"name": "portal"}
    ).json()["key"]
    for key in (other.key, customer_key):
        for path in (f"/v1/invoices/{invoice['id']}", f"/v1/invoices/{invoice['id']}/pdf"):
            assert_problem(api.call("GET", path, key), 404)
        assert (
            api.call("GET", "/v1/invoices", key, params={"order_id": order["id"]}).json().get("data", [])
            == []
        )
    # a customer's key lists only the WaaS invoices the distributor sent it (R-BI-6): none here
    assert api.call("GET", "/v1/invoices", customer_key).json()["data"] == []
    assert_problem(api.call("GET", f"/v1/resellers/{reseller.id}/statements", customer_key), 404)
    assert api.admin("GET", f"/v1/invoices/{invoice['id']}").status_code == 200


def test_r_bi_2_prepaid_subscription_charge_is_invoiced_and_paying_it_activates_the_subscription(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller = onboard(country="NL")
    customer_id = customer_ready_to_order(api, reseller)
    sku = api.create_sku(
        billing_plan="yearly", seat_based=True, prices=[{"amount": "120.00", "currency": "EUR"}]
    )
    body = {"customer_id": customer_id, "sku": sku["sku"], "seats": 5, "term_months": 12}

    def subscribe() -> dict[str, Any] | None:  # ordering learns the new customer from onboarding's event
        response = api.call(
            "POST", "/v1/subscriptions", reseller.key, json=body, headers={"Idempotency-Key": key}
        )
        return response.json() if response.status_code == 201 else None

    key = f"sub-{reseller.id}"
    subscription = wait_until(subscribe, what="ordering to accept the subscription")
    assert subscription["status"] == "pending_payment"  # a new reseller prepays (R-ON-3)

    def invoice() -> dict[str, Any] | None:  # made from ordering's event, not on the partner's call
        page = api.call("GET", "/v1/invoices", reseller.key, params={"subscription_id": subscription["id"]})
        return (page.json()["data"] or [None])[0]

    charged = wait_until(invoice, what="the charge's invoice")
    assert (
        charged["kind"] == "subscription"
        and charged["charge_id"] == subscription["periods"][0]["charge"]["id"]
    )
    # 5 seats x 108.00 (120.00 less 10 %) = 540.00 + 21 % VAT 113.40
    assert (charged["net"], charged["tax"], charged["total"]) == (
        money("540.00"),
        money("113.40"),
        money("653.40"),
    )
    assert charged["lines"][0]["quantity"] == 5

    pay(api, charged)
    wait_until(
        lambda: (
            api.call("GET", f"/v1/subscriptions/{subscription['id']}", reseller.key).json()["status"]
            == "active"
        ),
        what="the paid subscription to become active",
    )
