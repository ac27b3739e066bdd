"""WaaS leasing end to end through the gateway (R-WA-1…11, R-ON-6): exact figures for the monthly
total, commissions, the termination fee and the extension limits; the walk from draft to returned."""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from libs.testing.api import Api, Reseller, assert_problem, wait_until
from tests.e2e.leasing.conftest import activate, bundle, customer, customer_key, draft, eur


def test_r_wa_1_r_wa_2_draft_with_upgrade_and_quantity_has_its_monthly_total(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller = onboard()
    offer = bundle(api)
    contract = draft(
        api, reseller, customer(api, reseller), offer["code"], options=["O365-PREMIUM", "DOCK"], quantity=3
    )
    assert contract["status"] == "draft" and contract["term_months"] == 36
    assert contract["monthly_total"] == eur("226.50")  # (59.00 + 12.50 + 4.00) x 3
    assert contract["office365_sku"] == "O365-BUSINESS-PREMIUM" and contract["office365_seats"] == 3
    assert contract["commission"] is None  # fixed at activation


def test_r_wa_3_r_wa_4_walk_from_draft_to_returned_with_commission_fixed_at_activation(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller = onboard()
    offer = bundle(api)
    contract = draft(api, reseller, customer(api, reseller), offer["code"], options=["O365-PREMIUM"])
    path = f"/v1/waas/contracts/{contract['id']}"
    # signatures before the credit check are refused
    assert_problem(
        api.admin("POST", f"{path}/signatures", json={"party": "distributor", "signed_by": "ALSO"}), 409
    )
    active = activate(api, reseller, contract)
    assert active["status"] == "active"
    assert active["commission"] == eur("125.00")  # 100.00 + 25.00 for the upgrade
    assert set(active["signatures"]) == {"distributor", "customer"}
    assert active["credit_check"]["decision"] == "approved" and "reason" not in active["credit_check"]
    assert api.admin("GET", path).json()["credit_check"]["reason"] == "score A"  # staff's note (R-PL-5)
    start = date.fromisoformat(active["start_date"])
    assert active["end_date"] == str(date(start.year + 3, start.month, start.day) - timedelta(days=1))
    commissions = api.call("GET", "/v1/waas/commissions", reseller.key).json()["data"]
    assert [(c["reason"], c["amount"]) for c in commissions] == [("new", eur("125.00"))]

    # R-WA-8: not returnable while running; after termination, returned with the wiping certificate
    returned_early = api.call(
        "POST",
        f"{path}/return",
        reseller.key,
        json={"method": "self", "wipe_certificate_id": "C-1", "wiping_company": "WipeIT"},
    )
    assert_problem(returned_early, 409)
    assert api.call("POST", f"{path}/terminate", reseller.key, json={}).status_code == 200
    returned = api.call(
        "POST",
        f"{path}/return",
        reseller.key,
        json={"method": "pickup", "wipe_certificate_id": "C-77", "wiping_company": "WipeIT BV"},
    )
    assert returned.status_code == 200, returned.text
    record = returned.json()["return_record"]
    assert returned.json()["status"] == "returned"
    assert (record["method"], record["pickup_fee"], record["wipe_certificate_id"]) == (
        "pickup",
        "49.00",
        "C-77",
    )


def test_r_wa_4_commission_without_upgrade_is_the_bundles(api: Api, onboard: Callable[..., Reseller]) -> None:
    reseller = onboard()
    active = activate(
        api, reseller, draft(api, reseller, customer(api, reseller), bundle(api)["code"], quantity=2)
    )
    assert active["commission"] == eur("200.00")  # 100.00 x 2


def test_r_wa_7_extension_stops_at_36_months_and_at_the_warranty_limit(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller = onboard()
    short = activate(
        api, reseller, draft(api, reseller, customer(api, reseller), bundle(api)["code"], term_months=24)
    )
    path = f"/v1/waas/contracts/{short['id']}/extend"
    problem = api.call("POST", path, reseller.key, json={"months": 13})
    assert_problem(problem, 409, "extension-limit")
    assert "36 months" in problem.json()["detail"]
    # the partner proposes (202), nothing changes until the end customer accepts
    proposed = api.call("POST", path, reseller.key, json={"months": 12})
    assert proposed.status_code == 202, proposed.text
    assert (proposed.json()["months"], proposed.json()["status"]) == (12, "proposed")
    assert api.call("GET", f"/v1/waas/contracts/{short['id']}", reseller.key).json()["term_months"] == 24
    accept = f"/v1/waas/contracts/{short['id']}/extensions/{proposed.json()['id']}/accept"
    assert_problem(api.call("POST", accept, reseller.key), 403)  # only the end customer (or staff)
    extended = api.call("POST", accept, customer_key(api, reseller, short["customer_id"]))
    assert extended.status_code == 200 and extended.json()["term_months"] == 36
    [record] = extended.json()["extensions"]
    assert record["status"] == "accepted" and record["accepted_by"].startswith("customer:")
    assert record["accepted_at"] is not None and record["proposed_by"].startswith("reseller:")
    commissions = api.call("GET", "/v1/waas/commissions", reseller.key).json()["data"]
    # 12 months over the original 24 earn half the commission once
    assert sorted((c["reason"], c["amount"]["amount"]) for c in commissions) == [
        ("new", "100.00"),
        ("renewal", "50.00"),
    ]
    assert_problem(api.call("POST", accept, customer_key(api, reseller, short["customer_id"])), 409)

    # a manufacturer that warrants 1 year + 1 year of extension: 24 months at most
    limited = bundle(api, warranty_years=1, max_warranty_extension_years=1)
    contract = activate(
        api, reseller, draft(api, reseller, customer(api, reseller), limited["code"], term_months=12)
    )
    problem = api.call(
        "POST", f"/v1/waas/contracts/{contract['id']}/extend", reseller.key, json={"months": 13}
    )
    assert_problem(problem, 409, "extension-limit")
    assert "warranty (24 months)" in problem.json()["detail"]
    assert api.call("GET", f"/v1/waas/contracts/{contract['id']}", reseller.key).json()["term_months"] == 12


def test_r_wa_11_bad_input_is_refused_and_writes_nothing(api: Api, onboard: Callable[..., Reseller]) -> None:
    reseller, other = onboard(), onboard()
    offer = bundle(api)
    mine = customer(api, reseller)
    base = {"customer_id": mine, "bundle": offer["code"], "term_months": 36, "delivery": "partner"}
    for body, status in (
        ({**base, "term_months": 18}, 422),
        ({**base, "bundle": "NO-SUCH"}, 422),
        ({**base, "options": ["INSTALLATION-SERVICE"]}, 422),  # partner services are not leased
        ({**base, "customer_id": customer(api, other)}, 422),
        ({**base, "delivery": "drone"}, 422),
        ({**base, "quantity": 0}, 422),
    ):
        assert_problem(api.call("POST", "/v1/waas/contracts", reseller.key, json=body), status)
    assert api.call("GET", "/v1/waas/contracts", reseller.key).json()["data"] == []
    assert_problem(
        api.admin("POST", "/v1/waas/bundles", json={**_bundle_body(), "manufacturer": "NoName"}),
        422,
        "manufacturer-not-preselected",
    )


def _bundle_body() -> dict[str, Any]:
    return {
        "code": f"X-{uuid.uuid4().hex[:6]}",
        "name": "x",
        "manufacturer": "Dell",
        "hardware_model": "x",
        "monthly_price": eur("10.00"),
        "commission": eur("1.00"),
    }


def test_waas_tenant_isolation_and_the_customer_sees_no_commission(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller, other = onboard(), onboard()
    customer_id = customer(api, reseller)
    active = activate(
        api, reseller, draft(api, reseller, customer_id, bundle(api)["code"], options=["O365-PREMIUM"])
    )
    path = f"/v1/waas/contracts/{active['id']}"
    assert_problem(api.call("GET", path, other.key), 404)
    assert_problem(api.call("POST", f"{path}/terminate", other.key, json={}), 404)
    assert api.call("GET", "/v1/waas/contracts", other.key).json()["data"] == []
    ckey = api.call(
        "POST", f"/v1/customers/{customer_id}/api-keys", reseller.key, json={"name": "portal"}
    ).json()["key"]
    seen = api.call("GET", path, ckey).json()
    assert seen["monthly_total"] == eur("71.50") and seen["commission"] is None
    assert all("commission" not in o for o in seen["options"])
    assert all(b["commission"] is None for b in api.call("GET", "/v1/waas/bundles", ckey).json())


def test_r_on_6_a_lease_does_not_use_the_partners_credit_line(
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
        what="established",
    )
    # 50 units x 59.00 x 36 months = 106,200.00 leased: far beyond any credit limit
    activate(api, reseller, draft(api, reseller, customer(api, reseller), bundle(api)["code"], quantity=50))
    order = api.call("POST", "/v1/orders", reseller.key, json=api.order_body(api.ensure_sku()["sku"]))
    assert order.status_code == 201 and order.json()["payment_requirement"] == "on_account"


def test_r_wa_9_sell_out_per_manufacturer_and_month_in_json_and_csv(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller = onboard(country="BE")
    manufacturer = "HP"
    offer = bundle(api, manufacturer=manufacturer)
    active = activate(
        api,
        reseller,
        draft(api, reseller, customer(api, reseller), offer["code"], quantity=4, customer_country="FR"),
    )
    period = active["start_date"][:7]
    params = {"manufacturer": manufacturer, "period": period}

    def reported() -> list[dict[str, Any]]:
        report = api.admin("GET", "/v1/reports/sell-out", params=params).json()
        return [r for r in report["rows"] if r["contract_id"] == active["id"]]

    # the reports service answers it from leasing's contract events
    [row] = wait_until(reported, what="the activated contract to reach the sell-out report")
    assert (row["units"], row["partner_country"], row["customer_country"]) == (4, "BE", "FR")
    assert (row["bundle"], row["leased_on"], row["partner_id"]) == (
        offer["code"],
        active["start_date"],
        reseller.id,
    )
    as_csv = api.admin("GET", "/v1/reports/sell-out", params=params, headers={"Accept": "text/csv"})
    assert as_csv.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(as_csv.text)))
    assert any(r["contract_id"] == active["id"] and r["units"] == "4" for r in rows)
    assert_problem(api.call("GET", "/v1/reports/sell-out", reseller.key, params=params), 403)
    assert_problem(
        api.admin("GET", "/v1/reports/sell-out", params={"manufacturer": "HP", "period": "2026-13"}), 422
    )
    # the monthly job (the reports service's) freezes last month's report once
    first_of_next = (date.fromisoformat(f"{period}-28") + timedelta(days=4)).replace(day=1)
    for _ in range(2):
        run = api.admin("POST", "/v1/reports/jobs/sell-out-reports/run", json={"as_of": str(first_of_next)})
        assert run.status_code == 200, run.text
    gone = api.admin("POST", "/v1/leasing/jobs/sell-out-reports/run", json={"as_of": str(first_of_next)})
    assert gone.status_code == 422  # leasing has no such job any more
    frozen = api.admin("GET", "/v1/reports/sell-out", params=params).json()
    assert frozen["frozen"] is True and any(r["contract_id"] == active["id"] for r in frozen["rows"])


def test_r_wa_10_hardware_outside_the_offer_is_accepted_into_the_catalog_or_declined(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller = onboard()
    customer_id = customer(api, reseller)
    ask = api.call(
        "POST",
        "/v1/waas/hardware-requests",
        reseller.key,
        json={"customer_id": customer_id, "description": "Surface Studio", "quantity": 2},
    )
    assert ask.status_code == 201 and ask.json()["status"] == "pending"
    declined = api.call(
        "POST",
        "/v1/waas/hardware-requests",
        reseller.key,
        json={"customer_id": customer_id, "description": "Gaming rig", "quantity": 1},
    ).json()
    assert_problem(
        api.admin(
            "POST", f"/v1/waas/hardware-requests/{declined['id']}/decision", json={"decision": "declined"}
        ),
        422,
    )
    no = api.admin(
        "POST",
        f"/v1/waas/hardware-requests/{declined['id']}/decision",
        json={"decision": "declined", "reason": "not business hardware"},
    )
    assert no.json()["status"] == "declined" and no.json()["reason"] == "not business hardware"
    code = f"SURFACE-{uuid.uuid4().hex[:6]}"
    yes = api.admin(
        "POST",
        f"/v1/waas/hardware-requests/{ask.json()['id']}/decision",
        json={
            "decision": "accepted",
            "bundle": {
                **_bundle_body(),
                "code": code,
                "manufacturer": "Microsoft",
                "hardware_model": "Surface Studio",
            },
        },
    )
    assert yes.status_code == 200, yes.text
    assert yes.json()["bundle_code"] == code
    assert (
        api.call("GET", f"/v1/waas/bundles/{code}", reseller.key).json()["hardware_model"] == "Surface Studio"
    )


def test_r_bi_6_r_wa_6_billing_invoices_the_schedule_and_the_termination_the_rest_to_the_end_customer(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller = onboard()
    customer_id = customer(api, reseller)
    email = f"ap-{uuid.uuid4().hex[:8]}@lessee.example"
    active = activate(
        api, reseller, draft(api, reseller, customer_id, bundle(api)["code"], quantity=2, billing_email=email)
    )
    schedule = api.call("GET", f"/v1/waas/contracts/{active['id']}/schedule", reseller.key).json()["data"]
    first = schedule[0]

    def waas_invoices() -> list[dict[str, Any]]:
        page = api.admin("GET", "/v1/invoices", params={"limit": 200}).json()["data"]
        return [i for i in page if i["contract_id"] == active["id"]]

    def invoiced() -> list[dict[str, Any]]:  # the contract travels from leasing; the job is idempotent
        run = api.admin("POST", "/v1/billing/jobs/waas-invoicing/run", json={"as_of": first["due_date"]})
        assert run.status_code == 200, run.text
        return waas_invoices()

    wait_until(invoiced, what="the first instalment's invoice")
    invoices = invoiced()  # however often it runs: one invoice per instalment
    assert len(invoices) == 1
    [monthly] = invoices
    assert monthly["kind"] == "waas" and monthly["period"] == first["period_start"][:7]
    assert monthly["customer_id"] == customer_id and monthly["bill_to"]["name"] == "Lessee BV"
    # 2 x 59.00 = 118.00 + 21 % NL VAT 24.78 = 142.78
    assert (monthly["net"], monthly["tax"], monthly["total"]) == (eur("118.00"), eur("24.78"), eur("142.78"))
    # the partner does not see it, the end customer's key does (it is the debtor)
    assert api.call("GET", f"/v1/invoices/{monthly['id']}", reseller.key).status_code == 404
    ckey = customer_key(api, reseller, customer_id)
    assert [i["id"] for i in api.call("GET", "/v1/invoices", ckey).json()["data"]] == [monthly["id"]]
    assert api.call("GET", f"/v1/invoices/{monthly['id']}/pdf", ckey).status_code == 200
    # leasing learns that instalment 1 is invoiced (billing ran ahead of its due date)
    wait_until(
        lambda: api.call("GET", f"/v1/waas/contracts/{active['id']}/schedule", reseller.key).json()["data"][
            0
        ]["invoiced"],
        what="leasing to learn the invoiced instalment",
    )

    terminated = api.call("POST", f"/v1/waas/contracts/{active['id']}/terminate", reseller.key, json={})
    assert terminated.status_code == 200, terminated.text
    # R-WA-6: the 35 instalments not invoiced: 35 x 118.00 = 4130.00
    assert terminated.json()["fee"] == eur("4130.00") and terminated.json()["months_remaining"] == 35
    fee = wait_until(
        lambda: [i for i in waas_invoices() if i["period"] == "termination"], what="the fee's invoice"
    )
    assert fee[0]["net"] == eur("4130.00") and fee[0]["total"] == eur("4997.30")  # + 21 % 867.30
    assert sum(Decimal(i["net"]["amount"]) for i in waas_invoices()) == Decimal("118.00") * 36
    # nothing more falls due after the termination
    later = api.admin("POST", "/v1/billing/jobs/waas-invoicing/run", json={"as_of": schedule[1]["due_date"]})
    assert later.status_code == 200 and len(waas_invoices()) == 2
    # both invoices are mailed to the end customer's billing contact, with the PDF
    mails = wait_until(
        lambda: found if len(found := api.mails_to(email)) >= 2 else None,
        what="the WaaS invoices mailed to the end customer",
    )
    assert all("Workplace as a Service invoice" in m["subject"] for m in mails)
    numbers = {i["number"] for i in waas_invoices()}
    assert {a["filename"] for m in mails for a in m["attachments"]} == {f"invoice-{n}.pdf" for n in numbers}
    run = api.admin(
        "POST", "/v1/billing/jobs/dunning/run", json={"as_of": str(date.today() + timedelta(days=400))}
    )
    assert run.status_code == 200
    assert api.admin("GET", f"/v1/resellers/{reseller.id}").json()["standing"] != "prepay_required"


def test_r_bi_7_commissions_are_paid_out_on_the_partners_monthly_statement(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller = onboard()
    offer = bundle(api)
    activate(
        api, reseller, draft(api, reseller, customer(api, reseller), offer["code"], options=["O365-PREMIUM"])
    )
    second = activate(api, reseller, draft(api, reseller, customer(api, reseller), offer["code"]))
    start = date.fromisoformat(second["start_date"])
    first_of_next = (start.replace(day=28) + timedelta(days=4)).replace(day=1)

    def unpaid() -> bool:
        path = f"/v1/resellers/{reseller.id}/commissions"
        return len(api.call("GET", path, reseller.key, params={"paid": "false"}).json()) == 2

    wait_until(unpaid, what="billing to learn both commissions from leasing")

    def statements() -> list[dict[str, Any]]:
        api.admin("POST", "/v1/billing/jobs/commission-statements/run", json={"as_of": str(first_of_next)})
        return list(
            api.call("GET", f"/v1/resellers/{reseller.id}/commission-statements", reseller.key).json()
        )

    [statement] = statements()
    assert statement["month"] == start.strftime("%Y-%m")
    assert statement["total"] == eur("225.00")  # 125.00 with the upgrade + 100.00 without
    assert sorted(line["amount"]["amount"] for line in statement["lines"]) == ["100.00", "125.00"]
    assert len(statements()) == 1  # once per month
    paid = api.call(
        "GET", f"/v1/resellers/{reseller.id}/commissions", reseller.key, params={"paid": "true"}
    ).json()
    assert {c["statement_id"] for c in paid} == {statement["id"]}


def test_r_li_5_an_active_contract_gets_its_office_365_licenses(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller = onboard()
    customer_id = customer(api, reseller)
    active = activate(
        api,
        reseller,
        draft(api, reseller, customer_id, bundle(api)["code"], options=["O365-PREMIUM"], quantity=3),
    )

    def license_of() -> dict[str, Any] | None:
        page = api.call("GET", "/v1/licenses", reseller.key, params={"customer_id": customer_id}).json()[
            "data"
        ]
        return next((lic for lic in page if lic["contract_id"] == active["id"]), None)

    lic = wait_until(license_of, what="the contract's Office 365 licenses")
    assert (lic["kind"], lic["sku"], lic["seats"]) == ("waas", "O365-BUSINESS-PREMIUM", 3)
    assert (lic["valid_from"], lic["valid_until"]) == (active["start_date"], active["end_date"])
