"""Billing's read model of onboarding's resellers: the bill-to party and the program's payment terms
and interest rate (R-BI-3/4). Fed by reseller events (version-guarded); refreshed from onboarding
when a partner's request finds it missing (`libs.snapshots`, "refresh from the owner",
CONTRIBUTING.md).
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB

from libs.db import UnitOfWork
from libs.events import onboarding as onb
from libs.snapshots import SnapshotView
from services.billing.models import Invoice, ResellerAccount


async def _fill_bill_to(uow: UnitOfWork, r: onb.ResellerSnapshot) -> None:
    """Invoices made before billing knew the reseller get their bill-to now (and keep it after)."""
    await uow.session.execute(
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


ACCOUNTS = SnapshotView(
    ResellerAccount, onb.ResellerSnapshot, path="/internal/resellers/{key}", after_upsert=_fill_bill_to
)
