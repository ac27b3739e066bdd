"""Ordering's read models of onboarding's resellers, customers and policy.

They are fed by onboarding's events (`handlers.py`), which carry whole snapshots with a growing
version: every write goes through the version-guarded upserts below, so redelivery, reordering
or an event arriving after a refresh can never roll a row back to an older state.

Read-your-writes ("refresh from the owner before refusing", CONTRIBUTING.md): a partner's write
acknowledged by onboarding reaches ordering's read model some 100 ms later. When the read model
misses, or its answer would refuse the caller, the use case asks onboarding for its current
snapshot (`refresh_*`, an internal call), upserts it through the same guarded upsert the event
handler uses, and decides again. Only refusals pay the round trip; the refreshed row is written
in the request's unit of work (kept if the request commits; the event brings it anyway).
"""

from __future__ import annotations

import uuid
from typing import Any
from urllib.parse import urlencode

from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from libs.db import versioned_upsert
from libs.events import onboarding as onb
from libs.internal_client import InternalClient
from services.ordering.models import CustomerView, PolicyView, ResellerView
from services.ordering.usecases import subscription_moves

# built once (libs.db.versioned_upsert); each upsert names every column of its table
_RESELLER_COLUMNS = (
    "version company_name status standing discount_percent credit_limit credit_currency country state "
    "vat_id vat_id_valid policy_version_accepted exemption"
).split()
_UPSERT_RESELLER = versioned_upsert(ResellerView, "reseller_id", _RESELLER_COLUMNS)
# every column of the customer view is in the snapshot: derive the list, so a new one cannot be missed
_UPSERT_CUSTOMER = versioned_upsert(
    CustomerView,
    "customer_id",
    tuple(c.name for c in CustomerView.__table__.columns if c.name != "customer_id"),
)


async def upsert_reseller(session: AsyncSession, r: onb.ResellerSnapshot) -> None:
    values: dict[str, Any] = dict(
        reseller_id=r.reseller_id,
        version=r.version,
        company_name=r.company_name,
        status=r.status,
        standing=r.standing,
        discount_percent=r.discount_percent,
        credit_limit=r.credit_limit,
        credit_currency=r.credit_currency,
        country=r.country,
        state=r.state,
        vat_id=r.vat_id,
        vat_id_valid=r.vat_id_valid,
        policy_version_accepted=r.policy_version_accepted,
        exemption=r.exemption_certificate.model_dump(mode="json") if r.exemption_certificate else None,
    )
    await session.execute(_UPSERT_RESELLER, values)


async def upsert_customer(session: AsyncSession, c: onb.CustomerSnapshot) -> None:
    values: dict[str, Any] = dict(
        customer_id=c.customer_id,
        reseller_id=c.reseller_id,
        version=c.version,
        kind=c.kind,
        name=c.name,
        domain=c.domain,
        edition=c.edition,
        terms_accepted=c.terms_accepted,
    )
    await session.execute(_UPSERT_CUSTOMER, values)
    # R-CU-5: its subscriptions belong to whoever owns the customer now (imported: moved along)
    await subscription_moves.follow_customer(session, c.customer_id)


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


async def refresh_reseller(session: AsyncSession, onboarding: InternalClient, reseller_id: uuid.UUID) -> bool:
    """Bring the reseller's row up to onboarding's current snapshot; False if onboarding has none."""
    snapshot = await onboarding.get(f"/internal/resellers/{reseller_id}", onb.ResellerSnapshot)
    if snapshot is None:
        return False
    await upsert_reseller(session, snapshot)
    return True


async def ship_to_customer(
    onboarding: InternalClient, reseller_id: uuid.UUID, email: str, domain: str | None
) -> onb.ShipToCustomer | None:
    """Who onboarding will link a ship-to order to (R-CU-9), asked before the order is accepted."""
    query = urlencode({"email": email, **({"domain": domain} if domain else {})})
    return await onboarding.get(f"/internal/resellers/{reseller_id}/ship-to?{query}", onb.ShipToCustomer)


async def refresh_customer(session: AsyncSession, onboarding: InternalClient, customer_id: uuid.UUID) -> bool:
    """Bring the customer's row up to onboarding's current snapshot; False if onboarding has none."""
    snapshot = await onboarding.get(f"/internal/customers/{customer_id}", onb.CustomerSnapshot)
    if snapshot is None:
        return False
    await upsert_customer(session, snapshot)
    return True
