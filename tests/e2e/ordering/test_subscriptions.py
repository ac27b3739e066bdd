"""R-OR-6/7/10 through the gateway: seat subscriptions, prorated extra seats, renewals, trials.

Prices: a yearly seat SKU at MSRP 120.00 EUR, 10 % off → 108.00 per seat per year (9.00 a month);
a monthly one at 10.00 → 9.00 per seat per month. The resellers are Swiss (no tax) unless the
test is about tax.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest

from libs.testing.api import Api, Reseller, assert_problem
from services.ordering.domain.proration import add_months
from tests.e2e.ordering.conftest import Customers, OrderingDb, today
from tests.e2e.ordering.test_order_lifecycle import establish


def eur(amount: str) -> dict[str, str]:
    return {"amount": amount, "currency": "EUR"}


@pytest.fixture
def onboard(api: Api, onboard: Callable[..., Reseller]) -> Callable[..., Reseller]:
    """These tests are about seats, periods and trials, not payment: their resellers buy on account
    (established, R-ON-6), so what they buy is usable at once. Prepay: `test_credit_line.py`."""

    def make(**kwargs: Any) -> Reseller:
        return establish(api, onboard, **kwargs)

    return make


def on_account(charged: dict[str, Any]) -> dict[str, Any]:
    """The charge of a period or seat purchase made on account (released at once, not yet paid)."""
    return {
        "id": charged["charge"]["id"],
        "payment_requirement": "on_account",
        "status": "released",
        "paid_on": None,
    }


def seat_sku(api: Api, plan: str = "yearly", amount: str = "120.00", **kw: Any) -> str:
    return api.create_sku(
        billing_plan=plan, seat_based=True, prices=[{"amount": amount, "currency": "EUR"}], **kw
    )["sku"]


def subscribe(api: Api, reseller: Reseller, **body: Any) -> dict[str, Any]:
    response = api.call("POST", "/v1/subscriptions", reseller.key, json=body)
    assert response.status_code == 201, response.text
    return response.json()


def subscription_ids(api: Api, reseller: Reseller, **params: Any) -> list[str]:
    page = api.call("GET", "/v1/subscriptions", reseller.key, params={"limit": 200, **params})
    assert page.status_code == 200, page.text
    return [s["id"] for s in page.json()["data"]]


def test_r_or_6_reseller_creates_a_seat_subscription_for_its_customer(
    api: Api, onboard: Callable[..., Reseller], customers: Customers, ordering_db: OrderingDb
) -> None:
    reseller = onboard(country="NL")
    customer = customers.create(reseller)
    sku = seat_sku(api)
    sub = subscribe(api, reseller, customer_id=customer, sku=sku, seats=5, term_months=12)

    start = today()
    assert sub["reseller_id"] == reseller.id and sub["customer_id"] == customer
    assert (sub["sku"], sub["seats"], sub["term_months"]) == (sku, 5, 12)
    assert sub["status"] == "active" and sub["trial"] is False
    assert sub["period_start"] == str(start)
    assert sub["period_end"] == str(add_months(start, 12))
    assert sub["currency"] == "EUR"
    assert sub["unit_msrp"] == eur("120.00") and sub["discount_percent"] == "10.00"
    assert sub["unit_price"] == eur("108.00")
    assert sub["periods"] == [
        {
            "number": 1,
            "kind": "initial",
            "start": str(start),
            "end": str(add_months(start, 12)),
            "seats": 5,
            "net": eur("540.00"),
            "tax": eur("113.40"),  # NL reseller: 21 % VAT
            "total": eur("653.40"),
            "charge": on_account(sub["periods"][0]),
        }
    ]
    assert sub["seat_purchases"] == []
    assert api.call("GET", f"/v1/subscriptions/{sub['id']}", reseller.key).json() == sub
    assert subscription_ids(api, reseller) == [sub["id"]]
    assert subscription_ids(api, reseller, customer_id=customer) == [sub["id"]]
    assert subscription_ids(api, reseller, status="trial") == []
    assert ordering_db.events_about(sub["id"]) == ["ordering.subscription.created.v1"]

    # a monthly SKU makes monthly subscriptions
    monthly = seat_sku(api, "monthly", "10.00")
    m = subscribe(api, reseller, customer_id=customer, sku=monthly, seats=2, term_months=1)
    assert m["period_end"] == str(add_months(start, 1))
    assert m["periods"][0]["net"] == eur("18.00")


def test_r_or_6_subscription_input_is_checked_and_nothing_is_written(
    api: Api, onboard: Callable[..., Reseller], customers: Customers
) -> None:
    reseller = onboard(country="CH")
    other = onboard(country="CH")
    customer = customers.create(reseller)
    yearly, monthly = seat_sku(api), seat_sku(api, "monthly", "10.00")
    perpetual = api.create_sku()["sku"]
    not_seats = api.create_sku(billing_plan="yearly")["sku"]
    ok = {"customer_id": customer, "sku": yearly, "seats": 1, "term_months": 12}
    cases = [
        ({"sku": monthly}, "term-does-not-match-plan"),
        ({"sku": yearly, "term_months": 1}, "term-does-not-match-plan"),
        ({"sku": perpetual}, "sku-not-seat-based"),
        ({"sku": not_seats}, "sku-not-seat-based"),
        ({"sku": "NO-SUCH-SKU"}, "unknown-sku"),
        ({"customer_id": str(uuid.uuid4())}, "unknown-customer"),
        ({"customer_id": customers.create(other)}, "unknown-customer"),
        ({"currency": "USD"}, "price-not-available"),
        ({"term_months": 6}, "validation-error"),
        ({"seats": 0}, "validation-error"),
        ({"seats": -3}, "validation-error"),
        ({"seats": 100_001}, "validation-error"),
        ({"extra": 1}, "validation-error"),
    ]
    for change, code in cases:
        assert_problem(api.call("POST", "/v1/subscriptions", reseller.key, json={**ok, **change}), 422, code)
    malformed = api.call(
        "POST", "/v1/subscriptions", reseller.key, content=b"{", headers={"Content-Type": "application/json"}
    )
    assert_problem(malformed, 422)
    assert_problem(api.admin("POST", "/v1/subscriptions", json=ok), 403)
    assert subscription_ids(api, reseller) == []

    pending = api.onboard_reseller(accept_policy=False)
    assert_problem(
        api.call("POST", "/v1/subscriptions", pending.key, json={**ok, "customer_id": str(uuid.uuid4())}),
        422,
        "reseller-cannot-order",
    )


def test_r_or_7_fifty_days_left_charges_two_months(
    api: Api, onboard: Callable[..., Reseller], customers: Customers, ordering_db: OrderingDb
) -> None:
    reseller = onboard(country="NL")
    sub = subscribe(
        api, reseller, customer_id=customers.create(reseller), sku=seat_sku(api), seats=5, term_months=12
    )
    end = add_months(today(), 12)
    as_of = end - timedelta(days=50)

    quote = api.call(
        "GET",
        f"/v1/subscriptions/{sub['id']}/seat-quote",
        reseller.key,
        params={"add": 3, "as_of": str(as_of)},
    )
    assert quote.status_code == 200, quote.text
    assert quote.json() == {
        "seats": 3,
        "as_of": str(as_of),
        "months_charged": 2,
        "unit_price": eur("9.00"),  # 108.00 a year per seat
        "term_price": eur("108.00"),
        "price_per_seat": eur("18.00"),  # 108.00 x 2 / 12
        "total": eur("54.00"),  # 3 seats x 18.00
    }

    # a reseller buys today; dating the purchase 50 days before the end is a staff correction
    assert_problem(
        api.call(
            "POST", f"/v1/subscriptions/{sub['id']}/seats", reseller.key, json={"add": 3, "as_of": str(as_of)}
        ),
        422,
        "seat-date-not-allowed",
    )
    added = api.admin("POST", f"/v1/subscriptions/{sub['id']}/seats", json={"add": 3, "as_of": str(as_of)})
    assert added.status_code == 200, added.text
    body = added.json()
    assert body["seats"] == 8
    assert body["seat_purchases"] == [
        {
            "added": 3,
            "as_of": str(as_of),
            "months_charged": 2,
            "unit_price": eur("9.00"),
            "price_per_seat": eur("18.00"),
            "date_corrected_by": "staff:admin-env",
            "net": eur("54.00"),
            "tax": eur("11.34"),
            "total": eur("65.34"),
            "charge": on_account(body["seat_purchases"][0]),
        }
    ]
    assert body["period_end"] == str(end) and len(body["periods"]) == 1  # same period
    assert api.call("GET", f"/v1/subscriptions/{sub['id']}", reseller.key).json()["seats"] == 8
    assert ordering_db.events_about(sub["id"]) == [
        "ordering.subscription.created.v1",
        "ordering.subscription.seats_added.v1",
    ]

    # one day before the end is a started month; buying on the first day pays the whole year
    def months(on: Any) -> int:
        r = api.call(
            "GET",
            f"/v1/subscriptions/{sub['id']}/seat-quote",
            reseller.key,
            params={"add": 1, "as_of": str(on)},
        )
        assert r.status_code == 200, r.text
        return r.json()["months_charged"]

    assert months(end - timedelta(days=1)) == 1
    assert months(today()) == 12
    full = api.call(
        "GET", f"/v1/subscriptions/{sub['id']}/seat-quote", reseller.key, params={"add": 1}
    ).json()
    assert full["as_of"] == str(today()) and full["total"] == eur("108.00")


def test_r_or_7_seats_outside_the_current_period_are_refused(
    api: Api, onboard: Callable[..., Reseller], customers: Customers
) -> None:
    reseller = onboard(country="CH")
    sub = subscribe(
        api, reseller, customer_id=customers.create(reseller), sku=seat_sku(api), seats=1, term_months=12
    )
    end = add_months(today(), 12)
    for as_of in (end, today() - timedelta(days=1)):
        assert_problem(
            api.call(
                "GET",
                f"/v1/subscriptions/{sub['id']}/seat-quote",
                reseller.key,
                params={"add": 1, "as_of": str(as_of)},
            ),
            422,
            "seat-date-outside-period",
        )
        assert_problem(
            api.admin("POST", f"/v1/subscriptions/{sub['id']}/seats", json={"add": 1, "as_of": str(as_of)}),
            422,
            "seat-date-outside-period",
        )
    for add in (0, -1, 100_001):
        assert_problem(
            api.call("POST", f"/v1/subscriptions/{sub['id']}/seats", reseller.key, json={"add": add}), 422
        )
        assert_problem(
            api.call("GET", f"/v1/subscriptions/{sub['id']}/seat-quote", reseller.key, params={"add": add}),
            422,
        )
    again = api.call("GET", f"/v1/subscriptions/{sub['id']}", reseller.key).json()
    assert again["seats"] == 1 and again["seat_purchases"] == []


def test_r_or_6_renewal_creates_the_next_period(
    api: Api, onboard: Callable[..., Reseller], customers: Customers, ordering_db: OrderingDb
) -> None:
    reseller = onboard(country="CH")
    sub = subscribe(
        api, reseller, customer_id=customers.create(reseller), sku=seat_sku(api), seats=4, term_months=12
    )
    # seats changed during the period are renewed too
    assert (
        api.call("POST", f"/v1/subscriptions/{sub['id']}/seats", reseller.key, json={"add": 1}).status_code
        == 200
    )

    renewed = api.call("POST", f"/v1/subscriptions/{sub['id']}/renew", reseller.key)
    assert renewed.status_code == 200, renewed.text
    body = renewed.json()
    first_end = add_months(today(), 12)
    assert body["period_start"] == str(first_end)
    assert body["period_end"] == str(add_months(first_end, 12))
    assert body["seats"] == 5 and body["status"] == "active"
    assert [p["kind"] for p in body["periods"]] == ["initial", "renewal"]
    assert body["periods"][1] == {
        "number": 2,
        "kind": "renewal",
        "start": str(first_end),
        "end": str(add_months(first_end, 12)),
        "seats": 5,
        "net": eur("540.00"),  # 5 x 108.00, no tax in CH
        "tax": eur("0.00"),
        "total": eur("540.00"),
        "charge": on_account(body["periods"][1]),
    }
    # the next period has not started: it cannot be renewed again yet
    assert_problem(
        api.call("POST", f"/v1/subscriptions/{sub['id']}/renew", reseller.key),
        409,
        "subscription-state-conflict",
    )
    assert len(api.call("GET", f"/v1/subscriptions/{sub['id']}", reseller.key).json()["periods"]) == 2
    assert ordering_db.events_about(sub["id"]) == [
        "ordering.subscription.created.v1",
        "ordering.subscription.seats_added.v1",
        "ordering.subscription.renewed.v1",
    ]


def test_r_or_10_free_trial_expires_unless_converted(
    api: Api, onboard: Callable[..., Reseller], customers: Customers, ordering_db: OrderingDb
) -> None:
    reseller = onboard(country="CH")
    customer = customers.create(reseller)
    sku = seat_sku(api)
    kept = subscribe(api, reseller, customer_id=customer, sku=sku, seats=3, term_months=12, trial=True)
    lapsed = subscribe(api, reseller, customer_id=customer, sku=sku, seats=2, term_months=12, trial=True)
    trial_end = today() + timedelta(days=30)

    assert kept["status"] == "trial" and kept["trial"] is True
    assert kept["period_end"] == str(trial_end)
    assert kept["periods"][0]["kind"] == "trial" and kept["periods"][0]["total"] == eur("0.00")
    # seats in a trial are free, and a trial cannot be renewed
    quote = api.call("GET", f"/v1/subscriptions/{kept['id']}/seat-quote", reseller.key, params={"add": 2})
    assert quote.json()["total"] == eur("0.00")
    added = api.call("POST", f"/v1/subscriptions/{kept['id']}/seats", reseller.key, json={"add": 2}).json()
    assert added["seats"] == 5 and added["seat_purchases"][0]["total"] == eur("0.00")
    assert_problem(
        api.call("POST", f"/v1/subscriptions/{kept['id']}/renew", reseller.key),
        409,
        "subscription-state-conflict",
    )

    converted = api.call("POST", f"/v1/subscriptions/{kept['id']}/convert", reseller.key)
    assert converted.status_code == 200, converted.text
    c = converted.json()
    assert c["status"] == "active" and c["converted_on"] == str(today())
    assert c["period_start"] == str(today()) and c["period_end"] == str(add_months(today(), 12))
    assert c["periods"][-1]["kind"] == "conversion" and c["periods"][-1]["net"] == eur("540.00")
    assert_problem(
        api.call("POST", f"/v1/subscriptions/{kept['id']}/convert", reseller.key),
        409,
        "subscription-state-conflict",
    )

    # the job is staff-only, and expires nothing before the trial's end
    job = "/v1/ordering/jobs/expire-trials/run"
    assert_problem(api.call("POST", job, reseller.key, json={"as_of": str(trial_end)}), 403)
    assert_problem(
        api.admin("POST", "/v1/ordering/jobs/no-such-job/run", json={"as_of": str(trial_end)}), 422
    )
    early = api.admin("POST", job, json={"as_of": str(trial_end - timedelta(days=1))})
    assert early.status_code == 200, early.text
    assert api.call("GET", f"/v1/subscriptions/{lapsed['id']}", reseller.key).json()["status"] == "trial"

    ran = api.admin("POST", job, json={"as_of": str(trial_end)})
    assert ran.status_code == 200, ran.text
    assert ran.json()["job"] == "expire-trials" and ran.json()["affected"] >= 1
    assert api.call("GET", f"/v1/subscriptions/{lapsed['id']}", reseller.key).json()["status"] == "expired"
    assert api.call("GET", f"/v1/subscriptions/{kept['id']}", reseller.key).json()["status"] == "active"
    assert subscription_ids(api, reseller, status="expired") == [lapsed["id"]]

    # an expired trial can be neither converted nor extended; running the job again changes nothing
    assert_problem(
        api.call("POST", f"/v1/subscriptions/{lapsed['id']}/convert", reseller.key),
        409,
        "subscription-state-conflict",
    )
    assert_problem(
        api.call("POST", f"/v1/subscriptions/{lapsed['id']}/seats", reseller.key, json={"add": 1}),
        409,
        "subscription-state-conflict",
    )
    api.admin("POST", job, json={"as_of": str(trial_end)})
    assert ordering_db.events_about(lapsed["id"]) == [
        "ordering.subscription.created.v1",
        "ordering.subscription.expired.v1",
    ]
    assert ordering_db.events_about(kept["id"]) == [
        "ordering.subscription.created.v1",
        "ordering.subscription.seats_added.v1",
        "ordering.subscription.converted.v1",
    ]


def test_r_cu_4_team_customer_subscribes_only_to_products_that_allow_it(
    api: Api, onboard: Callable[..., Reseller], customers: Customers
) -> None:
    reseller = onboard(country="CH")
    team = customers.create(reseller, kind="team")
    product = f"team-seats-{uuid.uuid4().hex[:8]}"
    assert (
        api.admin(
            "POST", "/v1/products", json={"code": product, "name": "Seats", "team_customers_allowed": True}
        ).status_code
        == 201
    )
    allowed = seat_sku(api, product=product)
    refused = seat_sku(api)  # total-docs does not allow team customers
    assert_problem(
        api.call(
            "POST",
            "/v1/subscriptions",
            reseller.key,
            json={"customer_id": team, "sku": refused, "seats": 1, "term_months": 12},
        ),
        422,
        "product-not-for-team-customers",
    )
    assert subscription_ids(api, reseller) == []
    assert (
        subscribe(api, reseller, customer_id=team, sku=allowed, seats=1, term_months=12)["customer_id"]
        == team
    )


def test_tenant_isolation_reseller_b_cannot_touch_reseller_a_subscriptions(
    api: Api, onboard: Callable[..., Reseller], customers: Customers
) -> None:
    a = onboard(country="CH")
    b = onboard(country="CH")
    sku = seat_sku(api)
    sub = subscribe(api, a, customer_id=customers.create(a), sku=sku, seats=2, term_months=12)
    trial = subscribe(api, a, customer_id=customers.create(a), sku=sku, seats=2, term_months=12, trial=True)
    base = f"/v1/subscriptions/{sub['id']}"
    for method, path, kwargs in [
        ("GET", base, {}),
        ("GET", f"{base}/seat-quote", {"params": {"add": 1}}),
        ("POST", f"{base}/seats", {"json": {"add": 1}}),
        ("POST", f"{base}/renew", {}),
        ("POST", f"/v1/subscriptions/{trial['id']}/convert", {}),
    ]:
        assert_problem(api.call(method, path, b.key, **kwargs), 404, "subscription-not-found")
    assert subscription_ids(api, b) == []
    assert_problem(api.call("GET", f"/v1/subscriptions/{uuid.uuid4()}", a.key), 404)
    # nothing changed for A; staff see it
    assert api.call("GET", base, a.key).json() == sub
    assert api.call("GET", f"/v1/subscriptions/{trial['id']}", a.key).json()["status"] == "trial"
    assert api.admin("GET", base).json()["reseller_id"] == a.id


def test_r_or_7_a_retried_seat_purchase_or_renewal_with_its_idempotency_key_charges_once(
    api: Api, onboard: Callable[..., Reseller], customers: Customers
) -> None:
    """Issue 8 item 19: a partner system that retries `POST /seats` after a timeout must not buy twice."""
    reseller = onboard(country="NL")
    sub = subscribe(
        api, reseller, customer_id=customers.create(reseller), sku=seat_sku(api), seats=5, term_months=12
    )
    seats = f"/v1/subscriptions/{sub['id']}/seats"
    key = {"Idempotency-Key": f"seats-{uuid.uuid4()}"}

    first = api.call("POST", seats, reseller.key, json={"add": 3}, headers=key)
    again = api.call("POST", seats, reseller.key, json={"add": 3}, headers=key)
    assert first.status_code == again.status_code == 200, again.text
    assert first.json() == again.json() and first.json()["seats"] == 8
    assert api.call("GET", f"/v1/subscriptions/{sub['id']}", reseller.key).json()["seats"] == 8
    # the same key for another purchase is a mistake, not a replay
    assert_problem(api.call("POST", seats, reseller.key, json={"add": 4}, headers=key), 422)

    renew = f"/v1/subscriptions/{sub['id']}/renew"
    key = {"Idempotency-Key": f"renew-{uuid.uuid4()}"}
    renewed = api.call("POST", renew, reseller.key, headers=key)
    assert renewed.status_code == 200, renewed.text
    replayed = api.call("POST", renew, reseller.key, headers=key)
    assert replayed.status_code == 200 and replayed.json() == renewed.json()
    periods = api.call("GET", f"/v1/subscriptions/{sub['id']}", reseller.key).json()["periods"]
    assert [p["kind"] for p in periods].count("renewal") == 1


def test_r_or_7_a_reseller_cannot_back_date_seats_into_the_last_month(
    api: Api, onboard: Callable[..., Reseller], customers: Customers
) -> None:
    """Issue 8 item 1: 100 seats "bought" the day before the period ends would pay 1 month of 12."""
    reseller = onboard(country="NL")
    sub = subscribe(
        api, reseller, customer_id=customers.create(reseller), sku=seat_sku(api), seats=1, term_months=12
    )
    last_day = add_months(today(), 12) - timedelta(days=1)
    assert_problem(
        api.call(
            "POST",
            f"/v1/subscriptions/{sub['id']}/seats",
            reseller.key,
            json={"add": 100, "as_of": str(last_day)},
        ),
        422,
        "seat-date-not-allowed",
    )
    after = api.call("GET", f"/v1/subscriptions/{sub['id']}", reseller.key).json()
    assert after["seats"] == 1 and after["seat_purchases"] == []
    # today's date, given explicitly, is the purchase date anyway
    today_buy = api.call(
        "POST", f"/v1/subscriptions/{sub['id']}/seats", reseller.key, json={"add": 1, "as_of": str(today())}
    )
    assert today_buy.status_code == 200, today_buy.text
    assert today_buy.json()["seat_purchases"][0]["months_charged"] == 12


def test_r_or_7_seats_can_be_added_after_an_early_renewal(
    api: Api, onboard: Callable[..., Reseller], customers: Customers
) -> None:
    """Issue 8 item 2: the renewal starts at the current period's end; seats bought today belong to
    today's period and to the renewed term, which was charged for the seats of its day."""
    reseller = onboard(country="CH")
    sub = subscribe(
        api, reseller, customer_id=customers.create(reseller), sku=seat_sku(api), seats=2, term_months=12
    )
    renewed = api.call("POST", f"/v1/subscriptions/{sub['id']}/renew", reseller.key)
    assert renewed.status_code == 200, renewed.text

    quote = api.call(
        "GET", f"/v1/subscriptions/{sub['id']}/seat-quote", reseller.key, params={"add": 1}
    ).json()
    assert quote["months_charged"] == 24  # 12 left in today's period + the renewed term
    assert quote["price_per_seat"] == eur("216.00") and quote["total"] == eur("216.00")
    added = api.call("POST", f"/v1/subscriptions/{sub['id']}/seats", reseller.key, json={"add": 1})
    assert added.status_code == 200, added.text
    body = added.json()
    assert body["seats"] == 3
    assert body["seat_purchases"][0]["net"] == eur("216.00")
    assert body["seat_purchases"][0]["as_of"] == str(today())
