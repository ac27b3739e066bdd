"""Notifications' read model of onboarding's resellers: the contact address mails go to, fed by
reseller events and refreshed from onboarding when a mail finds it missing (`libs.snapshots`)."""

from __future__ import annotations

import uuid

from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from libs.events import leasing as leasing_events
from libs.events import onboarding as onb
from libs.snapshots import SnapshotView
from services.notifications.models import ResellerContact, WaasBillingContact

RESELLERS = SnapshotView(ResellerContact, onb.ResellerSnapshot, path="/internal/resellers/{key}")


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
