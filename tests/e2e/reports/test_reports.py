"""Reports end to end (R-PL-3): figures from events, through the gateway, in JSON and CSV, each
tenant its own (the dashboard that shows them: tests/e2e/dashboard)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest

from libs.testing.api import Api, Reseller, assert_problem, wait_until
from tests.e2e.billing.conftest import invoice_of, place


@pytest.fixture
def onboard(api: Api) -> Callable[..., Reseller]:
    def make(**kwargs: Any) -> Reseller:
        return api.onboard_reseller(**kwargs)

    return make


def report(api: Api, key: str, name: str, **params: Any) -> list[dict[str, Any]]:
    response = api.call("GET", f"/v1/reports/{name}", key, params=params)
    assert response.status_code == 200, response.text
    return list(response.json()["data"])


def test_r_pl_3_sales_and_receivables_ageing_from_events_with_exact_figures(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller, other = onboard(), onboard()
    orders = [place(api, reseller, quantity=q) for q in (1, 2)]  # 1349.10 + 2698.20 net (NL: +21 % VAT)
    invoices = [invoice_of(api, reseller, o) for o in orders]
    place(api, other)

    def sales() -> list[dict[str, Any]] | None:
        rows = report(api, reseller.key, "sales")
        return rows if rows and rows[0]["quantity"] == 3 else None

    [row] = wait_until(sales, what="the sales report to count both orders")
    assert (row["reseller_id"], row["net"], row["currency"]) == (reseller.id, "4047.30", "EUR")
    assert row["period"] == orders[0]["placed_on"][:7]

    due = date.fromisoformat(invoices[0]["due_date"])
    total = sum(Decimal(i["amount_due"]["amount"]) for i in invoices)

    def ageing(as_of: date) -> dict[str, Any] | None:
        rows = report(api, reseller.key, "receivables-aging", as_of=str(as_of))
        return rows[0] if rows and rows[0]["total"] == str(total) else None

    current = wait_until(lambda: ageing(due), what="the receivables to reach the report")
    assert current["current"] == str(total) and current["31-60"] == "0.00"
    late = ageing(due + timedelta(days=45))
    assert late is not None and late["31-60"] == str(total) and late["current"] == "0.00"

    as_csv = api.call("GET", "/v1/reports/sales", reseller.key, headers={"Accept": "text/csv"})
    assert as_csv.headers["content-type"].startswith("text/csv")
    [csv_row] = list(csv.DictReader(io.StringIO(as_csv.text)))
    assert csv_row["net"] == "4047.30"
    # each tenant its own; staff all
    assert_problem(api.call("GET", "/v1/reports/sales", other.key, params={"reseller_id": reseller.id}), 404)
    # the other reseller sees its own order once it reached the report, and only that
    wait_until(
        lambda: {r["reseller_id"] for r in report(api, other.key, "sales")} == {other.id}, what="its sale"
    )
    staff = {r["reseller_id"] for r in report(api, api.admin_key, "sales")}
    assert {reseller.id, other.id} <= staff
    customer = api.call(
        "POST",
        "/v1/customers",
        reseller.key,
        json={"kind": "domain", "name": "C", "domain": f"c-{reseller.id[:8]}.example.com"},
    ).json()
    ckey = api.call(
        "POST", f"/v1/customers/{customer['id']}/api-keys", reseller.key, json={"name": "p"}
    ).json()["key"]
    assert_problem(api.call("GET", "/v1/reports/sales", ckey), 404)


def test_r_pl_3_seat_utilisation_counts_seats_assigned_right_after_the_subscription(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    from tests.e2e.licensing.test_licensing import established, subscription_with_seats

    reseller = established(api, onboard)
    sub = subscription_with_seats(api, reseller, seats=4)
    for person in ("ann", "bob", "cat"):  # the very next calls: licensing's events may beat ordering's
        created = api.call(
            "POST",
            f"/v1/subscriptions/{sub['id']}/seat-assignments",
            reseller.key,
            json={"email": f"{person}@acme.example"},
        )
        assert created.status_code == 201, created.text

    def row() -> dict[str, Any] | None:
        rows = [r for r in report(api, reseller.key, "seat-utilisation") if r["subscription_id"] == sub["id"]]
        return rows[0] if rows and rows[0]["assigned"] == 3 else None

    found = wait_until(row, what="the seat utilisation")
    assert (found["seats"], found["assigned"], found["utilisation"]) == (4, 3, "75.00")
