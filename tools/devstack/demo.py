"""Demo data for the channel dashboard (`make run DEMO=1`): a few resellers with customers, orders
(some paid, one on account and overdue), a seat subscription with assigned seats and a WaaS contract
with its commission — everything through the public API, as partners and staff would.

The services run the wall clock, so everything is sold and invoiced today and falls due in 30 days;
the demo's late payer is late on the day its dunning run is given (`as_of` below, printed as the
dashboard's link): that is the day to look at receivables on, the month of today the one for sales."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import httpx

from libs.testing.api import wait_until

EUR = "EUR"


@dataclass(frozen=True)
class DemoReseller:
    id: str
    key: str
    name: str


@dataclass(frozen=True)
class DemoData:
    alpha: DemoReseller  # new, pays on time, leases hardware
    beta: DemoReseller  # established, one invoice overdue on `as_of`, seats
    as_of: date  # the day the demo's dunning ran: Beta's invoice is 12 days late then
    manufacturer: str


class Demo:
    def __init__(self, gateway: str, admin_key: str) -> None:
        self.http = httpx.Client(base_url=gateway, timeout=30)
        self.admin_key = admin_key

    def call(self, method: str, path: str, key: str | None = None, **kwargs: Any) -> Any:
        headers = {"Authorization": f"Bearer {key or self.admin_key}", "Idempotency-Key": uuid.uuid4().hex}
        response = self.http.request(method, path, headers=headers, **kwargs)
        if response.status_code >= 400:
            raise RuntimeError(f"{method} {path}: {response.status_code} {response.text}")
        return response.json() if response.content else None

    def reseller(self, name: str, country: str, **extra: Any) -> tuple[str, str]:
        app = self.http.post(
            "/v1/reseller-applications",
            json={
                "company_name": name,
                "contact_email": f"sales@{name.split()[0].lower()}.example",
                "country": country,
                "business_type": "reseller",
                "description": "IT reseller",
                **extra,
            },
        ).json()
        approved = self.call("POST", f"/v1/reseller-applications/{app['id']}/approve", json={})
        key, rid = approved["api_key"], approved["reseller_id"]
        version = self.call("GET", "/v1/reseller-policy", key)["version"]
        self.call(
            "POST",
            f"/v1/resellers/{rid}/policy-acceptance",
            key,
            json={"version": version, "accepted_by": "Demo"},
        )
        return rid, key

    def customer(self, key: str, name: str) -> str:
        domain = f"{name.split()[0].lower()}-{uuid.uuid4().hex[:6]}.example.com"
        customer = self.call(
            "POST", "/v1/customers", key, json={"kind": "domain", "name": name, "domain": domain}
        )
        ckey = self.call("POST", f"/v1/customers/{customer['id']}/api-keys", key, json={"name": "portal"})[
            "key"
        ]
        self.call(
            "POST", f"/v1/customers/{customer['id']}/terms-acceptance", ckey, json={"accepted_by": "Demo"}
        )
        return str(customer["id"])

    def order(self, key: str, customer_id: str, sku: str, quantity: int) -> dict[str, Any]:
        body = {
            "customer_id": customer_id,
            "currency": EUR,
            "payment_method": "bank_transfer",
            "lines": [{"sku": sku, "quantity": quantity}],
        }
        return dict(self.call("POST", "/v1/orders", key, json=body))

    def pay(self, key: str, order: dict[str, Any]) -> None:
        [invoice] = self.call("GET", f"/v1/invoices?order_id={order['id']}", key)["data"]
        self.pay_invoice(invoice)

    def usable_subscription(self, key: str, body: dict[str, Any]) -> dict[str, Any]:
        """A seat subscription whose seats can be assigned now. Whether it is on account or prepaid
        is the reseller's standing as ordering last heard it (a dunning run may just have changed
        it), so a prepaid one is paid and its activation — billing's event — waited for."""
        subscription = dict(self.call("POST", "/v1/subscriptions", key, json=body))
        if subscription["status"] == "pending_payment":
            invoices = f"/v1/invoices?subscription_id={subscription['id']}"
            [invoice] = wait_until(
                lambda: self.call("GET", invoices, key)["data"], timeout=60, what="its invoice"
            )
            self.pay_invoice(invoice)
            itself = f"/v1/subscriptions/{subscription['id']}"
            wait_until(
                lambda: self.call("GET", itself, key)["status"] == "active", timeout=60, what="it active"
            )
        return subscription

    def pay_invoice(self, invoice: dict[str, Any]) -> None:
        self.call(
            "POST",
            "/v1/payments",
            json={
                "reference": invoice["payment_reference"],
                "amount": invoice["amount_due"],
                "received_on": date.today().isoformat(),
            },
        )


