"""Leasing's read models of onboarding's resellers (their country, for sell-out) and customers (the
lessees), fed by events and refreshed from onboarding when a partner's request finds them missing
(`libs.snapshots`)."""

from __future__ import annotations

import uuid

from libs.db import UnitOfWork
from libs.events import onboarding as onb
from libs.internal_client import InternalClient
from libs.snapshots import SnapshotView
from services.leasing.models import CustomerView, ResellerView

RESELLERS = SnapshotView(ResellerView, onb.ResellerSnapshot, path="/internal/resellers/{key}")
CUSTOMERS = SnapshotView(CustomerView, onb.CustomerSnapshot, path="/internal/customers/{key}")


async def customer_of(
    uow: UnitOfWork, customer_id: uuid.UUID, reseller_id: uuid.UUID, onboarding: InternalClient
) -> CustomerView | None:
    """The customer if it is `reseller_id`'s — asking onboarding before refusing (it may be new, or
    just imported from another reseller)."""
    found = await uow.session.get(CustomerView, customer_id)
    if found is not None and found.reseller_id == reseller_id:
        return found
    if not await CUSTOMERS.refresh(uow, onboarding, customer_id):
        return None
    found = await uow.session.get(CustomerView, customer_id, populate_existing=True)
    return found if found is not None and found.reseller_id == reseller_id else None
