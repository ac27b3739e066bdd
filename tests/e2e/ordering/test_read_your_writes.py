"""Read-your-writes across services: a write acknowledged by the gateway is usable by the same
caller's very next call, through any service — tried as a partner system would, back to back,
without polling an eligibility endpoint in between (and without any wait in these tests).

Ordering's read models lag onboarding by some 100 ms; ordering asks onboarding before it refuses
(`services/ordering/usecases/readmodels.py`), so the sequences below never fail.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable
from decimal import Decimal

import httpx

from libs.db import UnitOfWork
from libs.events.onboarding import CustomerSnapshot, ResellerSnapshot
from libs.testing.api import Api, assert_problem
from services.ordering.models import CustomerView, ResellerView
from services.ordering.usecases import readmodels
from tests.e2e.ordering.conftest import OrderingDb
from tools.devstack.stack import Stack

# Each sequence orders within milliseconds of the write it depends on, long before the event reaches
# ordering's read model (~100 ms): every one of them takes the ask-the-owner path, so a few hundred
# already try it under eight concurrent partners; more would only lengthen `make test`.
CUSTOMER_SEQUENCES = 120
RESELLER_SEQUENCES = 50
WORKERS = 8  # concurrent partner systems, each running its sequences back to back


async def run_sequences(
    stack: Stack, count: int, sequence: Callable[[httpx.AsyncClient, int], Awaitable[str | None]]
) -> list[str]:
    """Run `count` sequences on WORKERS concurrent tasks; the failures, described."""
    limits = httpx.Limits(max_connections=WORKERS * 2)
    async with httpx.AsyncClient(base_url=stack.gateway_url, timeout=30, limits=limits) as client:

        async def worker(w: int) -> list[str]:
            failures = []
            for i in range(w, count, WORKERS):
                if (failure := await sequence(client, i)) is not None:
                    failures.append(failure)
            return failures

        results = await asyncio.gather(*(worker(w) for w in range(WORKERS)))
    return [failure for failures in results for failure in failures]


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def failed(step: str, i: int, response: httpx.Response) -> str:
    return f"sequence {i}, {step}: {response.status_code} {response.text[:300]}"


async def test_create_customer_then_order_at_once_never_fails(api: Api, stack: Stack) -> None:
    resellers = [api.onboard_reseller() for _ in range(WORKERS)]
    sku = api.ensure_sku()["sku"]

    async def sequence(client: httpx.AsyncClient, i: int) -> str | None:
        key = resellers[i % WORKERS].key
        created = await client.post(
            "/v1/customers",
            headers=bearer(key),
            json={
                "kind": "domain",
                "name": f"Customer {i}",
                "domain": f"{uuid.uuid4().hex[:12]}.example.com",
            },
        )
        if created.status_code != 201:
            return failed("create customer", i, created)
        order = await client.post(
            "/v1/orders",
            headers=bearer(key),
            json={
                "customer_id": created.json()["id"],
                "currency": "EUR",
                "payment_method": "bank_transfer",
                "lines": [{"sku": sku, "quantity": 1}],
            },
        )
        return None if order.status_code == 201 else failed("order", i, order)

    assert await run_sequences(stack, CUSTOMER_SEQUENCES, sequence) == []


async def test_approve_accept_policy_then_order_at_once_never_fails(api: Api, stack: Stack) -> None:
    sku = api.ensure_sku()["sku"]
    admin = bearer(api.admin_key)

    async def sequence(client: httpx.AsyncClient, i: int) -> str | None:
        applied = await client.post(
            "/v1/reseller-applications",
            json={
                "company_name": f"Partner {uuid.uuid4().hex[:8]} B.V.",
                "contact_email": "sales@partner.example.nl",
                "country": "NL",
                "business_type": "reseller",
                "description": "We resell IT products to SMEs.",
            },
        )
        if applied.status_code != 201:
            return failed("apply", i, applied)
        approved = await client.post(
            f"/v1/reseller-applications/{applied.json()['id']}/approve", headers=admin, json={}
        )
        if approved.status_code != 200:
            return failed("approve", i, approved)
        reseller_id, key = approved.json()["reseller_id"], approved.json()["api_key"]
        policy = await client.get("/v1/reseller-policy", headers=bearer(key))
        if policy.status_code != 200:
            return failed("read policy", i, policy)
        accepted = await client.post(
            f"/v1/resellers/{reseller_id}/policy-acceptance",
            headers=bearer(key),
            json={"version": policy.json()["version"], "accepted_by": "Jan de Vries"},
        )
        if accepted.status_code != 200:
            return failed("accept policy", i, accepted)
        order = await client.post("/v1/orders", headers=bearer(key), json=api.order_body(sku))
        return None if order.status_code == 201 else failed("order", i, order)

    assert await run_sequences(stack, RESELLER_SEQUENCES, sequence) == []


def test_verify_domain_then_order_a_product_closed_to_team_customers_at_once(api: Api) -> None:
    """R-CU-4 after the partner's own domain verification: ordering asks before refusing."""
    reseller = api.onboard_reseller()
    sku = api.ensure_sku()["sku"]  # its product does not allow team customers
    for i in range(20):
        team = api.call(
            "POST",
            "/v1/customers",
            reseller.key,
            json={
                "kind": "team",
                "name": f"Team {i}",
                "primary_email": f"o-{uuid.uuid4().hex[:8]}@gmail.example",
            },
        )
        assert team.status_code == 201, team.text
        body = {**api.order_body(sku), "ship_to": None, "customer_id": team.json()["id"]}
        assert_problem(
            api.call("POST", "/v1/orders", reseller.key, json=body), 422, "product-not-for-team-customers"
        )
        verified = api.call(
            "POST",
            f"/v1/customers/{team.json()['id']}/domain-verification",
            reseller.key,
            json={"domain": f"{uuid.uuid4().hex[:12]}.example.com"},
        )
        assert verified.status_code == 200, verified.text
        order = api.call("POST", "/v1/orders", reseller.key, json=body)
        assert order.status_code == 201, order.text


