"""Helpers for ordering's end-to-end tests.

Customers and customer API keys belong to onboarding. Where its endpoints exist the helpers
use them (the real path: onboarding → event → ordering's read model); until then they fall
back to what ordering would have learned from the event — a CustomerView row written through
a real unit of work on ordering's own database — and, for a customer caller, to calling the
ordering service directly with an internal token signed by the stack's gateway key.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, TypeVar

import httpx
import pytest
import sqlalchemy as sa

from libs.auth import INTERNAL_TOKEN_HEADER, Caller, sign_internal_token
from libs.db import UnitOfWork
from libs.internal_client import InternalClient
from libs.testing.api import Api, Reseller
from libs.testing.db import ServiceDb
from services.ordering.models import OUTBOX, TABLES, CustomerView
from tools.devstack.stack import Stack

T = TypeVar("T")

PRICE_KEYS = frozenset(
    {
        "msrp",
        "partner_price",
        "unit_msrp",
        "unit_price",
        "discount_percent",
        "net",
        "tax",
        "total",
        "net_total",
        "tax_total",
        "amount",
        "currency",
        "payment_requirement",
        "periods",
        "seat_purchases",
    }
)


def price_keys_in(value: Any) -> set[str]:
    """Every key anywhere in a JSON document that carries (or reveals) a price."""
    found: set[str] = set()
    if isinstance(value, dict):
        for key, inner in value.items():
            if key in PRICE_KEYS:
                found.add(key)
            found |= price_keys_in(inner)
    elif isinstance(value, list):
        for inner in value:
            found |= price_keys_in(inner)
    return found


class OrderingDb(ServiceDb):
    """Ordering's own database, for set-ups that other engineers' endpoints will replace and
    for checking what was written (outbox rows)."""

    def insert_customer(self, reseller_id: str, kind: str, name: str) -> str:
        customer_id = uuid.uuid4()

        async def work(uow: UnitOfWork) -> None:
            uow.session.add(
                CustomerView(
                    customer_id=customer_id,
                    reseller_id=uuid.UUID(reseller_id),
                    version=1,
                    kind=kind,
                    name=name,
                    domain=f"{name.lower().replace(' ', '-')}.example.com" if kind == "domain" else None,
                )
            )

        self.run(work, commit=True)
        return str(customer_id)

    def events_about(self, subject: str, *, linking: bool = False) -> list[str]:
        """The event types ordering wrote about `subject`, in order. The ship-to link of an order
        (`customer_linked`, R-CU-9) arrives from onboarding whenever it does, so it is left out
        unless asked for."""
        outbox = TABLES.outbox

        async def work(uow: UnitOfWork) -> list[str]:
            rows = await uow.session.scalars(
                sa.select(outbox.c.event_type).where(outbox.c.key == subject).order_by(outbox.c.id)
            )
            return [t for t in rows if linking or t != "ordering.order.customer_linked.v1"]

        return self.run(work, commit=False)


@pytest.fixture(scope="session")
def ordering_db(stack: Stack) -> OrderingDb:
    return OrderingDb(stack.service_urls["ordering"], outbox=OUTBOX)


@pytest.fixture
async def onboarding_client(stack: Stack) -> AsyncIterator[InternalClient]:
    """What ordering's use cases call onboarding with, as the running ordering service does."""
    client = InternalClient(
        service="ordering",
        target="onboarding",
        base_url=f"http://127.0.0.1:{stack.port_of('onboarding')}",
        private_key=stack.service_keys["ordering"][0],
        timeout=5,
    )
    yield client
    await client.aclose()


@pytest.fixture
def onboard(api: Api) -> Callable[..., Reseller]:
    """`api.onboard_reseller`: an active reseller that may order at once (no waiting for
    ordering's read model: ordering asks onboarding before refusing)."""

    def make(**kwargs: Any) -> Reseller:
        return api.onboard_reseller(**kwargs)

    return make


@dataclass
class Customers:
    api: Api
    db: OrderingDb

    def create(
        self, reseller: Reseller, *, kind: str = "domain", name: str | None = None, accept_terms: bool = False
    ) -> str:
        """A customer of `reseller`, known to ordering (through onboarding when it can)."""
        name = name or f"Customer {uuid.uuid4().hex[:8]}"
        body: dict[str, Any] = {"kind": kind, "name": name}
        if kind == "domain":
            body["domain"] = f"{uuid.uuid4().hex[:10]}.example.com"
        else:
            body["primary_email"] = f"owner-{uuid.uuid4().hex[:8]}@gmail.example"
        response = self.api.call("POST", "/v1/customers", reseller.key, json=body)
        if response.status_code == 201:
            customer_id: str = response.json()["id"]  # usable for an order at once (read-your-writes)
            if accept_terms:  # R-CU-6: its orders go on to licensing at once
                accept_terms_of_service(self.api, reseller, customer_id)
            return customer_id
        # onboarding's customer endpoint is not there yet: the gateway does not route it
        assert response.status_code == 404, response.text
        return self.db.insert_customer(reseller.id, kind, name)


def accept_terms_of_service(api: Api, reseller: Reseller, customer_id: str) -> None:
    """R-CU-6: the customer (with its own key) accepts the vendor's terms of service."""
    api.accept_terms(reseller.key, customer_id)


def customer_ready_to_order(api: Api, reseller: Reseller) -> str:
    """A domain customer of `reseller` that accepted the terms: its orders go to licensing at once."""
    customer_id = api.create_customer(reseller.key, "Ready GmbH")
    accept_terms_of_service(api, reseller, customer_id)
    return customer_id


@pytest.fixture
def customers(api: Api, ordering_db: OrderingDb) -> Customers:
    return Customers(api, ordering_db)


@dataclass
class CustomerClient:
    """Calls ordering as a customer: through the gateway with a customer key when onboarding
    issues them, otherwise straight to the ordering service with a gateway-signed token."""

    api: Api
    stack: Stack
    customer_id: str
    key: str | None
    via_gateway: bool

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        if self.via_gateway:
            return self.api.call("GET", path, self.key, **kwargs)
        caller = Caller(kind="customer", roles=("customer_admin",), customer_id=uuid.UUID(self.customer_id))
        token = sign_internal_token(caller, self.stack.private_key, audience="ordering")
        with httpx.Client(base_url=f"http://127.0.0.1:{self.stack.port_of('ordering')}", timeout=30) as c:
            return c.get(path, headers={INTERNAL_TOKEN_HEADER: token}, **kwargs)


@pytest.fixture
def customer_client(api: Api, stack: Stack) -> Callable[[Reseller, str], CustomerClient]:
    def make(reseller: Reseller, customer_id: str) -> CustomerClient:
        response = api.call(
            "POST", f"/v1/customers/{customer_id}/api-keys", reseller.key, json={"name": "portal"}
        )
        if response.status_code == 201:
            return CustomerClient(api, stack, customer_id, response.json()["key"], via_gateway=True)
        assert response.status_code == 404, response.text
        return CustomerClient(api, stack, customer_id, None, via_gateway=False)

    return make


def today() -> date:
    """The services' today (their clock is UTC)."""
    return datetime.now(UTC).date()
