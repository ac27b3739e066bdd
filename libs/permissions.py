"""Who may call what: the one permission table (R-PL-5).

Every public operation (`METHOD /path`, the path as the route declares it) names the roles that may
call it. Every service app checks it before anything else (`authorize`, installed by
`libs.service.create_service_app` on every route), the gateway's OpenAPI document prints it into
each operation (`x-channelhub-roles`), the README's table is generated from it
(`python -m tools.permissions`), and the contract test calls every operation with every role and
expects 403 (or 404) exactly where this table says so. A `/v1/...` route missing here answers 403
to everyone (fail closed) and `tests/platform/test_permissions.py` fails.

Roles (`Caller.roles[0]`, by key kind):
- staff keys: `admin` (the environment's bootstrap key and staff keys of that role) may do
  everything staff may do; `credit_officer` decides WaaS credit checks; `billing` does billing's
  operations (payments, bank statements, credit notes, billing jobs, payment-fact corrections).
  Every staff role reads everything staff may read; operations tooling (dead letters, outbox, the
  development mail capture) and staff keys are the admin's.
- reseller keys: `reseller_user` sells (customers, orders, subscriptions, seats, contracts) and reads
  everything of its reseller except key lists; `reseller_admin` may also manage API keys (its own
  and its customers' — credentials acting as a customer), webhook endpoints (create, change, delete,
  rotate, replay), the tax profile, the partner policy acceptance and WaaS contract changes
  (terminate, extend).
- `customer`: a customer's own key (its portal): its own orders, licenses, subscriptions, contracts,
  signatures, users and terms.
- `anonymous`: no key, on the few public operations.

A role the table hides an operation from (`hidden`) gets 404, as for an object it may not see:
billing and the reports are between the vendor and its resellers, and a customer's key finds
nothing there — except the WaaS invoices the distributor sends the end customer (R-BI-6), which its
own key reads. Field-level rules (a reseller may not change a customer's `edition`) and tenant
scope (another tenant's object is a 404) are checked by the use cases.
"""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request

from libs.auth import Caller, current_caller
from libs.errors import Forbidden, NotFound, Unauthorized

ADMIN, CREDIT_OFFICER, BILLING = "admin", "credit_officer", "billing"
RESELLER_ADMIN, RESELLER_USER = "reseller_admin", "reseller_user"
CUSTOMER, ANONYMOUS = "customer", "anonymous"
STAFF_ROLES = (ADMIN, CREDIT_OFFICER, BILLING)
RESELLER_ROLES = (RESELLER_ADMIN, RESELLER_USER)
ROLES = (*STAFF_ROLES, *RESELLER_ROLES, CUSTOMER)  # every role a key can have (the table's columns)


@dataclass(frozen=True)
class Rule:
    allowed: frozenset[str]
    hidden: frozenset[str] = frozenset()  # refused with 404 instead of 403

    def answer(self, role: str) -> int:
        """200 when `role` may call the operation, else the status it is refused with."""
        if role in self.allowed:
            return 200
        if role == ANONYMOUS:
            return 401
        return 404 if role in self.hidden else 403


def _rule(*roles: str | tuple[str, ...], hidden: tuple[str, ...] = ()) -> Rule:
    flat: set[str] = set()
    for r in roles:
        flat.update((r,) if isinstance(r, str) else r)
    return Rule(frozenset(flat), frozenset(hidden))


STAFF = STAFF_ROLES
RESELLERS = RESELLER_ROLES
KEYS = ROLES  # any key
# the building blocks of the table
PUBLIC = _rule(KEYS, ANONYMOUS)
ANY_KEY = _rule(KEYS)
ADMIN_ONLY = _rule(ADMIN)
STAFF_READ = _rule(STAFF)
STAFF_READ_RESELLERS = _rule(STAFF, RESELLERS)  # reads of staff and every reseller key
STAFF_READ_RESELLERS_NOT_CUSTOMERS = _rule(STAFF, RESELLERS, hidden=(CUSTOMER,))
SELL = _rule(RESELLERS)  # a reseller's day-to-day selling, not staff
SELL_OR_ADMIN = _rule(ADMIN, RESELLERS)
RESELLER_ADMIN_OR_ADMIN = _rule(ADMIN, RESELLER_ADMIN)
BILLING_OPS = _rule(ADMIN, BILLING)
BILLING_READ = _rule(STAFF, RESELLERS, hidden=(CUSTOMER,))
# R-BI-6: the end customer is the debtor of its WaaS invoices and reads them (its own only: use case)
INVOICE_READ = _rule(STAFF, RESELLERS, CUSTOMER)

