"""Ordering's read models of onboarding's resellers, customers and policy.

They are fed by onboarding's events (`handlers.py`), which carry whole snapshots with a growing
version: every write goes through the version-guarded upserts below, so redelivery, reordering
or an event arriving after a refresh can never roll a row back to an older state.

Read-your-writes ("refresh from the owner before refusing", CONTRIBUTING.md): a partner's write
acknowledged by onboarding reaches ordering's read model some 100 ms later. When the read model
misses, or its answer would refuse the caller, the use case asks onboarding for its current
snapshot (`RESELLERS.refresh`, an internal call; `libs.snapshots`), upserts it through the same
guarded upsert the event handler uses, and decides again. Only refusals pay the round trip; the
refreshed row is written in the request's unit of work (kept if the request commits; the event
brings it anyway).
"""

from __future__ import annotations

import uuid
from urllib.parse import urlencode

from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from libs.db import UnitOfWork
from libs.events import onboarding as onb
from libs.internal_client import InternalClient
from libs.snapshots import SnapshotView
from services.ordering.models import CustomerView, PolicyView, ResellerView
from services.ordering.usecases import subscription_moves


async def _follow_customer(uow: UnitOfWork, c: onb.CustomerSnapshot) -> None:
    """R-CU-5: its subscriptions belong to whoever owns the customer now (imported: moved along)."""
    await subscription_moves.follow_customer(uow, c.customer_id)


RESELLERS = SnapshotView(
    ResellerView,
    onb.ResellerSnapshot,
    path="/internal/resellers/{key}",
    renamed={"exemption": "exemption_certificate"},
    local=("updated_at",),
)
CUSTOMERS = SnapshotView(
    CustomerView, onb.CustomerSnapshot, path="/internal/customers/{key}", after_upsert=_follow_customer
)


async def record_policy(session: AsyncSession, policy: str, version: int) -> None:
    stmt = pg_insert(PolicyView).values(policy=policy, version=version)
    await session.execute(
        stmt.on_conflict_do_update(
            index_elements=[PolicyView.policy],
            set_={"version": stmt.excluded.version},
            where=PolicyView.version < stmt.excluded.version,
        )
    )


# The policy version needs no refresh: a reseller can only accept the current version, so a
# lagging PolicyView never makes ordering refuse a reseller that onboarding considers up to date.


async def ship_to_customer(
    onboarding: InternalClient, reseller_id: uuid.UUID, email: str, domain: str | None
) -> onb.ShipToCustomer | None:
    """Who onboarding will link a ship-to order to (R-CU-9), asked before the order is accepted."""
    query = urlencode({"email": email, **({"domain": domain} if domain else {})})
    return await onboarding.get(f"/internal/resellers/{reseller_id}/ship-to?{query}", onb.ShipToCustomer)
