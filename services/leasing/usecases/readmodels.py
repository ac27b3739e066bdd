"""Leasing's read models of onboarding's resellers (their country, for sell-out) and customers (the
lessees), fed by events and refreshed from onboarding when a partner's request finds them missing."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from libs.db import versioned_upsert
from libs.events import onboarding as onb
from libs.internal_client import InternalClient
from services.leasing.models import CustomerView, ResellerView

_UPSERT_RESELLER = versioned_upsert(
    ResellerView,
    "reseller_id",
    ("version", "company_name", "country"),
)
_UPSERT_CUSTOMER = versioned_upsert(
    CustomerView,
    "customer_id",
    ("reseller_id", "version", "name"),
)


async def upsert_reseller(session: AsyncSession, r: onb.ResellerSnapshot) -> None:
    values: dict[str, Any] = dict(
        reseller_id=r.reseller_id, version=r.version, company_name=r.company_name, country=r.country
    )
    await session.execute(_UPSERT_RESELLER, values)


async def upsert_customer(session: AsyncSession, c: onb.CustomerSnapshot) -> None:
    values: dict[str, Any] = dict(
        customer_id=c.customer_id, reseller_id=c.reseller_id, version=c.version, name=c.name
    )
    await session.execute(_UPSERT_CUSTOMER, values)


async def reseller(
    session: AsyncSession, reseller_id: uuid.UUID, onboarding: InternalClient
) -> ResellerView | None:
    found = await session.get(ResellerView, reseller_id)
    if found is not None:
        return found
    snapshot = await onboarding.get(f"/internal/resellers/{reseller_id}", onb.ResellerSnapshot)
    if snapshot is None:
        return None
    await upsert_reseller(session, snapshot)
    return await session.get(ResellerView, reseller_id, populate_existing=True)


async def customer_of(
    session: AsyncSession, customer_id: uuid.UUID, reseller_id: uuid.UUID, onboarding: InternalClient
) -> CustomerView | None:
    """The customer if it is `reseller_id`'s — asking onboarding before refusing (it may be new, or
    just imported from another reseller)."""
    found = await session.get(CustomerView, customer_id)
    if found is not None and found.reseller_id == reseller_id:
        return found
    snapshot = await onboarding.get(f"/internal/customers/{customer_id}", onb.CustomerSnapshot)
    if snapshot is None:
        return None
    await upsert_customer(session, snapshot)
    found = await session.get(CustomerView, customer_id, populate_existing=True)
    return found if found is not None and found.reseller_id == reseller_id else None
