"""The `dunning` job (R-BI-4), for a day `as_of`: every invoice that is owed (on account, or the end
customer's WaaS instalments) and past its due date with something still due is overdue; interest is
charged up to `as_of` (recomputed from the money's value dates, so money already at the bank is never
charged for); reminder levels reached are announced once each (notifications mails them); resellers
with anything overdue become `prepay_required` through onboarding. Running it again for the same day
changes nothing.

The `prepay-expiry` job: a prepay order's invoice that is still unpaid the program's number of days
after it was issued is credited (R-BI-8) and ordering cancels the order — nothing was delivered, so
nothing is dunned."""

from __future__ import annotations

from datetime import date, timedelta

import sqlalchemy as sa

from libs.db import UnitOfWork
from libs.events import billing as ev
from libs.events.billing import CreditNoteKind, InvoiceKind, InvoiceStatus
from libs.events.ordering import PaymentRequirement
from services.billing.config import BillingConfig
from services.billing.domain.dunning import days_overdue, is_overdue, reminders_due
from services.billing.models import Invoice
from services.billing.usecases import credit_notes, ledger
from services.billing.usecases.amounts import accrues_interest, amount_due, invoice_data
from services.billing.usecases.ledger import OPEN_STATUSES


async def run(uow: UnitOfWork, as_of: date) -> dict[str, int]:
    session = uow.session
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
        if not accrues_interest(invoice) or not is_overdue(invoice.due_date, as_of):
            continue
        await ledger.charge_interest_through(session, invoice, as_of)
        if amount_due(invoice) <= 0:
            continue
        if invoice.kind != InvoiceKind.WAAS:
            resellers.add(invoice.reseller_id)
        if invoice.overdue_since is None:
            invoice.overdue_since = invoice.due_date + timedelta(days=1)
            invoice.status = InvoiceStatus.OVERDUE
            counts["overdue"] += 1
            await uow.emit(
                ev.InvoiceOverdue(invoice_id=invoice.id, invoice=invoice_data(invoice), as_of=as_of),
                reseller_id=invoice.reseller_id,
            )
        days = days_overdue(invoice.due_date, as_of)
        for level in reminders_due(days, invoice.reminder_level):
            invoice.reminder_level = level
            counts["reminders"] += 1
            await uow.emit(
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
    for reseller_id in sorted(resellers, key=str):
        await ledger.settle_reseller(uow, reseller_id, as_of)
    counts["resellers"] = len(resellers)
    return counts


async def expire_prepay_orders(uow: UnitOfWork, as_of: date, config: BillingConfig) -> dict[str, int]:
    """Unpaid prepay orders past the program's period: credited in full and cancelled by ordering."""
    session = uow.session
    cutoff = as_of - timedelta(days=config.prepay_expiry_days)
    invoices = (
        await session.scalars(
            sa.select(Invoice)
            .where(
                Invoice.kind == InvoiceKind.ORDER,
                Invoice.payment_requirement == PaymentRequirement.PREPAY,
                Invoice.status.in_(OPEN_STATUSES),
                Invoice.issue_date <= cutoff,
                Invoice.principal_paid_reported.is_(False),
            )
            .order_by(Invoice.issue_date, Invoice.id)
            .with_for_update()
        )
    ).all()
    expired = 0
    for invoice in invoices:
        note = await credit_notes.issue(
            uow,
            invoice,
            kind=CreditNoteKind.EXPIRY,
            reason=f"prepayment not received within {config.prepay_expiry_days} days",
            issued_by="system",
            issue_date=as_of,
        )
        if note is None or invoice.order_id is None:
            continue
        expired += 1
        await uow.emit(
            ev.PrepaymentExpired(
                order_id=invoice.order_id,
                reseller_id=invoice.reseller_id,
                invoice_id=invoice.id,
                credit_note_id=note.id,
                expired_on=as_of,
            ),
            reseller_id=invoice.reseller_id,
        )
    return {"expired": expired}