def test_partner_prices_are_shown_right_after_approval(api: Api) -> None:
    reseller = api.onboard_reseller(accept_policy=False)
    sku = api.create_sku()
    seen = api.call("GET", f"/v1/skus/{sku['sku']}", reseller.key)
    assert seen.status_code == 200, seen.text
    assert {"amount": "1349.10", "currency": "EUR"} in seen.json()["partner_price"]


def test_the_owner_still_refuses_what_it_refuses(api: Api) -> None:
    """Asking onboarding is no way around its answer: a pending reseller is refused at once, and a
    customer of another reseller stays unknown."""
    sku = api.ensure_sku()["sku"]
    pending = api.onboard_reseller(accept_policy=False)
    refused = api.call("POST", "/v1/orders", pending.key, json=api.order_body(sku))
    assert_problem(refused, 422, "reseller-cannot-order")

    owner, stranger = api.onboard_reseller(), api.onboard_reseller()
    body = {**api.order_body(sku), "ship_to": None, "customer_id": api.create_customer(owner.key, "Theirs")}
    assert_problem(api.call("POST", "/v1/orders", stranger.key, json=body), 422, "unknown-customer")
    assert_problem(
        api.call("POST", "/v1/orders", stranger.key, json={**body, "customer_id": str(uuid.uuid4())}),
        422,
        "unknown-customer",
    )


def _reseller(reseller_id: uuid.UUID, version: int, status: str) -> ResellerSnapshot:
    return ResellerSnapshot(
        reseller_id=reseller_id,
        version=version,
        company_name=f"Version {version} B.V.",
        contact_email="sales@example.nl",
        status=status,  # type: ignore[arg-type]
        standing="new",
        discount_percent=Decimal("10.00"),
        paid_orders=0,
        credit_limit=Decimal("0"),
        credit_currency="EUR",
        country="NL",
        state=None,
        vat_id=None,
        vat_id_valid=False,
        policy_version_accepted=1 if status == "active" else None,
    )


def test_an_older_snapshot_never_regresses_a_refreshed_row(ordering_db: OrderingDb) -> None:
    """Refresh and events share one version-guarded upsert: whichever arrives later, the newest
    snapshot stays (an event older than a refresh is a no-op)."""
    reseller_id, customer_id, owner = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()

    def customer(version: int, reseller: uuid.UUID) -> CustomerSnapshot:
        return CustomerSnapshot(
            customer_id=customer_id,
            reseller_id=reseller,
            version=version,
            kind="domain",
            name=f"v{version}",
            domain=None,
            primary_email=None,
            education=False,
            terms_accepted=False,
        )

    async def work(uow: UnitOfWork) -> tuple[tuple[int, str], tuple[int, uuid.UUID]]:
        s = uow.session
        await readmodels.RESELLERS.upsert(uow, _reseller(reseller_id, 3, "active"))  # the refresh
        await readmodels.RESELLERS.upsert(uow, _reseller(reseller_id, 1, "pending_policy"))  # late event
        await readmodels.RESELLERS.upsert(uow, _reseller(reseller_id, 3, "pending_policy"))  # same version
        await readmodels.CUSTOMERS.upsert(uow, customer(2, owner))
        await readmodels.CUSTOMERS.upsert(uow, customer(1, uuid.uuid4()))
        r = await s.get(ResellerView, reseller_id, populate_existing=True)
        c = await s.get(CustomerView, customer_id, populate_existing=True)
        assert r is not None and c is not None
        return (r.version, r.status), (c.version, c.reseller_id)

    assert ordering_db.run(work, commit=False) == ((3, "active"), (2, owner))
