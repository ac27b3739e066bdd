"""Reading invoices: a reseller its own (never the WaaS invoices to its end customers), a customer key
its own WaaS invoices (R-BI-6: it is their debtor), staff all; anything else 404."""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from libs.auth import Caller
from libs.db import UnitOfWork
from libs.events.billing import InvoiceStatus
from libs.internal_client import InternalClient
from libs.pagination import PageQuery, paginate
from libs.repository import load_or_404
from libs.tenancy import visible
from services.billing.errors import InvoiceNotFound
from services.billing.models import Invoice
from services.billing.usecases import invoicing


async def load_invoice(session: AsyncSession, caller: Caller, invoice_id: uuid.UUID) -> Invoice:
    return await load_or_404(
        session, visible(Invoice, caller).where(Invoice.id == invoice_id), InvoiceNotFound
    )


async def list_invoices(
    uow: UnitOfWork,
    caller: Caller,
    page: PageQuery,
    *,
    status: InvoiceStatus | None,
    order_id: uuid.UUID | None,
    subscription_id: uuid.UUID | None,
    ordering: InternalClient,
    onboarding: InternalClient,
) -> tuple[list[Invoice], str | None]:
    session = uow.session
    stmt = visible(Invoice, caller)
    if status:
        stmt = stmt.where(Invoice.status == status)
    if order_id:
        stmt = stmt.where(Invoice.order_id == order_id)
    if subscription_id:
        stmt = stmt.where(Invoice.subscription_id == subscription_id)
    rows, cursor = await paginate(session, stmt, Invoice, page)
    if rows or order_id is None or page.cursor or not (caller.is_staff or caller.kind == "reseller"):
        return rows, cursor
    # read-your-writes: the order may have been placed a moment ago, before its event reached us
    if await invoicing.invoice_for_order(uow, ordering, onboarding, order_id) is None:
        return rows, cursor
    return await paginate(session, stmt, Invoice, page)


async def any_invoice(session: AsyncSession, invoice_id: uuid.UUID) -> Invoice | None:
    """For other services (notifications mails the PDF, reports): no tenant scope."""
    return await session.get(Invoice, invoice_id)


async def numbers_of(session: AsyncSession, invoice_ids: list[uuid.UUID]) -> dict[uuid.UUID, str]:
    rows = await session.execute(sa.select(Invoice.id, Invoice.number).where(Invoice.id.in_(invoice_ids)))
    return {invoice_id: number for invoice_id, number in rows}
