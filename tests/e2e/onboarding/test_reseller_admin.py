"""Tax profile and exemption certificates (R-ON-4/5), standing and programs (R-ON-3), staff
changes to terms and status (R-ON-2/6)."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from libs.testing.api import Api, Reseller, assert_problem, wait_until
from tests.e2e.onboarding.conftest import OnboardingDb


def _us_reseller(api: Api, **kwargs: Any) -> Reseller:
    return api.onboard_reseller(country="US", state="CA", **kwargs)


def _cert(**overrides: Any) -> dict[str, Any]:
    today = date.today()
    return {
        "state": "CA",
        "number": f"SR-{uuid.uuid4().hex[:6]}",
        "valid_from": (today - timedelta(days=30)).isoformat(),
        "valid_until": (today + timedelta(days=365)).isoformat(),
        **overrides,
    }


def test_r_on_4_replacing_the_exemption_certificate_keeps_the_history(
    api: Api, onboarding_db: OnboardingDb
) -> None:
    reseller = _us_reseller(api, wait_for_ordering=False)
    path = f"/v1/resellers/{reseller.id}/tax-exemption-certificate"
    first = api.call("PUT", path, reseller.key, json=_cert(number="SR-1"))
    assert first.status_code == 200, first.text
    second = api.call("PUT", path, reseller.key, json=_cert(number="SR-2"))
    assert second.status_code == 200, second.text
    history = api.call("GET", f"/v1/resellers/{reseller.id}/tax-exemption-certificates", reseller.key).json()
    assert [(c["number"], c["replaced_at"] is None) for c in history] == [("SR-2", True), ("SR-1", False)]
    shown = api.call("GET", f"/v1/resellers/{reseller.id}", reseller.key).json()
    assert shown["exemption_certificate"]["number"] == "SR-2"
    event = onboarding_db.events_about(reseller.id)[-1]
    assert event["type"] == "onboarding.reseller.tax_profile_changed.v1"
    assert event["data"]["reseller"]["exemption_certificate"]["number"] == "SR-2"


def test_r_on_4_expired_certificate_no_longer_exempts(api: Api) -> None:
    reseller = _us_reseller(api)
    sku = api.ensure_sku()
    path = f"/v1/resellers/{reseller.id}/tax-exemption-certificate"
    body = api.order_body(sku["sku"], currency="USD")

    def order_tax(exempt: bool) -> dict[str, Any] | None:
        """The tax of a new order once ordering has the expected certificate (it learns it, and
        the reseller's activation, from onboarding's events)."""
        response = api.call("POST", "/v1/orders", reseller.key, json=body)
        if response.status_code != 201:
            assert response.json()["code"] == "reseller-cannot-order", response.text
            return None
        tax = response.json()["tax"]
        return tax if (Decimal(tax["rate"]) == 0) == exempt else None

    assert api.call("PUT", path, reseller.key, json=_cert(number="SR-VALID")).status_code == 200
    exempt = wait_until(lambda: order_tax(exempt=True), what="ordering to apply the certificate")
    assert exempt["regime"] == "us_sales_tax" and "SR-VALID" in exempt["note"]

    yesterday = date.today() - timedelta(days=1)
    expired = _cert(
        number="SR-OLD",
        valid_from=(yesterday - timedelta(days=365)).isoformat(),
        valid_until=yesterday.isoformat(),
    )
    assert api.call("PUT", path, reseller.key, json=expired).status_code == 200
    taxed = wait_until(lambda: order_tax(exempt=False), what="ordering to learn the expired certificate")
    assert taxed["regime"] == "us_sales_tax" and Decimal(taxed["rate"]) > 0 and not taxed["note"]


def test_r_on_4_certificate_rules_and_nothing_written_on_refusal(api: Api) -> None:
    us = _us_reseller(api, wait_for_ordering=False)
    nl = api.onboard_reseller(wait_for_ordering=False)
    path = f"/v1/resellers/{us.id}/tax-exemption-certificate"
    today = date.today().isoformat()
    for body, code in (
        (_cert(state="NY"), "validation-error"),  # not the reseller's own state
        (_cert(state="XX"), "validation-error"),
        (_cert(valid_from=today, valid_until="2020-01-01"), "validation-error"),
        (_cert(number=""), "validation-error"),
        (_cert(number="n" * 65), "validation-error"),
        (_cert(valid_from="yesterday"), "validation-error"),
        ({"state": "CA", "number": "SR-1"}, "validation-error"),
    ):
        assert_problem(api.call("PUT", path, us.key, json=body), 422, code)
    assert api.call("GET", f"/v1/resellers/{us.id}/tax-exemption-certificates", us.key).json() == []
    non_us = api.call("PUT", f"/v1/resellers/{nl.id}/tax-exemption-certificate", nl.key, json=_cert())
    assert_problem(non_us, 422, "exemption-certificate-not-applicable")


def test_r_on_4_certificates_are_isolated_between_resellers(api: Api) -> None:
    a = _us_reseller(api, wait_for_ordering=False)
    b = _us_reseller(api, wait_for_ordering=False)
    assert (
        api.call("PUT", f"/v1/resellers/{a.id}/tax-exemption-certificate", a.key, json=_cert()).status_code
        == 200
    )
    assert_problem(
        api.call("PUT", f"/v1/resellers/{a.id}/tax-exemption-certificate", b.key, json=_cert()), 404
    )
    assert_problem(api.call("GET", f"/v1/resellers/{a.id}/tax-exemption-certificates", b.key), 404)
    assert_problem(api.call("PATCH", f"/v1/resellers/{a.id}/tax-profile", b.key, json={"state": "NY"}), 404)
    assert len(api.call("GET", f"/v1/resellers/{a.id}/tax-exemption-certificates", a.key).json()) == 1
    assert len(api.admin("GET", f"/v1/resellers/{a.id}/tax-exemption-certificates").json()) == 1


def test_r_on_5_tax_profile_checks_the_vat_id(api: Api, onboarding_db: OnboardingDb) -> None:
    reseller = api.onboard_reseller(country="DE", wait_for_ordering=False)
    changes = f"/v1/resellers/{reseller.id}/tax-profile-changes"
    before = api.call("GET", f"/v1/resellers/{reseller.id}", reseller.key).json()
    for body in (
        {"vat_id": "DE136695977"},  # check digit off by one
        {"vat_id": "NL004495445B01"},  # another country's VAT id
        {"vat_id": "DE12"},
        {"country": "XX"},
        {"country": "US"},  # a US reseller needs its state
        {"country": "US", "state": "ZZ"},
        {"state": "CA"},  # a German reseller has no state
        {"country": None},
        {"vat_id": 12345},
    ):
        assert_problem(api.call("POST", changes, reseller.key, json=body), 422, "validation-error")
    assert api.call("GET", f"/v1/resellers/{reseller.id}", reseller.key).json() == before
    assert api.call("GET", changes, reseller.key).json() == []

    requested = api.call("POST", changes, reseller.key, json={"vat_id": "de 136.695.976"})
    assert requested.status_code == 201, requested.text
    change = requested.json()
    assert (change["status"], change["vat_id"], change["country"]) == ("pending", "DE136695976", "DE")
    approved = api.admin("POST", f"{changes}/{change['id']}/approve")
    assert approved.status_code == 200, approved.text
    shown = api.call("GET", f"/v1/resellers/{reseller.id}", reseller.key).json()
    assert shown["vat_id"] == "DE136695976" and shown["vat_id_valid"] is True
    event = onboarding_db.events_about(reseller.id)[-1]
    assert event["type"] == "onboarding.reseller.tax_profile_changed.v1"
    assert event["data"]["reseller"]["vat_id"] == "DE136695976"

    # staff may correct a profile directly
    path = f"/v1/resellers/{reseller.id}/tax-profile"
    moved = api.admin("PATCH", path, json={"country": "US", "state": "TX", "vat_id": None})
    assert moved.status_code == 200, moved.text
    m = moved.json()
    assert (m["country"], m["state"], m["vat_id"], m["vat_id_valid"]) == ("US", "TX", None, False)

    user_key = api.call(
        "POST",
        f"/v1/resellers/{reseller.id}/api-keys",
        reseller.key,
        json={"role": "reseller_user", "name": "u"},
    ).json()["key"]
    assert_problem(api.call("POST", changes, user_key, json={"state": "CA"}), 403)


def test_r_on_5_a_reseller_cannot_switch_its_own_tax_profile_without_review(
    api: Api, onboarding_db: OnboardingDb
) -> None:
    """Issue 8 item 18: a German reseller without a VAT id pays German VAT; giving itself a VAT id
    (reverse charge) or moving country waits for staff, and every change names who made it."""
    reseller = api.onboard_reseller(country="DE", wait_for_ordering=False)
    profile = f"/v1/resellers/{reseller.id}/tax-profile"
    changes = f"/v1/resellers/{reseller.id}/tax-profile-changes"
    before = api.call("GET", f"/v1/resellers/{reseller.id}", reseller.key).json()

    assert_problem(
        api.call("PATCH", profile, reseller.key, json={"vat_id": "DE136695976"}),
        403,
        "tax-profile-change-needs-review",
    )
    first = api.call("POST", changes, reseller.key, json={"vat_id": "DE136695976"}).json()
    second = api.call("POST", changes, reseller.key, json={"country": "AT", "vat_id": None}).json()
    assert api.call("GET", f"/v1/resellers/{reseller.id}", reseller.key).json() == before  # nothing applied

    listed = api.call("GET", changes, reseller.key).json()
    assert [(c["id"], c["status"]) for c in listed] == [(second["id"], "pending"), (first["id"], "withdrawn")]
    assert_problem(api.call("POST", f"{changes}/{second['id']}/approve", reseller.key), 403)
    assert_problem(api.admin("POST", f"{changes}/{first['id']}/approve"), 409, "tax-profile-change-decided")

    rejected = api.admin("POST", f"{changes}/{second['id']}/reject", json={"reason": "no Austrian address"})
    assert rejected.status_code == 200, rejected.text
    assert rejected.json()["status"] == "rejected" and rejected.json()["decided_by"].startswith("staff:")
    assert api.call("GET", f"/v1/resellers/{reseller.id}", reseller.key).json() == before

    third = api.call("POST", changes, reseller.key, json={"vat_id": "DE136695976"}).json()
    assert api.admin("POST", f"{changes}/{third['id']}/approve").status_code == 200
    event = onboarding_db.events_about(reseller.id)[-1]
    assert event["type"] == "onboarding.reseller.tax_profile_changed.v1"
    assert event["data"]["changed_by"].startswith("staff:")
    assert event["data"]["change_request_id"] == third["id"]
    types = [e["type"] for e in onboarding_db.events_about(reseller.id)]
    assert types.count("onboarding.reseller.tax_profile_change_requested.v1") == 3
    assert "onboarding.reseller.tax_profile_change_rejected.v1" in types

    other = api.onboard_reseller(country="DE", wait_for_ordering=False)
    assert_problem(api.call("GET", changes, other.key), 404)
    assert_problem(api.call("POST", changes, other.key, json={"vat_id": "DE136695976"}), 404)
    assert_problem(
        api.admin("POST", f"/v1/resellers/{other.id}/tax-profile-changes/{third['id']}/approve"), 404
    )


def test_r_on_3_standing_follows_the_payment_facts(api: Api, onboarding_db: OnboardingDb) -> None:
    reseller = api.onboard_reseller(wait_for_ordering=False)
    path = f"/v1/resellers/{reseller.id}/payment-facts"
    r = api.admin("POST", path, json={"paid_orders_delta": 2}).json()
    assert (r["paid_orders"], r["standing"]) == (2, "new")
    r = api.admin("POST", path, json={"paid_orders_delta": 1}).json()
    assert (r["paid_orders"], r["standing"]) == (3, "established")
    r = api.admin("POST", path, json={"has_overdue": True}).json()
    assert r["standing"] == "prepay_required" and r["has_overdue"] is True
    r = api.admin("POST", path, json={"has_overdue": False}).json()
    assert r["standing"] == "established"
    changes = [
        (e["data"]["previous"], e["data"]["reseller"]["standing"])
        for e in onboarding_db.events_about(reseller.id)
        if e["type"] == "onboarding.reseller.standing_changed.v1"
    ]
    assert changes == [
        ("new", "established"),
        ("established", "prepay_required"),
        ("prepay_required", "established"),
    ]

    assert_problem(api.admin("POST", path, json={"paid_orders_delta": -4}), 422, "validation-error")
    assert_problem(api.admin("POST", path, json={}), 422)
    assert_problem(api.admin("POST", path, json={"paid_orders_delta": "1"}), 422)
    assert_problem(api.call("POST", path, reseller.key, json={"paid_orders_delta": 1}), 403)
    assert api.call("GET", f"/v1/resellers/{reseller.id}", reseller.key).json()["paid_orders"] == 3

    headers = {"Idempotency-Key": str(uuid.uuid4())}
    once = api.admin("POST", path, json={"paid_orders_delta": 1}, headers=headers)
    twice = api.admin("POST", path, json={"paid_orders_delta": 1}, headers=headers)
    assert once.json() == twice.json() and twice.json()["paid_orders"] == 4


def test_r_on_3_the_prepaid_threshold_is_the_programs_number(api: Api) -> None:
    programs = api.admin("GET", "/v1/programs")
    assert programs.status_code == 200
    [standard] = [p for p in programs.json() if p["is_default"]]
    assert standard["prepaid_orders_required"] == 3 and standard["default_discount_percent"] == "10.00"
    assert standard["default_credit_limit"] == {"amount": "50000.00", "currency": standard["credit_currency"]}
    reseller = api.onboard_reseller(wait_for_ordering=False)
    assert_problem(api.call("GET", "/v1/programs", reseller.key), 403)
    assert_problem(
        api.call("PATCH", f"/v1/programs/{standard['id']}", reseller.key, json={"payment_terms_days": 1}), 403
    )
    api.admin("POST", f"/v1/resellers/{reseller.id}/payment-facts", json={"paid_orders_delta": 2})
    path = f"/v1/programs/{standard['id']}"
    try:
        changed = api.admin("PATCH", path, json={"prepaid_orders_required": 2})
        assert changed.status_code == 200 and changed.json()["prepaid_orders_required"] == 2
        assert (
            api.call("GET", f"/v1/resellers/{reseller.id}", reseller.key).json()["standing"] == "established"
        )
    finally:
        restored = api.admin("PATCH", path, json={"prepaid_orders_required": 3})
        assert restored.status_code == 200
    assert api.call("GET", f"/v1/resellers/{reseller.id}", reseller.key).json()["standing"] == "new"
    for body in (
        {"annual_interest_rate": "2"},
        {"annual_interest_rate": "0.08001"},
        {"default_credit_limit": "-5"},
        {"payment_terms_days": 0},
        {"prepaid_orders_required": None},
        {},
    ):
        assert_problem(api.admin("PATCH", path, json=body), 422)
    assert_problem(api.admin("PATCH", "/v1/programs/nope", json={"payment_terms_days": 10}), 404)
    assert api.admin("GET", "/v1/programs").json() == programs.json()


def test_r_on_6_staff_change_credit_limit_discount_and_status(api: Api, onboarding_db: OnboardingDb) -> None:
    reseller = api.onboard_reseller(wait_for_ordering=False)
    path = f"/v1/resellers/{reseller.id}"
    changed = api.admin("PATCH", path, json={"credit_limit": "75000.00", "discount_percent": "12.5"})
    assert changed.status_code == 200, changed.text
    # money on the wire is a money object, in the reseller's credit currency
    assert changed.json()["credit_limit"] == {"amount": "75000.00", "currency": "EUR"}
    assert changed.json()["discount_percent"] == "12.50"
    event = onboarding_db.events_about(reseller.id)[-1]
    assert event["type"] == "onboarding.reseller.updated.v1"
    assert Decimal(event["data"]["reseller"]["credit_limit"]) == Decimal("75000")
    assert api.call("GET", path, reseller.key).json() == changed.json()

    assert api.admin("PATCH", path, json={"status": "suspended"}).json()["status"] == "suspended"
    assert api.admin("PATCH", path, json={"status": "active"}).json()["status"] == "active"
    for body in (
        {"credit_limit": "-1"},
        {"credit_limit": 1000.5},  # a binary float cannot carry exact cents
        {"credit_limit": "1000.005"},
        {"credit_limit": {"amount": "1000.00", "currency": "EUR"}},  # the currency is the reseller's
        {"discount_percent": "100"},
        {"discount_percent": "1e1"},
        {"status": "deleted"},
        {},
        {"status": None},
    ):
        assert_problem(api.admin("PATCH", path, json=body), 422)
    assert_problem(api.call("PATCH", path, reseller.key, json={"credit_limit": "1"}), 403)
    pending = api.onboard_reseller(accept_policy=False)
    assert_problem(api.admin("PATCH", f"/v1/resellers/{pending.id}", json={"status": "active"}), 409)
    assert_problem(api.admin("PATCH", f"/v1/resellers/{uuid.uuid4()}", json={"credit_limit": "1"}), 404)


def test_r_on_2_a_suspended_reseller_reads_its_data_and_changes_nothing(api: Api) -> None:
    """Issue 8 item 17: suspension applied everywhere, not only in ordering."""
    reseller = api.onboard_reseller(wait_for_ordering=False)
    spare = api.call(
        "POST",
        f"/v1/resellers/{reseller.id}/api-keys",
        reseller.key,
        json={"role": "reseller_admin", "name": "never used before the suspension"},
    ).json()["key"]
    customer = {"kind": "domain", "name": "Acme", "domain": f"acme-{uuid.uuid4().hex[:8]}.example.com"}
    assert api.admin("PATCH", f"/v1/resellers/{reseller.id}", json={"status": "suspended"}).status_code == 200

    # onboarding checks its own record: refused at once, whichever key
    for key in (reseller.key, spare):
        assert api.call("GET", f"/v1/resellers/{reseller.id}", key).status_code == 200
        assert api.call("GET", "/v1/customers", key).status_code == 200
        assert_problem(api.call("POST", "/v1/customers", key, json=customer), 403, "reseller-suspended")
        assert_problem(
            api.call(
                "POST",
                f"/v1/resellers/{reseller.id}/api-keys",
                key,
                json={"role": "reseller_user", "name": "x"},
            ),
            403,
            "reseller-suspended",
        )
    # a key the gateway resolves now carries the suspension to every service
    assert api.call("GET", "/v1/orders", spare).status_code == 200
    body = api.order_body(api.ensure_sku()["sku"])
    assert_problem(api.call("POST", "/v1/orders", spare, json=body), 403, "reseller-suspended")

    assert api.admin("PATCH", f"/v1/resellers/{reseller.id}", json={"status": "active"}).status_code == 200
    assert api.call("POST", "/v1/customers", reseller.key, json=customer).status_code == 201
