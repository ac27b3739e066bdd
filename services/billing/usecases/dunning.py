"""The `dunning` job (R-BI-4), for a day `as_of`: every invoice past its due date with something
still due is overdue; interest is counted up to `as_of`; reminder levels reached are announced once
each (notifications mails them); resellers with anything overdue become `prepay_required` through
onboarding. Running it again for the same day changes nothing."""

from __future__ import annotations

from datetime import date, timedelta

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from libs.events import billing as ev
from services.billing.domain.dunning import days_overdue, is_overdue, reminders_due
from services.billing.models import OUTBOX, Invoice
from services.billing.usecases import standing
from services.billing.usecases.amounts import amount_due, invoice_data
from services.billing.usecases.payments import OPEN_STATUSES, accrue_interest


async def run(session: AsyncSession, as_of: date) -> dict[str, int]:
    invoices = (
        await session.scalars(
            sa.select(Invoice)
            .where(Invoice.status.in_(OPEN_STATUSES), Invoice.due_date < as_of)
            .order_by(Invoice.due_date, Invoice.id)
            .with_for_update()
        )
    ).all()
    counts = {"overdue": 0, "reminders": 0, "resellers": 0}
    resellers = set()
    for invoice in invoices:
        if not is_overdue(invoice.due_date, as_of) or amount_due(invoice) <= 0:
            continue
        accrue_interest(invoice, as_of)
        resellers.add(invoice.reseller_id)
        if invoice.overdue_since is None:
            invoice.overdue_since = invoice.due_date + timedelta(days=1)
            invoice.status = "overdue"
            counts["overdue"] += 1
            await OUTBOX.emit(
                session,
                ev.InvoiceOverdue(invoice_id=invoice.id, invoice=invoice_data(invoice), as_of=as_of),
                reseller_id=invoice.reseller_id,
            )
        days = days_overdue(invoice.due_date, as_of)
        for level in reminders_due(days, invoice.reminder_level):
            invoice.reminder_level = level
            counts["reminders"] += 1
            await OUTBOX.emit(
                session,
                ev.InvoiceReminderDue(
                    invoice_id=invoice.id,
                    invoice=invoice_data(invoice),
                    level=level,
                    days_overdue=days,
                    as_of=as_of,
                ),
                reseller_id=invoice.reseller_id,
            )
    await session.flush()
    for reseller_id in sorted(resellers):
        await standing.reconsider(session, reseller_id, as_of)
    counts["resellers"] = len(resellers)
    return counts
