"""Billing's read model of onboarding's resellers: the bill-to party and the program's payment terms
and interest rate (R-BI-3/4). Fed by reseller events through a version-guarded upsert; refreshed
from onboarding when a partner's request finds it missing ("refresh from the owner", CONTRIBUTING.md).
"""

from __future__ import annotations

import uuid
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.asyncio import AsyncSession

from libs.db import versioned_upsert
from libs.events import onboarding as onb
from libs.internal_client import InternalClient
from services.billing.models import Invoice, ResellerAccount

_UPSERT_ACCOUNT = versioned_upsert(
    ResellerAccount,
    "reseller_id",
    tuple(c.name for c in ResellerAccount.__table__.columns if c.name != "reseller_id"),
)


async def upsert_reseller(session: AsyncSession, r: onb.ResellerSnapshot) -> None:
    values: dict[str, Any] = dict(
        reseller_id=r.reseller_id,
        version=r.version,
        company_name=r.company_name,
        contact_email=r.contact_email,
        country=r.country,
        state=r.state,
        vat_id=r.vat_id,
        payment_terms_days=r.payment_terms_days,
        annual_interest_rate=r.annual_interest_rate,
    )
    await session.execute(_UPSERT_ACCOUNT, values)
    # invoices made before billing knew the reseller get their bill-to now (and keep it after)
    await session.execute(
        sa.update(Invoice)
        .where(Invoice.reseller_id == r.reseller_id, Invoice.bill_to == sa.cast({}, JSONB))
        .values(
            bill_to={
                "name": r.company_name,
                "country": r.country,
                "vat_id": r.vat_id,
                "email": r.contact_email,
            }
        )
    )


async def account(
    session: AsyncSession, reseller_id: uuid.UUID, onboarding: InternalClient | None = None
) -> ResellerAccount | None:
    """The reseller's account; asked from onboarding first when it is missing and a client is given."""
    found = await session.get(ResellerAccount, reseller_id)
    if found is not None or onboarding is None:
        return found
    snapshot = await onboarding.get(f"/internal/resellers/{reseller_id}", onb.ResellerSnapshot)
    if snapshot is None:
        return None
    await upsert_reseller(session, snapshot)
    return await session.get(ResellerAccount, reseller_id, populate_existing=True)
