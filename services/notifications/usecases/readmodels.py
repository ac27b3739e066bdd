"""Notifications' read model of onboarding's resellers: the contact address mails go to, fed by
reseller events and refreshed from onboarding when a mail finds it missing."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from libs.db import versioned_upsert
from libs.events import leasing as leasing_events
from libs.events import onboarding as onb
from libs.internal_client import InternalClient
from services.notifications.models import ResellerContact, WaasBillingContact

_UPSERT = versioned_upsert(
    ResellerContact,
    "reseller_id",
    ("version", "company_name", "contact_email"),
)


async def upsert_reseller(session: AsyncSession, r: onb.ResellerSnapshot) -> None:
    values: dict[str, Any] = dict(
        reseller_id=r.reseller_id,
        version=r.version,
        company_name=r.company_name,
        contact_email=r.contact_email,
    )
    await session.execute(_UPSERT, values)


async def contact(
    session: AsyncSession, reseller_id: uuid.UUID, onboarding: InternalClient
) -> ResellerContact | None:
    found = await session.get(ResellerContact, reseller_id)
    if found is not None:
        return found
    snapshot = await onboarding.get(f"/internal/resellers/{reseller_id}", onb.ResellerSnapshot)
    if snapshot is None:
        return None
    await upsert_reseller(session, snapshot)
    return await session.get(ResellerContact, reseller_id, populate_existing=True)


async def upsert_waas_contact(session: AsyncSession, event: leasing_events.ContractEvent) -> None:
    """R-BI-6: the end customer's billing contact of a WaaS contract (given when it is drafted)."""
    stmt = pg_insert(WaasBillingContact).values(
        contract_id=event.contract_id,
        customer_id=event.contract.customer_id,
        billing_email=event.contract.billing_email,
    )
    await session.execute(
        stmt.on_conflict_do_update(
            index_elements=[WaasBillingContact.contract_id],
            set_={"customer_id": stmt.excluded.customer_id, "billing_email": stmt.excluded.billing_email},
        )
    )


async def waas_billing_email(session: AsyncSession, contract_id: uuid.UUID | None) -> str | None:
    if contract_id is None:
        return None
    found = await session.get(WaasBillingContact, contract_id)
    return found.billing_email if found else None
