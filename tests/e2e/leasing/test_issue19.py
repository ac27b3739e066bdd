"""WaaS against the partner (issue 19): the termination's date is the platform's, extensions are the
end customer's, the end customer is billed (VAT by its country and VAT id), reminded and mailed, and
partner webhooks never carry the distributor's invoices."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest

from libs.testing.api import Api, Reseller, assert_problem, wait_until
from tests.e2e.leasing.conftest import activate, bundle, customer, customer_key, draft, eur
from tests.e2e.notifications.conftest import Receiver, receiver  # noqa: F401  (the fixture)


def _terminate(api: Api, key: str, contract_id: str, **body: Any) -> Any:
    return api.call("POST", f"/v1/waas/contracts/{contract_id}/terminate", key, json=body)


def test_r_wa_6_a_partners_far_future_or_past_as_of_is_refused(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller = onboard()
    active = activate(api, reseller, draft(api, reseller, customer(api, reseller), bundle(api)["code"]))
    start = date.fromisoformat(active["start_date"])
    for as_of in ("2099-12-31", str(start - timedelta(days=400)), str(start - timedelta(days=1))):
        assert_problem(
            _terminate(api, reseller.key, active["id"], as_of=as_of), 422, "termination-date-not-allowed"
        )
    # staff: never after today, and another date only with a reason
    assert_problem(
        api.admin(
            "POST",
            f"/v1/waas/contracts/{active['id']}/terminate",
            json={"as_of": "2099-12-31", "reason": "x"},
        ),
        422,
        "termination-date-not-allowed",
    )
    assert_problem(
        api.admin(
            "POST",
            f"/v1/waas/contracts/{active['id']}/terminate",
            json={"as_of": str(start - timedelta(days=1))},
        ),
        422,
        "termination-date-not-allowed",
    )
    assert api.call("GET", f"/v1/waas/contracts/{active['id']}", reseller.key).json()["status"] == "active"
    # today (the platform's date): every instalment not invoiced today is the fee
    done = _terminate(api, reseller.key, active["id"])
    assert done.status_code == 200, done.text
    schedule = api.call("GET", f"/v1/waas/contracts/{active['id']}/schedule", reseller.key).json()["data"]
    open_ = [i for i in schedule if not i["invoiced"]]
    assert done.json()["fee"] == eur(str(sum(Decimal(i["amount"]["amount"]) for i in open_)))
    assert done.json()["months_remaining"] == len(open_)
    assert len(schedule) == 36 and all(i["amount"] == eur("59.00") for i in schedule)
    invoiced = sum(Decimal(i["amount"]["amount"]) for i in schedule if i["invoiced"])
    assert invoiced + Decimal(done.json()["fee"]["amount"]) == Decimal("59.00") * 36
    termination = done.json()["contract"]["termination"]
    assert termination["effective"] == str(date.today()) and termination["recorded_by"].startswith(
        "reseller:"
    )


def test_r_wa_6_staff_record_an_earlier_effective_date_with_a_reason(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller = onboard()
    active = activate(api, reseller, draft(api, reseller, customer(api, reseller), bundle(api)["code"]))
    done = api.admin(
        "POST",
        f"/v1/waas/contracts/{active['id']}/terminate",
        json={"as_of": active["start_date"], "reason": "notice received by letter"},
    )
    assert done.status_code == 200, done.text
    record = done.json()["contract"]["termination"]
    assert (record["effective"], record["reason"]) == (active["start_date"], "notice received by letter")
    assert record["recorded_by"].startswith("staff:")


def test_r_wa_6_the_schedule_follows_the_contract(api: Api, onboard: Callable[..., Reseller]) -> None:
    reseller = onboard()
    active = activate(
        api,
        reseller,
        draft(
            api,
            reseller,
            customer(api, reseller),
            bundle(api)["code"],
            options=["O365-PREMIUM"],
            term_months=12,
        ),
    )
    schedule = api.call("GET", f"/v1/waas/contracts/{active['id']}/schedule", reseller.key).json()["data"]
    assert [i["n"] for i in schedule] == list(range(1, 13))
    assert (
        schedule[0]["period_start"] == active["start_date"]
        and schedule[-1]["period_end"] == active["end_date"]
    )
    assert all(i["amount"] == eur("71.50") for i in schedule)  # options included
    for i in schedule:
        assert date.fromisoformat(i["due_date"]).day == 1
        assert i["period_start"] <= i["due_date"] <= i["period_end"]


def test_r_wa_4_r_wa_7_24_one_month_extensions_earn_two_commissions_in_total(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller = onboard()
    customer_id = customer(api, reseller)
    active = activate(api, reseller, draft(api, reseller, customer_id, bundle(api)["code"], term_months=12))
    ckey = customer_key(api, reseller, customer_id)
    path = f"/v1/waas/contracts/{active['id']}/extend"
    for k in range(24):
        extended = api.call("POST", path, ckey, json={"months": 1})  # the end customer: applies at once
        assert extended.status_code == 200, extended.text
        assert extended.json()["term_months"] == 13 + k
    assert_problem(api.call("POST", path, ckey, json={"months": 1}), 409, "extension-limit")
    commissions = api.call("GET", "/v1/waas/commissions", reseller.key, params={"limit": 100}).json()["data"]
    renewals = [Decimal(c["amount"]["amount"]) for c in commissions if c["reason"] == "renewal"]
    # 100.00 x 1/12 each, rounded cumulatively: 8.33, 8.34, 8.33, … — 200.00 together (never 24 x 100.00)
    assert len(renewals) == 24 and sum(renewals) == Decimal("200.00")
    assert sorted(set(renewals)) == [Decimal("8.33"), Decimal("8.34")]
    schedule = api.call("GET", f"/v1/waas/contracts/{active['id']}/schedule", ckey).json()["data"]
    assert len(schedule) == 36


def test_r_wa_7_staff_record_the_customers_agreement(api: Api, onboard: Callable[..., Reseller]) -> None:
    reseller = onboard()
    active = activate(
        api, reseller, draft(api, reseller, customer(api, reseller), bundle(api)["code"], term_months=24)
    )
    proposed = api.call(
        "POST", f"/v1/waas/contracts/{active['id']}/extend", reseller.key, json={"months": 12}
    )
    assert proposed.status_code == 202
    accepted = api.admin(
        "POST", f"/v1/waas/contracts/{active['id']}/extensions/{proposed.json()['id']}/accept"
    )
    assert accepted.status_code == 200 and accepted.json()["term_months"] == 36
    assert accepted.json()["extensions"][0]["accepted_by"].startswith("staff:")


def test_r_wa_8_the_pick_up_fee_is_invoiced_and_mailed_to_the_end_customer(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller = onboard()
    customer_id = customer(api, reseller)
    email = f"ap-{uuid.uuid4().hex[:8]}@lessee.example"
    active = activate(
        api, reseller, draft(api, reseller, customer_id, bundle(api)["code"], billing_email=email)
    )
    assert _terminate(api, reseller.key, active["id"]).status_code == 200
    returned = api.call(
        "POST",
        f"/v1/waas/contracts/{active['id']}/return",
        reseller.key,
        json={"method": "pickup", "wipe_certificate_id": "C-9", "wiping_company": "WipeIT BV"},
    )
    assert returned.status_code == 200, returned.text

    def pickup() -> dict[str, Any] | None:
        page = api.admin("GET", "/v1/invoices", params={"limit": 200}).json()["data"]
        return next((i for i in page if i["contract_id"] == active["id"] and i["period"] == "pickup"), None)

    invoice = wait_until(pickup, what="the pick-up fee's invoice")
    assert invoice["customer_id"] == customer_id and invoice["bill_to"]["email"] == email
    assert (invoice["net"], invoice["tax"], invoice["total"]) == (eur("49.00"), eur("10.29"), eur("59.29"))
    mail = wait_until(
        lambda: next(
            (
                m
                for m in api.mails_to(email)
                if any(a["filename"] == f"invoice-{invoice['number']}.pdf" for a in m["attachments"])
            ),
            None,
        ),
        what="the pick-up invoice mailed to the end customer",
    )
    body = api.admin("GET", f"/v1/outbound-mail/{mail['id']}").json()
    assert "Secure pick-up" in body["text"] and "49.00" not in mail["subject"]


def _subscribe(api: Api, reseller: Reseller, url: str, types: list[str]) -> dict[str, Any]:
    response = api.call(
        "POST", "/v1/webhook-endpoints", reseller.key, json={"url": url, "event_types": types}
    )
    assert response.status_code == 201, response.text
    return response.json()


def test_r_bi_6_a_waas_reminder_reaches_the_end_customer_and_no_partner_webhook_carries_it(
    api: Api,
    onboard: Callable[..., Reseller],
    receiver: Receiver,  # noqa: F811
) -> None:
    reseller = onboard()
    _subscribe(
        api,
        reseller,
        receiver.url,
        [
            "leasing.contract.activated.v1",
            "billing.invoice.issued.v1",
            "billing.invoice.overdue.v1",
            "billing.invoice.reminder_due.v1",
        ],
    )
    email = f"ap-{uuid.uuid4().hex[:8]}@lessee.example"
    active = activate(
        api, reseller, draft(api, reseller, customer(api, reseller), bundle(api)["code"], billing_email=email)
    )
    first = api.call("GET", f"/v1/waas/contracts/{active['id']}/schedule", reseller.key).json()["data"][0]

    def invoice() -> dict[str, Any] | None:
        api.admin("POST", "/v1/billing/jobs/waas-invoicing/run", json={"as_of": first["due_date"]})
        page = api.admin("GET", "/v1/invoices", params={"limit": 200}).json()["data"]
        return next((i for i in page if i["contract_id"] == active["id"]), None)

    issued = wait_until(invoice, what="the first instalment's invoice")
    late = date.fromisoformat(issued["due_date"]) + timedelta(days=8)
    assert api.admin("POST", "/v1/billing/jobs/dunning/run", json={"as_of": str(late)}).status_code == 200
    reminder = wait_until(
        lambda: next((m for m in api.mails_to(email) if m["subject"].startswith("Payment reminder")), None),
        what="the reminder to the end customer",
    )
    assert issued["number"] in reminder["subject"]
    text = api.admin("GET", f"/v1/outbound-mail/{reminder['id']}").json()["text"]
    assert "Workplace as a Service" in text and "new orders must be prepaid" not in text

    def types_received() -> list[str]:
        with receiver.lock:
            return [json.loads(r.body)["type"] for r in receiver.received]

    # the partner's own event arrives; the distributor's invoice events to its customer never do
    wait_until(lambda: "leasing.contract.activated.v1" in types_received(), what="the contract's webhook")
    deliveries = api.call("GET", "/v1/webhook-endpoints", reseller.key).json()["data"][0]
    logged = api.call("GET", f"/v1/webhook-endpoints/{deliveries['id']}/deliveries", reseller.key).json()[
        "data"
    ]
    assert not [d for d in logged if d["event_type"].startswith("billing.invoice.")]
    assert not [t for t in types_received() if t.startswith("billing.invoice.")]


def test_r_bi_6_vat_follows_the_end_customer(api: Api, onboard: Callable[..., Reseller]) -> None:
    reseller = onboard()  # an NL partner; the vendor is in NL
    offer = bundle(api)
    cases = {
        "nl": ({"customer_country": "NL"}, ("eu_vat", "24.78")),  # domestic: NL 21 %
        "be-vat": (
            {"customer_country": "BE", "customer_vat_id": "BE0403170701"},
            ("eu_reverse_charge", "0.00"),
        ),
        "be": ({"customer_country": "BE"}, ("eu_vat", "24.78")),  # no VAT id: BE's 21 %
        "de": ({"customer_country": "DE"}, ("eu_vat", "22.42")),  # no VAT id: DE's 19 %
    }
    contracts = {
        name: activate(
            api, reseller, draft(api, reseller, customer(api, reseller), offer["code"], quantity=2, **body)
        )
        for name, (body, _) in cases.items()
    }
    assert_problem(
        api.call(
            "POST",
            "/v1/waas/contracts",
            reseller.key,
            json={
                "customer_id": customer(api, reseller),
                "bundle": offer["code"],
                "term_months": 12,
                "delivery": "customer",
                "customer_country": "BE",
                "customer_vat_id": "BE0403170702",
            },
        ),
        422,
        "invalid-vat-id",
    )
    due = max(
        api.call("GET", f"/v1/waas/contracts/{c['id']}/schedule", reseller.key).json()["data"][0]["due_date"]
        for c in contracts.values()
    )

    def invoices() -> dict[str, dict[str, Any]] | None:
        api.admin("POST", "/v1/billing/jobs/waas-invoicing/run", json={"as_of": due})
        page = api.admin("GET", "/v1/invoices", params={"limit": 200}).json()["data"]
        found = {
            name: next((i for i in page if i["contract_id"] == c["id"]), None)
            for name, c in contracts.items()
        }
        return found if all(found.values()) else None  # type: ignore[return-value]

    found = wait_until(invoices, what="the four first instalments")
    for name, (_, (regime, tax)) in cases.items():
        invoice = found[name]
        assert invoice["net"] == eur("118.00"), name
        assert (invoice["tax_regime"], invoice["tax"]) == (regime, eur(tax)), name
    assert "Reverse charge" in found["be-vat"]["tax_note"]
    assert found["be-vat"]["bill_to"]["vat_id"] == "BE0403170701"


def test_r_li_5_r_li_2_a_terminated_leases_license_file_stops_verifying(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    from channelhub_sdk.licenses import InvalidLicense, keys_from_document, verify

    reseller = onboard()
    customer_id = customer(api, reseller)
    active = activate(api, reseller, draft(api, reseller, customer_id, bundle(api)["code"]))

    def license_of() -> dict[str, Any] | None:
        page = api.call("GET", "/v1/licenses", reseller.key, params={"customer_id": customer_id}).json()[
            "data"
        ]
        return next((lic for lic in page if lic["contract_id"] == active["id"]), None)

    lic = wait_until(license_of, what="the contract's Office 365 licenses")
    document = api.call("GET", f"/v1/licenses/{lic['id']}/file", reseller.key).json()
    keys = keys_from_document(api.call("GET", "/v1/license-signing-keys").json())
    payload = verify(document, keys, on=date.today())
    # the file is valid a month at most, not until the lease's end in three years
    assert payload["valid_until"] == active["end_date"]
    assert date.fromisoformat(payload["valid_before"]) <= date.today() + timedelta(days=31)
    assert _terminate(api, reseller.key, active["id"]).status_code == 200
    wait_until(
        lambda: api.call("GET", f"/v1/licenses/{lic['id']}", reseller.key).json()["status"] == "revoked",
        what="the lease's license to be revoked",
    )
    assert_problem(api.call("GET", f"/v1/licenses/{lic['id']}/file", reseller.key), 410, "license-not-active")
    with pytest.raises(InvalidLicense):
        verify(document, keys, on=date.fromisoformat(payload["valid_before"]))


def test_r_bi_6_r_wa_6_a_missed_run_skips_no_instalment(api: Api, onboard: Callable[..., Reseller]) -> None:
    """Activated after a month's run (or a run that did not happen): the next run invoices every
    instalment due by then, the first one included — never skipped."""
    reseller = onboard()
    active = activate(api, reseller, draft(api, reseller, customer(api, reseller), bundle(api)["code"]))
    schedule = api.call("GET", f"/v1/waas/contracts/{active['id']}/schedule", reseller.key).json()["data"]

    def invoiced() -> list[dict[str, Any]] | None:
        run = api.admin(
            "POST", "/v1/billing/jobs/waas-invoicing/run", json={"as_of": schedule[1]["due_date"]}
        )
        assert run.status_code == 200, run.text
        page = api.admin("GET", "/v1/invoices", params={"limit": 200}).json()["data"]
        mine = [i for i in page if i["contract_id"] == active["id"]]
        return mine if len(mine) >= 2 else None

    invoices = wait_until(invoiced, what="both instalments due by the second run")
    assert sorted(i["period"] for i in invoices) == [
        schedule[0]["period_start"][:7],
        schedule[1]["period_start"][:7],
    ]
    assert all(i["net"] == eur("59.00") for i in invoices)
