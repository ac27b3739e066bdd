"""A small test client for the gateway, with factories for the common set-ups.

Factories are `create_*`/`onboard_*` helpers that go through the public API
only, so every test exercises the real path (gateway → service → outbox →
broker → consumers) and tests never share state: each makes its own reseller.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import httpx

T = TypeVar("T")


def wait_until(check: Callable[[], T], *, timeout: float = 20.0, interval: float = 0.05, what: str = "") -> T:
    """Poll until `check()` is truthy — for effects that travel through the broker."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or check}")
        time.sleep(interval)


@dataclass
class Reseller:
    id: str
    key: str
    application_id: str


class Api:
    def __init__(self, client: httpx.Client, *, admin_key: str) -> None:
        self.client = client
        self.admin_key = admin_key
        self._role_keys: dict[str, str] = {"admin": admin_key}

    def call(self, method: str, path: str, key: str | None = None, **kwargs: Any) -> httpx.Response:
        headers = dict(kwargs.pop("headers", {}) or {})
        if key:
            headers["Authorization"] = f"Bearer {key}"
        return self.client.request(method, path, headers=headers, **kwargs)

    def admin(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        return self.call(method, path, self.admin_key, **kwargs)

    # -- factories ---------------------------------------------------------

    def apply(self, **overrides: Any) -> dict[str, Any]:
        body = {
            "company_name": f"Reseller {uuid.uuid4().hex[:8]} B.V.",
            "contact_email": "sales@example-reseller.nl",
            "country": "NL",
            "business_type": "reseller",
            "description": "We resell IT products to SMEs.",
            **overrides,
        }
        response = self.call(
            "POST", "/v1/reseller-applications", json=body, headers={"X-Forwarded-For": "ignored"}
        )
        assert response.status_code == 201, response.text
        return response.json()

    def onboard_reseller(
        self,
        *,
        accept_policy: bool = True,
        wait_for_ordering: bool = True,
        approve: dict[str, Any] | None = None,
        **application: Any,
    ) -> Reseller:
        app = self.apply(**application)
        approved = self.admin("POST", f"/v1/reseller-applications/{app['id']}/approve", json=approve or {})
        assert approved.status_code == 200, approved.text
        body = approved.json()
        reseller = Reseller(id=body["reseller_id"], key=body["api_key"], application_id=app["id"])
        if accept_policy:
            version = self.call("GET", "/v1/reseller-policy", reseller.key).json()["version"]
            accepted = self.call(
                "POST",
                f"/v1/resellers/{reseller.id}/policy-acceptance",
                reseller.key,
                json={"version": version, "accepted_by": "Jan de Vries"},
            )
            assert accepted.status_code == 200, accepted.text
            if wait_for_ordering:
                self.check_reseller_may_order(reseller)
        return reseller

    def staff_key(self, role: str, name: str = "test staff key") -> str:
        """A new staff key of `role` (admin, credit_officer, billing), created by the admin key."""
        created = self.admin("POST", "/v1/staff-keys", json={"role": role, "name": name})
        assert created.status_code == 201, created.text
        return str(created.json()["key"])

    def role_key(self, role: str) -> str:
        """One staff key per role for the session (the admin's is the environment's key)."""
        if role not in self._role_keys:
            self._role_keys[role] = self.staff_key(role, f"session {role}")
        return self._role_keys[role]

    def reseller_key(self, reseller: Reseller, role: str = "reseller_user") -> str:
        """Another key of `reseller` with `role`, created with its first (reseller_admin) key."""
        created = self.call(
            "POST", f"/v1/resellers/{reseller.id}/api-keys", reseller.key, json={"role": role, "name": role}
        )
        assert created.status_code == 201, created.text
        return str(created.json()["key"])

    def check_reseller_may_order(self, reseller: Reseller) -> None:
        """Ordering would take an order from the reseller now. No waiting: ordering asks onboarding
        before it refuses, so a partner's own writes are visible to its next call."""
        self.ensure_sku()
        response = self.call("GET", "/v1/orders/eligibility", reseller.key)
        assert response.status_code == 200 and response.json()["eligible"] is True, response.text

    def mails_to(self, address: str) -> list[dict[str, Any]]:
        """The mail the platform sent to `address` (development capture), newest first, every page."""
        mails: list[dict[str, Any]] = []
        params: dict[str, Any] = {"to": address, "limit": 200}
        while True:
            response = self.admin("GET", "/v1/outbound-mail", params=params)
            assert response.status_code == 200, response.text
            page = response.json()
            mails.extend(page["data"])
            if page["next_cursor"] is None:
                return mails
            params["cursor"] = page["next_cursor"]

    def create_customer(self, reseller_key: str, name: str = "Acme GmbH") -> str:
        """A domain customer (on a registered domain of its own) of the reseller with this key."""
        domain = f"customer-{uuid.uuid4().hex[:10]}.example.com"
        created = self.call(
            "POST", "/v1/customers", reseller_key, json={"kind": "domain", "name": name, "domain": domain}
        )
        assert created.status_code == 201, created.text
        return str(created.json()["id"])

    def customer_key(self, reseller_key: str, customer_id: str, name: str = "portal") -> str:
        """An API key of the customer's own, issued by its reseller."""
        issued = self.call("POST", f"/v1/customers/{customer_id}/api-keys", reseller_key, json={"name": name})
        assert issued.status_code == 201, issued.text
        return str(issued.json()["key"])

    def accept_terms(self, reseller_key: str, customer_id: str, accepted_by: str = "Eva") -> None:
        """R-CU-6: the customer, with a key of its own, accepts the vendor's terms of service."""
        accepted = self.call(
            "POST",
            f"/v1/customers/{customer_id}/terms-acceptance",
            self.customer_key(reseller_key, customer_id),
            json={"accepted_by": accepted_by},
        )
        assert accepted.status_code == 200, accepted.text

    def create_sku(self, **overrides: Any) -> dict[str, Any]:
        body = {
            "sku": f"SKU-{uuid.uuid4().hex[:10]}",
            "product": "total-docs",
            "name": "Total for .NET Developer OEM",
            "billing_plan": "perpetual",
            "prices": [{"amount": "1499.00", "currency": "EUR"}, {"amount": "1599.00", "currency": "USD"}],
            **overrides,
        }
        response = self.admin("POST", "/v1/skus", json=body)
        assert response.status_code == 201, response.text
        return response.json()

    _default_sku: dict[str, Any] | None = None

    def ensure_sku(self) -> dict[str, Any]:
        if Api._default_sku is None:
            Api._default_sku = self.create_sku()
        return Api._default_sku

    def order_body(self, sku: str, quantity: int = 1, **overrides: Any) -> dict[str, Any]:
        domain = f"acme-{uuid.uuid4().hex[:10]}.example.com"
        return {
            # a domain of its own per order: a domain another reseller's customer has would make the
            # end user a team customer (R-CU-9), which may not buy every product (R-CU-4)
            "ship_to": {"name": "Acme GmbH", "email": f"it@{domain}", "domain": domain},
            "currency": "EUR",
            "payment_method": "bank_transfer",
            "lines": [{"sku": sku, "quantity": quantity}],
            **overrides,
        }


def assert_problem(response: httpx.Response, status: int, code: str | None = None) -> dict[str, Any]:
    """The response is an RFC 9457 problem with this status (and stable code); returns its body."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json"), response.headers
    body = response.json()
    assert body["status"] == status
    if code is not None:
        assert body["code"] == code, body
    return body