OPS = {  # every service's operations routes (libs.ops, libs.job_routes); `{service}` is its name
    "GET /v1/ops/{service}/failed-events": ADMIN_ONLY,
    "POST /v1/ops/{service}/failed-events/{failed_id}/redrive": ADMIN_ONLY,
    "GET /v1/ops/{service}/outbox/parked": ADMIN_ONLY,
    "POST /v1/ops/{service}/outbox/parked/{row_id}/retry": ADMIN_ONLY,
    "POST /v1/ops/{service}/outbox/republish": ADMIN_ONLY,
    "POST /v1/{service}/jobs/{name}/run": ADMIN_ONLY,
    "GET /v1/{service}/jobs/{name}/runs": STAFF_READ,
}

TABLE: dict[str, Rule] = {
    # --- gateway ---
    "GET /v1/me": ANY_KEY,
    # --- onboarding: applications, resellers, policy, programs ---
    "POST /v1/reseller-applications": PUBLIC,
    "GET /v1/reseller-applications": STAFF_READ,
    "GET /v1/reseller-applications/{application_id}": STAFF_READ,
    "POST /v1/reseller-applications/{application_id}/approve": ADMIN_ONLY,
    "POST /v1/reseller-applications/{application_id}/reject": ADMIN_ONLY,
    "GET /v1/reseller-policy": ANY_KEY,
    "POST /v1/reseller-policy": ADMIN_ONLY,
    "GET /v1/resellers/{reseller_id}": STAFF_READ_RESELLERS,
    "PATCH /v1/resellers/{reseller_id}": ADMIN_ONLY,
    "POST /v1/resellers/{reseller_id}/policy-acceptance": RESELLER_ADMIN_OR_ADMIN,
    "POST /v1/resellers/{reseller_id}/api-keys": RESELLER_ADMIN_OR_ADMIN,
    "GET /v1/resellers/{reseller_id}/api-keys": _rule(STAFF, RESELLER_ADMIN),
    "DELETE /v1/resellers/{reseller_id}/api-keys/{key_id}": RESELLER_ADMIN_OR_ADMIN,
    "POST /v1/resellers/{reseller_id}/payment-facts": BILLING_OPS,
    "PUT /v1/resellers/{reseller_id}/tax-exemption-certificate": RESELLER_ADMIN_OR_ADMIN,
    "GET /v1/resellers/{reseller_id}/tax-exemption-certificates": STAFF_READ_RESELLERS,
    "PATCH /v1/resellers/{reseller_id}/tax-profile": RESELLER_ADMIN_OR_ADMIN,
    "POST /v1/resellers/{reseller_id}/tax-profile-changes": _rule(RESELLER_ADMIN),
    "GET /v1/resellers/{reseller_id}/tax-profile-changes": STAFF_READ_RESELLERS,
    "POST /v1/resellers/{reseller_id}/tax-profile-changes/{change_id}/approve": ADMIN_ONLY,
    "POST /v1/resellers/{reseller_id}/tax-profile-changes/{change_id}/reject": ADMIN_ONLY,
    "GET /v1/programs": STAFF_READ,
    "PATCH /v1/programs/{program_id}": ADMIN_ONLY,
    "POST /v1/staff-keys": ADMIN_ONLY,
    "GET /v1/staff-keys": ADMIN_ONLY,
    "DELETE /v1/staff-keys/{key_id}": ADMIN_ONLY,
    # --- onboarding: customers ---
    "POST /v1/customers": SELL,
    "GET /v1/customers": ANY_KEY,
    "POST /v1/customers/import": SELL,
    "GET /v1/customers/{customer_id}": ANY_KEY,
    "PATCH /v1/customers/{customer_id}": SELL_OR_ADMIN,  # `edition`: staff only (use case)
    "POST /v1/customers/{customer_id}/api-keys": RESELLER_ADMIN_OR_ADMIN,
    "GET /v1/customers/{customer_id}/api-keys": _rule(STAFF, RESELLER_ADMIN),
    "DELETE /v1/customers/{customer_id}/api-keys/{key_id}": RESELLER_ADMIN_OR_ADMIN,
    "POST /v1/customers/{customer_id}/domain-verification": _rule(ADMIN, RESELLERS, CUSTOMER),
    "POST /v1/customers/{customer_id}/terms-acceptance": _rule(ADMIN, RESELLERS, CUSTOMER),
    "POST /v1/customers/{customer_id}/transfer-tokens": _rule(ADMIN, CUSTOMER),
    "POST /v1/customers/{customer_id}/users": _rule(ADMIN, RESELLERS, CUSTOMER),
    "GET /v1/customers/{customer_id}/users": ANY_KEY,
    # --- ordering: catalog ---
    "GET /v1/products": ANY_KEY,
    "POST /v1/products": ADMIN_ONLY,
    "GET /v1/skus": ANY_KEY,
    "POST /v1/skus": ADMIN_ONLY,
    "GET /v1/skus/{sku}": ANY_KEY,
    "POST /v1/skus/{sku}/prices": ADMIN_ONLY,
    # --- ordering: orders and subscriptions ---
    "POST /v1/orders": SELL,
    "GET /v1/orders": ANY_KEY,
    "GET /v1/orders/eligibility": SELL,
    "GET /v1/orders/{order_id}": ANY_KEY,
    "POST /v1/orders/{order_id}/cancel": SELL_OR_ADMIN,
    "POST /v1/orders/{order_id}/handover": SELL_OR_ADMIN,
    "POST /v1/subscriptions": SELL,
    "GET /v1/subscriptions": ANY_KEY,
    "GET /v1/subscriptions/{subscription_id}": ANY_KEY,
    "POST /v1/subscriptions/{subscription_id}/convert": SELL,
    "POST /v1/subscriptions/{subscription_id}/renew": SELL,
    "GET /v1/subscriptions/{subscription_id}/seat-quote": STAFF_READ_RESELLERS,
    "POST /v1/subscriptions/{subscription_id}/seats": SELL_OR_ADMIN,
    # --- licensing ---
    "GET /v1/license-signing-keys": PUBLIC,
    "GET /v1/licenses": ANY_KEY,
    "GET /v1/licenses/{license_id}": ANY_KEY,
    "GET /v1/licenses/{license_id}/file": ANY_KEY,
    "POST /v1/orders/{order_id}/temporary-license": SELL_OR_ADMIN,
    "GET /v1/subscriptions/{subscription_id}/seat-assignments": STAFF_READ_RESELLERS,
    "POST /v1/subscriptions/{subscription_id}/seat-assignments": SELL_OR_ADMIN,
    "DELETE /v1/subscriptions/{subscription_id}/seat-assignments/{email}": SELL_OR_ADMIN,
    "POST /v1/seat-invitations/activate": PUBLIC,  # the token is the credential
    "POST /v1/seat-invitations/{token}/activate": PUBLIC,  # deprecated: the token in the path
    # --- billing (a customer's key finds nothing here: 404) ---
    "GET /v1/invoices": INVOICE_READ,
    "GET /v1/invoices/{invoice_id}": INVOICE_READ,
    "GET /v1/invoices/{invoice_id}/pdf": INVOICE_READ,
    "GET /v1/invoices/{invoice_id}/ubl": INVOICE_READ,
    "POST /v1/invoices/{invoice_id}/credit-note": BILLING_OPS,
    "GET /v1/credit-notes": BILLING_READ,
    "GET /v1/credit-notes/{credit_note_id}": BILLING_READ,
    "GET /v1/credit-notes/{credit_note_id}/pdf": BILLING_READ,
    "GET /v1/credit-notes/{credit_note_id}/ubl": BILLING_READ,
    "POST /v1/payments": BILLING_OPS,
    "GET /v1/payments": BILLING_READ,
    "GET /v1/payments/{payment_id}": BILLING_READ,
    "POST /v1/payments/{payment_id}/assign": BILLING_OPS,
    "POST /v1/bank-statements": BILLING_OPS,
    "GET /v1/resellers/{reseller_id}/credit-balance": BILLING_READ,
    "POST /v1/resellers/{reseller_id}/credit-balance/refunds": BILLING_OPS,
    "GET /v1/resellers/{reseller_id}/statements": BILLING_READ,
    "GET /v1/statements/{statement_id}": BILLING_READ,
    "GET /v1/statements/{statement_id}/pdf": BILLING_READ,
    "GET /v1/resellers/{reseller_id}/commission-statements": BILLING_READ,
    "GET /v1/resellers/{reseller_id}/commissions": BILLING_READ,
    "POST /v1/billing/jobs/{name}/run": BILLING_OPS,
    # --- leasing (WaaS) ---
    "GET /v1/waas/bundles": ANY_KEY,
    "POST /v1/waas/bundles": ADMIN_ONLY,
    "GET /v1/waas/bundles/{code}": ANY_KEY,
    "GET /v1/waas/commissions": STAFF_READ_RESELLERS,
    "POST /v1/waas/contracts": SELL,
    "GET /v1/waas/contracts": ANY_KEY,
    "GET /v1/waas/contracts/{contract_id}": ANY_KEY,
    "POST /v1/waas/contracts/{contract_id}/submit": SELL_OR_ADMIN,
    "POST /v1/waas/contracts/{contract_id}/credit-check": _rule(ADMIN, CREDIT_OFFICER),
    # the distributor's signature is an admin's (never by the key that decided the credit check,
    # R-WA-3); the customer's is its own key's, or its reseller's recording it
    "POST /v1/waas/contracts/{contract_id}/signatures": _rule(ADMIN, RESELLERS, CUSTOMER),
    "POST /v1/waas/contracts/{contract_id}/extend": _rule(ADMIN, RESELLER_ADMIN, CUSTOMER),
    "POST /v1/waas/contracts/{contract_id}/extensions/{extension_id}/accept": _rule(ADMIN, CUSTOMER),
    "GET /v1/waas/contracts/{contract_id}/schedule": ANY_KEY,
    "POST /v1/waas/contracts/{contract_id}/terminate": RESELLER_ADMIN_OR_ADMIN,
    "POST /v1/waas/contracts/{contract_id}/return": SELL_OR_ADMIN,
    "POST /v1/waas/hardware-requests": SELL,
    "GET /v1/waas/hardware-requests": STAFF_READ_RESELLERS,
    "GET /v1/waas/hardware-requests/{request_id}": STAFF_READ_RESELLERS,
    "POST /v1/waas/hardware-requests/{request_id}/decision": ADMIN_ONLY,
    # --- notifications ---
    "GET /v1/webhook-event-types": PUBLIC,
    "POST /v1/webhook-endpoints": _rule(RESELLER_ADMIN),
    "GET /v1/webhook-endpoints": STAFF_READ_RESELLERS,
    "GET /v1/webhook-endpoints/{endpoint_id}": STAFF_READ_RESELLERS,
    "PATCH /v1/webhook-endpoints/{endpoint_id}": RESELLER_ADMIN_OR_ADMIN,
    "DELETE /v1/webhook-endpoints/{endpoint_id}": RESELLER_ADMIN_OR_ADMIN,
    "GET /v1/webhook-endpoints/{endpoint_id}/deliveries": STAFF_READ_RESELLERS,
    "POST /v1/webhook-endpoints/{endpoint_id}/deliveries/replay": RESELLER_ADMIN_OR_ADMIN,
    "POST /v1/webhook-endpoints/{endpoint_id}/deliveries/{delivery_id}/replay": RESELLER_ADMIN_OR_ADMIN,
    "POST /v1/webhook-endpoints/{endpoint_id}/rotate-secret": RESELLER_ADMIN_OR_ADMIN,
    "GET /v1/outbound-mail": ADMIN_ONLY,
    "GET /v1/outbound-mail/{mail_id}": ADMIN_ONLY,
    "GET /v1/outbound-mail/{mail_id}/attachments/{filename}": ADMIN_ONLY,
    # --- reports (a customer's key finds nothing here: 404) ---
    "GET /v1/reports/sales": STAFF_READ_RESELLERS_NOT_CUSTOMERS,
    "GET /v1/reports/receivables-aging": STAFF_READ_RESELLERS_NOT_CUSTOMERS,
    "GET /v1/reports/commissions": STAFF_READ_RESELLERS_NOT_CUSTOMERS,
    "GET /v1/reports/seat-utilisation": STAFF_READ_RESELLERS_NOT_CUSTOMERS,
    "GET /v1/reports/overdue-resellers": STAFF_READ_RESELLERS_NOT_CUSTOMERS,
    "GET /v1/reports/waas-contracts": STAFF_READ_RESELLERS_NOT_CUSTOMERS,
    "GET /v1/reports/summary": STAFF_READ_RESELLERS_NOT_CUSTOMERS,
    "GET /v1/reports/resellers": STAFF_READ_RESELLERS_NOT_CUSTOMERS,
    "GET /v1/reports/manufacturers": STAFF_READ_RESELLERS_NOT_CUSTOMERS,
    # a manufacturer's sell-out report lists every partner's sales (R-WA-9): staff's alone
    "GET /v1/reports/sell-out": STAFF_READ,
}
DENY_ALL = Rule(frozenset())


