"""The channel dashboard (R-PL-3) on the demo data of `make run DEMO=1`: the summary adds up the
tables, each reseller sees only itself (another's id is a 404), and a real headless chromium, signed
in with a reseller's and with a staff key, shows the API's figures — tiles, tables with names,
charts, drill-down, CSV — and says what would fill an empty table. Screenshots are saved under
tests/e2e/dashboard/screenshots/ for a person to look at.

The demo sells and invoices on the services' (wall) clock today; its late payer is late on the day
its dunning ran (`demo.as_of`), so the receivables are looked at on that day — on the page through
its `as_of` filter, in the API with the same parameter — and sales in the month of today, the
default of both."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from libs.testing.api import Api, assert_problem, wait_until
from tools.devstack.demo import DemoData
from tools.devstack.stack import Stack

IN_FORCE = ("active", "trial")


def report(api: Api, key: str, name: str, **params: Any) -> list[dict[str, Any]]:
    response = api.call("GET", f"/v1/reports/{name}", key, params=params)
    assert response.status_code == 200, response.text
    return list(response.json()["data"])


def summary(api: Api, key: str, **params: Any) -> dict[str, Any]:
    response = api.call("GET", "/v1/reports/summary", key, params=params)
    assert response.status_code == 200, response.text
    return dict(response.json())


def invoices(api: Api, key: str) -> list[dict[str, Any]]:
    response = api.call("GET", "/v1/invoices", key, params={"limit": 100})
    assert response.status_code == 200, response.text
    return list(response.json()["data"])


@pytest.fixture(scope="module")
def settled(api: Api, demo: DemoData) -> DemoData:
    """The demo once every event reached the reports: names, the late invoice, seats, the lease."""
    beta, alpha = demo.beta, demo.alpha
    wait_until(
        lambda: [
            r
            for r in report(api, beta.key, "overdue-resellers", as_of=demo.as_of)
            if r["reseller_name"] == beta.name
        ],
        what="Beta's late invoice, under its name",
        timeout=90,
    )
    # Beta's two invoices, the late order's and its seat subscription's — which is on account or
    # prepaid (whichever standing ordering knew) and which billing invoices from ordering's event —
    # and in the reports every one billing holds unpaid, none that is paid
    [unpaid] = wait_until(
        lambda: [
            [i for i in found if Decimal(i["amount_due"]["amount"]) > 0]
            for found in [invoices(api, beta.key)]
            if len(found) == 2
        ],
        what="Beta's two invoices in billing",
        timeout=90,
    )
    wait_until(
        lambda: (
            [r["overdue_invoices"] for r in report(api, beta.key, "overdue-resellers", as_of=demo.as_of)]
            == [len(unpaid)]
        ),
        what="Beta's unpaid invoices in the reports as billing holds them",
        timeout=90,
    )
    wait_until(
        lambda: [r for r in report(api, beta.key, "seat-utilisation") if r["assigned"] == 3],
        what="Beta's three seats assigned",
        timeout=90,
    )
    wait_until(lambda: report(api, alpha.key, "commissions"), what="Alpha's commission", timeout=90)
    wait_until(lambda: report(api, alpha.key, "manufacturers"), what="Alpha's lease", timeout=90)
    wait_until(
        lambda: sum(r["quantity"] for r in report(api, alpha.key, "sales")) == 6, what="Alpha's three orders"
    )
    wait_until(
        lambda: (
            {r["company_name"] for r in report(api, api.admin_key, "resellers")} >= {alpha.name, beta.name}
        ),
        what="both resellers' names",
        timeout=90,
    )
    # the dunning run put Beta on prepayment (R-ON-4): onboarding's event, after billing's
    wait_until(
        lambda: [r["standing"] for r in report(api, beta.key, "resellers")] == ["prepay_required"],
        what="Beta's standing: prepay required",
        timeout=90,
    )
    wait_until(
        lambda: [r["standing"] for r in report(api, alpha.key, "resellers")] == ["established"],
        what="Alpha's standing: established",
        timeout=90,
    )
    return demo


def money(amounts: list[dict[str, str]]) -> Decimal:
    return sum((Decimal(m["amount"]) for m in amounts), Decimal(0))


def test_r_pl_3_the_summary_adds_up_the_tables_in_money_objects(api: Api, settled: DemoData) -> None:
    beta, as_of = settled.beta, settled.as_of
    s = summary(api, beta.key, as_of=as_of)
    assert s["as_of"] == str(as_of) and s["reseller_id"] is None
    ageing = report(api, beta.key, "receivables-aging", as_of=as_of)
    assert money(s["receivables"]["open"]) == sum(Decimal(r["total"]) for r in ageing) > 0
    overdue = report(api, beta.key, "overdue-resellers", as_of=as_of)
    assert money(s["receivables"]["overdue"]) == sum(Decimal(r["overdue_amount"]) for r in overdue) > 0
    assert s["receivables"]["overdue_resellers"] == 1
    assert all(m["currency"] == "EUR" and "." in m["amount"] for m in s["receivables"]["open"])
    [late] = overdue
    assert (late["reseller_name"], late["days_overdue"]) == (beta.name, 12)
    sales = [r for r in report(api, beta.key, "sales") if r["period"] == s["sales"]["period"]]
    assert money(s["sales"]["net"]) == sum(Decimal(r["net"]) for r in sales) > 0
    seats = [r for r in report(api, beta.key, "seat-utilisation") if r["status"] in IN_FORCE]
    assert s["seats"] == {
        "purchased": sum(r["seats"] for r in seats),
        "assigned": sum(r["assigned"] for r in seats),
        "used": sum(r["active"] for r in seats),
        "free": sum(r["free"] for r in seats),
    }
    # the dunning run that found Beta late put it on prepayment (R-ON-4)
    assert s["resellers"] == {"new": 0, "established": 0, "prepay_required": 1}
    alpha = summary(api, settled.alpha.key)
    assert alpha["waas_contracts"] == {"active": 1, "units": 5}
    [listed] = report(api, settled.alpha.key, "resellers")  # its three paid orders made it established
    assert alpha["resellers"] == {"new": 0, "established": 1, "prepay_required": 0}
    assert (listed["company_name"], listed["standing"]) == (settled.alpha.name, "established")
    [sold] = report(api, settled.alpha.key, "manufacturers")
    assert (sold["manufacturer"], sold["units"], sold["contracts"]) == (settled.manufacturer, 5, 1)


def test_r_pl_3_a_reseller_sees_only_itself_and_another_resellers_id_is_404(
    api: Api, settled: DemoData
) -> None:
    beta, alpha = settled.beta, settled.alpha
    for name in ("summary", "resellers", "manufacturers", "sales"):
        assert_problem(
            api.call("GET", f"/v1/reports/{name}", beta.key, params={"reseller_id": alpha.id}), 404
        )
    assert [r["reseller_id"] for r in report(api, beta.key, "resellers")] == [beta.id]
    # staff drill down to one reseller and see the same figures it sees
    assert (
        summary(api, api.admin_key, reseller_id=beta.id, as_of=settled.as_of)["receivables"]
        == summary(api, beta.key, as_of=settled.as_of)["receivables"]
    )


# --- in the browser ------------------------------------------------------------------------------


def open_dashboard(browser: webdriver.Chrome, stack: Stack, key: str | None, **query: Any) -> str:
    """The page at `query`, signed in with `key` when it asks; what it ended in ("true" or "error")."""
    if browser.current_url.startswith(stack.gateway_url):
        browser.execute_script("document.body.dataset.loaded = 'stale'")
    browser.get(f"{stack.gateway_url}/dashboard?{urlencode(query)}")
    if key is not None:
        browser.find_element(By.ID, "api-key").send_keys(key)
        browser.find_element(By.ID, "signin-button").click()
    return str(wait_until(lambda: loaded(browser), what="the dashboard to load"))


def loaded(browser: webdriver.Chrome) -> str | None:
    state = browser.execute_script("return document.body.dataset.loaded")
    return state if state in ("true", "error") else None


def tiles(browser: webdriver.Chrome) -> dict[str, str]:
    return {
        e.get_attribute("data-kpi") or "": e.get_attribute("data-value") or ""
        for e in browser.find_elements(By.CSS_SELECTOR, "#tiles [data-kpi]")
    }


def expected_tiles(s: dict[str, Any]) -> dict[str, str]:
    def wire(amounts: list[dict[str, str]]) -> str:
        return "; ".join(f"{m['amount']} {m['currency']}" for m in amounts)

    standing, seats = s["resellers"], s["seats"]
    return {
        "sales": wire(s["sales"]["net"]),
        "open": wire(s["receivables"]["open"]),
        "overdue": wire(s["receivables"]["overdue"]),
        "standing": f"{standing['new']}/{standing['established']}/{standing['prepay_required']}",
        "contracts": str(s["waas_contracts"]["active"]),
        "seats": f"{seats['used']}/{seats['assigned']}/{seats['free']}",
    }


def table(browser: webdriver.Chrome, element: str) -> list[dict[str, str]]:
    return [
        {
            c.get_attribute("data-column") or "": c.get_attribute("data-value") or ""
            for c in row.find_elements(By.TAG_NAME, "td")
        }
        for row in browser.find_elements(By.CSS_SELECTOR, f"#{element} tbody tr")
    ]


def as_shown(rows: list[dict[str, Any]], columns: list[str]) -> list[dict[str, str]]:
    return [{c: str(r[c]) for c in columns} for r in rows]


def chart(browser: webdriver.Chrome, element: str) -> list[dict[str, Any]]:
    return list(
        browser.execute_script(
            f"return document.getElementById('{element}').data.map(t => ({{name: t.name, x: t.x, y: t.y}}))"
        )
    )


def no_policy_violations(browser: webdriver.Chrome) -> None:
    logged = [e["message"] for e in browser.get_log("browser")]
    assert not [m for m in logged if "Content Security Policy" in m or "Refused to" in m], logged


def test_r_pl_3_a_resellers_dashboard_shows_its_own_figures_as_the_api_answers_them(
    api: Api,
    settled: DemoData,
    stack: Stack,
    browser: webdriver.Chrome,
    screenshot: Callable[[str], Path],
) -> None:
    beta, as_of = settled.beta, settled.as_of
    assert open_dashboard(browser, stack, beta.key, as_of=as_of) == "true"
    assert tiles(browser) == expected_tiles(summary(api, beta.key, as_of=as_of))
    assert beta.name in browser.find_element(By.ID, "who").text
    assert not browser.find_element(By.ID, "reseller-filter").is_displayed()  # nothing to choose

    overdue = report(api, beta.key, "overdue-resellers", as_of=as_of)
    columns = ["reseller_name", "overdue_amount", "days_overdue", "oldest_due_date"]
    assert as_shown(table(browser, "overdue-table"), columns) == as_shown(overdue, columns)
    assert {r["reseller_name"] for r in table(browser, "sales-table")} == {beta.name}  # names, not ids
    ageing = report(api, beta.key, "receivables-aging", as_of=as_of)
    bars = {t["name"]: t["x"] for t in chart(browser, "ageing-chart")}
    assert bars["1-30 days"] == [float(r["1-30"]) for r in ageing]
    seats = [r for r in report(api, beta.key, "seat-utilisation") if r["status"] in IN_FORCE]
    shown = {t["name"]: t["x"] for t in chart(browser, "seats-chart")}
    assert shown["free"] == [float(sum(r["free"] for r in seats))]
    no_policy_violations(browser)
    screenshot("reseller")

    # another reseller's figures: refused, nothing shown
    assert open_dashboard(browser, stack, None, reseller_id=settled.alpha.id) == "error"
    assert "No such reseller" in browser.find_element(By.ID, "load-error").text
    assert not browser.find_element(By.ID, "figures").is_displayed()


def test_r_pl_3_staff_drill_down_to_a_reseller_and_download_its_tables(
    api: Api,
    settled: DemoData,
    stack: Stack,
    browser: webdriver.Chrome,
    downloads: Path,
    screenshot: Callable[[str], Path],
) -> None:
    alpha, as_of = settled.alpha, settled.as_of
    assert open_dashboard(browser, stack, api.admin_key, as_of=as_of) == "true"
    choices = {o.text for o in browser.find_elements(By.CSS_SELECTOR, "#reseller_id option")}
    assert {alpha.name, settled.beta.name} <= choices
    screenshot("staff")

    # drill down from the resellers table, with the keyboard
    browser.execute_script("document.body.dataset.loaded = 'stale'")
    browser.find_element(By.LINK_TEXT, alpha.name).send_keys(Keys.ENTER)
    wait_until(lambda: alpha.id in browser.current_url and loaded(browser), what="Alpha's own dashboard")
    assert tiles(browser) == expected_tiles(summary(api, api.admin_key, reseller_id=alpha.id, as_of=as_of))
    assert alpha.name in browser.find_element(By.ID, "scope").text
    commissions = report(api, api.admin_key, "commissions", reseller_id=alpha.id)
    columns = ["reseller_name", "earned", "paid", "due"]
    assert as_shown(table(browser, "commissions-table"), columns) == as_shown(commissions, columns)
    sellout = report(api, api.admin_key, "manufacturers", reseller_id=alpha.id)
    columns = ["manufacturer", "period", "units", "monthly_total"]
    assert as_shown(table(browser, "sellout-table"), columns) == as_shown(sellout, columns)
    sales = report(api, api.admin_key, "sales", reseller_id=alpha.id)
    bars = chart(browser, "sales-chart")
    assert [t["name"] for t in bars] == [alpha.name]
    assert sum(bars[0]["y"]) == float(sum(Decimal(r["net"]) for r in sales))
    screenshot("staff-drill-down")

    # the CSV button downloads what the API answers as CSV
    browser.find_element(By.CSS_SELECTOR, "#commissions-table button.csv").click()
    [csv_file] = wait_until(
        lambda: [p for p in downloads.glob("commissions-*.csv")], what="the commissions CSV download"
    )
    expected = api.call(
        "GET",
        "/v1/reports/commissions",
        api.admin_key,
        params={"reseller_id": alpha.id},
        headers={"Accept": "text/csv"},
    )
    assert csv_file.read_text() == expected.text and alpha.name in expected.text
    no_policy_violations(browser)


def test_r_pl_3_an_empty_dashboard_says_what_would_fill_it_and_a_wrong_key_is_refused(
    api: Api, stack: Stack, browser: webdriver.Chrome, screenshot: Callable[[str], Path]
) -> None:
    newcomer = api.onboard_reseller()
    assert open_dashboard(browser, stack, newcomer.key) == "true"
    empty = {
        e.find_element(By.XPATH, "..").get_attribute("id"): e.text
        for e in browser.find_elements(By.CSS_SELECTOR, ".empty")
    }
    assert "Partner invoices fall due 30 days after" in empty["overdue-table"]
    assert "Orders placed and subscription charges appear here" in empty["sales-table"]
    assert "becomes active" in empty["commissions-table"]
    assert not browser.find_element(By.ID, "sales-chart").is_displayed()  # no chart of nothing
    screenshot("empty")

    browser.execute_script("sessionStorage.clear()")
    browser.get(f"{stack.gateway_url}/dashboard")
    browser.find_element(By.ID, "api-key").send_keys("chk_not_a_key")
    browser.find_element(By.ID, "signin-button").click()
    wait_until(lambda: browser.find_element(By.ID, "signin-error").text, what="the sign-in to be refused")
    assert not browser.find_element(By.ID, "reports").is_displayed()


def test_r_pl_3_the_gateway_serves_plotly_from_the_wheel_under_its_policy(api: Api) -> None:
    page = api.call("GET", "/dashboard")
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe" not in policy.split("script-src")[1].split(";")[0]
    assert "https://" not in page.text and "/dashboard/plotly.min.js" in page.text
    bundle = api.call("GET", "/dashboard/plotly.min.js")
    assert bundle.status_code == 200 and bundle.headers["content-type"].startswith("text/javascript")
    assert b"plotly.js v" in bundle.content[:200]
    # compressed on the wire, and revalidated without sending the bundle again
    assert bundle.headers["content-encoding"] == "gzip"
    again = api.call("GET", "/dashboard/plotly.min.js", headers={"If-None-Match": bundle.headers["etag"]})
    assert again.status_code == 304 and again.content == b""
    assert api.call("GET", "/dashboard/..%2Fapp.py").status_code == 404
