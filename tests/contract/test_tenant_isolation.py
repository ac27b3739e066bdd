"""Tenant isolation, generated from the OpenAPI: every operation with an object id in its path is
called by other tenants with real ids that belong to a first reseller.

The rule (CONTRIBUTING: "another tenant's object is a 404"):
- the intruders are a second reseller's key and a customer key of that second reseller's customer;
- the answer must be 404 — never 200 (a leak), never 5xx, and never 403 *about the object*;
- 403 is accepted only when the permission table refuses the caller's role for the operation as a
  whole (`x-channelhub-roles` in the document, from `libs.permissions`: e.g. a reseller on a
  staff-only route, a customer on a reseller-only route). Such a 403 says nothing about the id, and
  the test proves it: the same call with an id that exists nowhere must get the very same 403.
- path parameters naming shared, non-tenant objects (a catalog SKU, a program, a job, a dead
  letter) are filled with real values too; an operation with *only* such parameters is not tenant
  data and is checked only where its role check applies.
An operation whose path parameter has no mapping below FAILS the test, asking for one: a new
service's routes are covered as soon as they are in `openapi/gateway.json`.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.core import NOT_SET

from libs.testing.api import Api, Reseller, wait_until
from services.gateway.routing import OPENAPI_FILE

DOCUMENT = json.loads(OPENAPI_FILE.read_text())
SCHEMA = schemathesis.openapi.from_dict(DOCUMENT)
ROLES = {"reseller": "reseller_admin", "customer": "customer"}  # the intruders' keys' roles
TENANT_OWNED = {
    "reseller_id",
    "customer_id",
    "order_id",
    "subscription_id",
    "application_id",
    "key_id",
    "change_id",
    "invoice_id",
    "payment_id",
    "statement_id",
    "credit_note_id",
    "license_id",
    "email",
    "endpoint_id",
    "delivery_id",
    "contract_id",
    "extension_id",
    "request_id",
}
SHARED = {
    "sku",
    "program_id",
    "failed_id",
    "name",
    "row_id",
    "token",
}  # catalog, programs, jobs, dead letters, outbox, invitations
# Valid bodies where the schema cannot say everything the service checks (an e-mail address, a
# domain, a date range): a generated body would be refused (422) before the object is looked up.
BODIES: dict[str, dict[str, Any]] = {
    "PATCH /v1/customers/{customer_id}": {"name": "Renamed GmbH"},
    "POST /v1/customers/{customer_id}/domain-verification": {"domain": "verified-example.com"},
    "POST /v1/customers/{customer_id}/users": {"email": "user@example.com"},
    "PUT /v1/resellers/{reseller_id}/tax-exemption-certificate": {
        "state": "CA",
        "number": "EX-1",
        "valid_from": "2026-01-01",
        "valid_until": "2027-01-01",
    },
    "PATCH /v1/resellers/{reseller_id}/tax-profile": {"country": "NL", "vat_id": "NL123456789B01"},
    "POST /v1/resellers/{reseller_id}/tax-profile-changes": {"country": "NL", "vat_id": "NL123456789B01"},
    "POST /v1/resellers/{reseller_id}/tax-profile-changes/{change_id}/reject": {"reason": "not ours"},
    "POST /v1/subscriptions/{subscription_id}/seat-assignments": {"email": "intruder@example.com"},
    "PATCH /v1/webhook-endpoints/{endpoint_id}": {"description": "mine now"},
    "POST /v1/waas/contracts/{contract_id}/signatures": {"party": "customer", "signed_by": "Intruder"},
    "POST /v1/waas/contracts/{contract_id}/extend": {"months": 1},
    "POST /v1/waas/contracts/{contract_id}/terminate": {},
    "POST /v1/waas/contracts/{contract_id}/return": {
        "method": "self",
        "wipe_certificate_id": "C",
        "wiping_company": "W",
    },
    "POST /v1/webhook-endpoints/{endpoint_id}/deliveries/replay": {
        "from": "2026-01-01T00:00:00Z",
        "to": "2030-01-01T00:00:00Z",
    },
}


def path_operations() -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method.upper(), path, op)
        for path, operations in DOCUMENT["paths"].items()
        for method, op in operations.items()
        if "{" in path
    ]


@dataclass
class Owner:
    """A first reseller and one of each object it owns, by path parameter name."""

    reseller: Reseller
    ids: dict[str, str]


@pytest.fixture(scope="module")
def owner(api: Api) -> Owner:
    reseller = api.onboard_reseller()
    customer_id = api.create_customer(reseller.key, "Owned GmbH")
    order = api.call("POST", "/v1/orders", reseller.key, json=api.order_body(api.ensure_sku()["sku"]))
    assert order.status_code == 201, order.text
    seats = api.create_sku(
        billing_plan="yearly", seat_based=True, prices=[{"amount": "120.00", "currency": "EUR"}]
    )
    subscription_body = {"customer_id": customer_id, "sku": seats["sku"], "seats": 2, "term_months": 12}
    idempotency = {"Idempotency-Key": uuid.uuid4().hex}  # a refused try leaves no key behind

    def subscribe() -> Any:  # ordering learns the customer from onboarding's event
        r = api.call("POST", "/v1/subscriptions", reseller.key, json=subscription_body, headers=idempotency)
        return r.json() if r.status_code == 201 else None

    subscription = wait_until(subscribe, what="ordering to accept a subscription for the new customer")
    key_id = api.call("GET", f"/v1/resellers/{reseller.id}/api-keys", reseller.key).json()[0]["id"]
    program = api.admin("GET", "/v1/programs").json()[0]["id"]
    change = api.call(
        "POST", f"/v1/resellers/{reseller.id}/tax-profile-changes", reseller.key, json={"state": None}
    )
    assert change.status_code == 201, change.text
    # billing: the order's invoice, a payment on it, and a monthly statement listing it
    [invoice] = api.call("GET", "/v1/invoices", reseller.key, params={"order_id": order.json()["id"]}).json()[
        "data"
    ]
    payment = api.admin(
        "POST",
        "/v1/payments",
        json={
            "reference": invoice["payment_reference"],
            "amount": money_of("1.00"),
            "received_on": "2026-01-05",
        },
    )
    assert payment.status_code == 201, payment.text
    as_of = {"as_of": invoice["issue_date"]}
    assert api.admin("POST", "/v1/billing/jobs/monthly-statements/run", json=as_of).status_code == 200
    [statement] = api.call("GET", f"/v1/resellers/{reseller.id}/statements", reseller.key).json()
    credit_note = api.admin(
        "POST", f"/v1/invoices/{invoice['id']}/credit-note", json={"reason": "x", "amount": money_of("1.00")}
    )
    assert credit_note.status_code == 201, credit_note.text
    # licensing: a temporary license for an order of the owner's customer awaiting its prepayment
    for_customer = {**api.order_body(api.ensure_sku()["sku"]), "customer_id": customer_id}
    del for_customer["ship_to"]
    awaiting = api.call("POST", "/v1/orders", reseller.key, json=for_customer)
    assert awaiting.status_code == 201, awaiting.text
    temporary = api.call("POST", f"/v1/orders/{awaiting.json()['id']}/temporary-license", reseller.key)
    assert temporary.status_code == 201, temporary.text
    # notifications: an endpoint of the owner and one delivery of it (the order placed next)
    endpoint = api.call(
        "POST",
        "/v1/webhook-endpoints",
        reseller.key,
        json={"url": "http://127.0.0.1:9/hooks", "event_types": ["ordering.order.placed.v1"]},
    )
    assert endpoint.status_code == 201, endpoint.text
    endpoint_id = endpoint.json()["id"]
    assert api.call("POST", "/v1/orders", reseller.key, json=for_customer).status_code == 201

    def delivery() -> str | None:
        log = api.call("GET", f"/v1/webhook-endpoints/{endpoint_id}/deliveries", reseller.key).json()["data"]
        return log[0]["id"] if log else None

    delivery_id = wait_until(delivery, what="a delivery to the owner's endpoint")
    # leasing: a bundle (shared catalog), a draft contract and a hardware request of the owner
    bundle_code = f"WAAS-{uuid.uuid4().hex[:8]}"
    money = {"amount": "59.00", "currency": "EUR"}
    bundle = {
        "code": bundle_code,
        "name": "b",
        "manufacturer": "Dell",
        "hardware_model": "m",
        "monthly_price": money,
        "commission": money,
    }
    assert api.admin("POST", "/v1/waas/bundles", json=bundle).status_code == 201
    contract = api.call(
        "POST",
        "/v1/waas/contracts",
        reseller.key,
        json={"customer_id": customer_id, "bundle": bundle_code, "term_months": 12, "delivery": "partner"},
    )
    assert contract.status_code == 201, contract.text
    hardware = api.call(
        "POST",
        "/v1/waas/hardware-requests",
        reseller.key,
        json={"customer_id": customer_id, "description": "x", "quantity": 1},
    )
    assert hardware.status_code == 201, hardware.text
    return Owner(
        reseller,
        {
            "reseller_id": reseller.id,
            "customer_id": customer_id,
            "order_id": order.json()["id"],
            "subscription_id": subscription["id"],
            "application_id": reseller.application_id,
            "key_id": key_id,
            "sku": seats["sku"],
            "program_id": program,
            "failed_id": "1",
            "name": "expire-trials",
            "change_id": change.json()["id"],
            "row_id": "1",
            "invoice_id": invoice["id"],
            "payment_id": payment.json()["id"],
            "statement_id": statement["id"],
            "credit_note_id": credit_note.json()["id"],
            "license_id": temporary.json()["id"],
            "email": "seat-holder@example.com",
            # an invitation token is a credential, not a tenant's id: an unknown one is a 404 for anyone
            "token": "inv_" + uuid.uuid4().hex,
            "endpoint_id": endpoint_id,
            "delivery_id": delivery_id,
            "mail_id": "nowhere",
            "filename": "nothing.pdf",
            "contract_id": contract.json()["id"],
            # a draft has no extension: the contract (another tenant's) is what the 404 is about
            "extension_id": str(uuid.uuid4()),
            "request_id": hardware.json()["id"],
            "code": bundle_code,
        },
    )


@pytest.fixture(scope="module")
def intruders(api: Api) -> dict[str, str]:
    """Another tenant: a second reseller, and a customer of that reseller (its own key)."""
    other = api.onboard_reseller(wait_for_ordering=False)
    customer = api.call(
        "POST",
        "/v1/customers",
        other.key,
        json={"kind": "domain", "name": "Other GmbH", "domain": f"other-{uuid.uuid4().hex[:8]}.com"},
    ).json()
    key = api.call("POST", f"/v1/customers/{customer['id']}/api-keys", other.key, json={"name": "portal"})
    assert key.status_code == 201, key.text
    return {"reseller": other.key, "customer": key.json()["key"]}


def money_of(amount: str) -> dict[str, str]:
    return {"amount": amount, "currency": "EUR"}


def nowhere(name: str, value: str) -> str:
    """An id of the same shape that no object has."""
    try:
        uuid.UUID(value)
    except ValueError:
        return value if name in SHARED else f"{value}-nowhere"
    return str(uuid.uuid4())


def calls(operation: Any, path_parameters: dict[str, str], key: str, base_url: str) -> list[int]:
    """The statuses of a few valid calls (bodies and queries generated or from BODIES) with these ids."""
    statuses: list[int] = []
    headers = {"Authorization": f"Bearer {key}"}
    body = BODIES.get(f"{operation.method.upper()} {operation.path}", NOT_SET)

    @settings(
        max_examples=3,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(path_parameters=path_parameters, body=body))
    def run(case: Any) -> None:
        statuses.append(case.call(base_url=base_url, headers=headers).status_code)

    run()
    return statuses


@pytest.mark.parametrize(
    ("method", "path", "op"), path_operations(), ids=[f"{m} {p}" for m, p, _ in path_operations()]
)
def test_another_tenants_object_is_404(
    method: str, path: str, op: dict[str, Any], api: Api, owner: Owner, intruders: dict[str, str]
) -> None:
    names = [p["name"] for p in op.get("parameters", []) if p["in"] == "path"]
    unmapped = [n for n in names if n not in owner.ids]
    assert not unmapped, (
        f"{method} {path}: no real id for path parameter(s) {unmapped}; add them to Owner.ids "
        "(and to TENANT_OWNED or SHARED) in tests/contract/test_tenant_isolation.py"
    )
    allowed = set(op["x-channelhub-roles"]) | set(op.get("x-channelhub-hidden-from", []))
    tenant_data = any(n in TENANT_OWNED for n in names)
    operation = SCHEMA[path][method]
    base_url = str(api.client.base_url).rstrip("/")
    ids = {n: owner.ids[n] for n in names}
    for kind, key in intruders.items():
        role_refused = ROLES[kind] not in allowed
        if not tenant_data and not role_refused:
            continue  # a shared object the caller may see: not a tenant question
        statuses = calls(operation, ids, key, base_url)
        if role_refused:
            elsewhere = calls(operation, {n: nowhere(n, v) for n, v in ids.items()}, key, base_url)
            assert set(statuses) == set(elsewhere) == {403}, (
                f"{kind} on {method} {path}: the role check must refuse alike for any id, got "
                f"{statuses} for the owner's ids and {elsewhere} for ids that exist nowhere"
            )
        else:
            assert set(statuses) == {404}, f"{kind} on {method} {path} with the owner's ids: {statuses}"