def rule_for(method: str, path: str, service: str | None = None) -> Rule:
    """The rule of `METHOD path` (the route's declared path); a route the table misses: nobody."""
    method = "GET" if method == "HEAD" else method
    rule = TABLE.get(f"{method} {path}")
    if rule is None and service:
        rule = OPS.get(f"{method} {path.replace(f'/{service}/', '/{service}/', 1)}")
    return rule or DENY_ALL


def is_declared(method: str, path: str, service: str | None = None) -> bool:
    return rule_for(method, path, service) is not DENY_ALL


def role_of(caller: Caller) -> str:
    """The caller's role in the table: a staff or reseller key's role, `customer` for every customer
    key, `anonymous` without a key."""
    if caller.kind == "customer":
        return CUSTOMER
    if caller.kind in ("staff", "reseller") and caller.roles:
        return caller.roles[0]
    return ANONYMOUS if caller.kind == "anonymous" else caller.kind


async def authorize(request: Request) -> None:
    """The table's answer for this route and caller, before any other dependency or the body."""
    route = request.scope.get("route")
    path: str | None = getattr(route, "path_format", None)
    if path is None or not path.startswith("/v1/"):
        return  # probes and /internal/... (service or scoped tokens, checked by their own dependency)
    caller = await current_caller(request)
    service = request.app.state.settings.service
    role = role_of(caller)
    answer = rule_for(request.method, path, service).answer(role)
    if answer == 200:
        return
    if answer == 401:
        raise Unauthorized("an API key is required")
    if answer == 404:
        raise NotFound("no such resource")
    raise Forbidden(f"the {role} role may not call {request.method} {path}")


def markdown(operations: list[tuple[str, str, str | None]]) -> str:
    """The README's table: one row per operation (method, path, service), one column per role."""
    head = ["operation", *ROLES, "no key"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    marks = {200: "✓", 401: "", 403: "", 404: "404"}
    seen: set[str] = set()
    for method, path, service in operations:
        rule = rule_for(method, path, service)
        name = f"{method} {path}"
        if name not in TABLE and service:  # one row for every service's operations routes
            name = f"{method} {path.replace(f'/{service}/', '/{service}/', 1)}"
        if name in seen:
            continue
        seen.add(name)
        cells = [marks[rule.answer(role)] for role in (*ROLES, ANONYMOUS)]
        lines.append(f"| `{name}` | " + " | ".join(cells) + " |")
    return "\n".join(lines)