def seed(gateway: str, admin_key: str) -> DemoData:
    demo = Demo(gateway, admin_key)
    run = uuid.uuid4().hex[:6]
    sku = f"DEMO-TOTAL-{run}"
    demo.call(
        "POST",
        "/v1/skus",
        json={
            "sku": sku,
            "product": "total-net",
            "name": "Total for .NET (demo)",
            "billing_plan": "perpetual",
            "prices": [{"amount": "1499.00", "currency": EUR}],
        },
    )
    seats = f"DEMO-SEATS-{run}"
    demo.call(
        "POST",
        "/v1/skus",
        json={
            "sku": seats,
            "product": "axcrypt-business",
            "name": "AxCrypt Business (demo)",
            "billing_plan": "yearly",
            "seat_based": True,
            "prices": [{"amount": "120.00", "currency": EUR}],
        },
    )
    # a new reseller that paid its first orders, and one established reseller that pays late
    alpha_name, beta_name = f"Alpha IT {run} B.V.", f"Beta Systems {run} GmbH"
    alpha, alpha_key = demo.reseller(alpha_name, "NL")
    acme = demo.customer(alpha_key, "Acme BV")
    for quantity in (1, 3, 2):
        demo.pay(alpha_key, demo.order(alpha_key, acme, sku, quantity))
    beta, beta_key = demo.reseller(beta_name, "DE", vat_id="DE136695976")
    demo.call("POST", f"/v1/resellers/{beta}/payment-facts", json={"paid_orders_delta": 3})
    globex = demo.customer(beta_key, "Globex AG")
    late = demo.order(beta_key, globex, sku, 4)
    [invoice] = demo.call("GET", f"/v1/invoices?order_id={late['id']}", beta_key)["data"]
    as_of = date.fromisoformat(invoice["due_date"]) + timedelta(days=12)
    demo.call("POST", "/v1/billing/jobs/dunning/run", json={"as_of": as_of.isoformat()})
    # seats, assigned
    subscription = demo.usable_subscription(
        beta_key, {"customer_id": globex, "sku": seats, "seats": 5, "term_months": 12}
    )
    for person in ("ann", "bob", "cat"):
        demo.call(
            "POST",
            f"/v1/subscriptions/{subscription['id']}/seat-assignments",
            beta_key,
            json={"email": f"{person}@globex.example"},
        )
    # a WaaS contract, active
    bundle = f"DEMO-LAPTOP-{run}"
    money = {"amount": "59.00", "currency": EUR}
    demo.call(
        "POST",
        "/v1/waas/bundles",
        json={
            "code": bundle,
            "name": "Laptop Essentials",
            "manufacturer": "Lenovo",
            "hardware_model": "ThinkPad T14",
            "monthly_price": money,
            "commission": {"amount": "100.00", "currency": EUR},
        },
    )
    contract = demo.call(
        "POST",
        "/v1/waas/contracts",
        alpha_key,
        json={
            "customer_id": acme,
            "bundle": bundle,
            "quantity": 5,
            "term_months": 36,
            "delivery": "customer",
        },
    )
    path = f"/v1/waas/contracts/{contract['id']}"
    demo.call("POST", f"{path}/submit", alpha_key)
    # R-WA-3: the credit officer decides, another staff key (the admin) signs for the distributor
    officer = demo.call(
        "POST", "/v1/staff-keys", json={"role": "credit_officer", "name": "demo credit officer"}
    )
    demo.call("POST", f"{path}/credit-check", officer["key"], json={"decision": "approved", "reason": "demo"})
    demo.call("POST", f"{path}/signatures", json={"party": "distributor", "signed_by": "Distributor"})
    demo.call("POST", f"{path}/signatures", alpha_key, json={"party": "customer", "signed_by": "Acme CFO"})
    print(
        f"demo data: resellers {alpha} (key {alpha_key}) and {beta} (key {beta_key}); "
        f"open {gateway}/dashboard?as_of={as_of} (the day the demo's dunning ran)"
    )
    return DemoData(
        alpha=DemoReseller(alpha, alpha_key, alpha_name),
        beta=DemoReseller(beta, beta_key, beta_name),
        as_of=as_of,
        manufacturer="Lenovo",
    )
