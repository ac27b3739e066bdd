"""Credit notes (R-BI-8): an issued invoice is never changed or deleted; what is taken back —
a cancelled order, a handover to the vendor's sales team (R-OR-9), an expired prepay order, a staff
correction — is a credit note with its own gapless number series, referencing the invoice.

What a credit note takes off the unpaid principal is simply no longer owed; what it takes off a
principal already paid goes back to the reseller's credit balance (R-BI-9), which pays its oldest
open invoices. A credit note for all of an invoice makes it `credited` and writes off unpaid interest.
"""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from libs.auth import Caller
from libs.db import UnitOfWork
from libs.events import billing as ev
from libs.events.billing import CreditNoteKind, InvoiceKind, InvoiceStatus
from libs.money import round_half_up
from libs.pagination import PageQuery, paginate
from libs.repository import load_or_404
from libs.tenancy import visible
from services.billing.domain.references import credit_note_number
from services.billing.errors import CreditNoteNotFound, InvoiceNotCreditable, InvoiceNotFound
from services.billing.models import CreditNote, CreditNoteCounter, Invoice
from services.billing.usecases import ledger, numbering
from services.billing.usecases.amounts import invoice_data, principal_due


async def _next_number(session: AsyncSession, year: int) -> tuple[int, str]:
    sequence = await numbering.take_sequence(session, CreditNoteCounter, year)
    return sequence, credit_note_number(year, sequence)


async def _credited_tax(session: AsyncSession, invoice: Invoice) -> Decimal:
    return Decimal(
        await session.scalar(
            sa.select(sa.func.coalesce(sa.func.sum(CreditNote.tax), 0)).where(
                CreditNote.invoice_id == invoice.id
            )
        )
        or 0
    )


async def issue(
    uow: UnitOfWork,
    invoice: Invoice,
    *,
    kind: CreditNoteKind,
    reason: str,
    issued_by: str,
    issue_date: date,
    amount: Decimal | None = None,
) -> CreditNote | None:
    """Credit `amount` of the (locked) invoice — all that is left to credit when None. Returns None
    when an automatic credit note (cancellation, handover, expiry) was issued before."""
    session = uow.session
    if kind != CreditNoteKind.CORRECTION:
        existing = await session.scalar(
            sa.select(CreditNote).where(CreditNote.invoice_id == invoice.id, CreditNote.kind == kind)
        )
        if existing is not None:
            return None
    creditable = invoice.total - invoice.credited
    if invoice.status == InvoiceStatus.CANCELLED or creditable <= 0:
        raise InvoiceNotCreditable(f"invoice {invoice.number} has nothing left to credit")
    total = creditable if amount is None else amount
    if total <= 0 or total > creditable:
        raise InvoiceNotCreditable(
            f"invoice {invoice.number} can be credited at most {creditable} {invoice.currency}"
        )
    # the tax share: exact for the last credit note, proportional (rounded once) before it
    if total == creditable:
        tax = invoice.tax - await _credited_tax(session, invoice)
    else:
        tax = (
            round_half_up(total * invoice.tax / invoice.total, invoice.currency)
            if invoice.total
            else Decimal(0)
        )
    unpaid = principal_due(invoice)
    sequence, number = await _next_number(session, issue_date.year)
    note = CreditNote(
        id=uuid.uuid4(),
        number=number,
        year=issue_date.year,
        sequence=sequence,
        invoice_id=invoice.id,
        reseller_id=invoice.reseller_id,
        customer_id=invoice.customer_id,
        order_id=invoice.order_id,
        kind=kind,
        reason=reason,
        currency=invoice.currency,
        net=total - tax,
        tax=tax,
        total=total,
        refunded_to_balance=Decimal(0),
        issue_date=issue_date,
        issued_by=issued_by,
    )
    session.add(note)
    await session.flush()
    if total > unpaid:
        note.refunded_to_balance = await ledger.free_for_credit(session, invoice, total - unpaid, issue_date)
    invoice.credited += total
    await session.flush()
    await ledger.recompute(session, invoice)
    await uow.emit(
        ev.CreditNoteIssued(
            invoice_id=invoice.id,
            invoice=invoice_data(invoice),
            credit_note_id=note.id,
            number=note.number,
            kind=kind,
            reason=reason,
            currency=note.currency,
            net=note.net,
            tax=note.tax,
            total=note.total,
            refunded_to_balance=note.refunded_to_balance,
            issue_date=issue_date,
            links=ev.DocumentLinks(
                pdf=f"/v1/credit-notes/{note.id}/pdf", ubl=f"/v1/credit-notes/{note.id}/ubl"
            ),
        ),
        reseller_id=invoice.reseller_id,
    )
    await ledger.report_paid_fact(uow, invoice, issue_date)
    if invoice.kind != InvoiceKind.WAAS:
        await ledger.settle_reseller(uow, invoice.reseller_id, issue_date)
    return note


async def credit_order(
    uow: UnitOfWork, order_id: uuid.UUID, *, kind: CreditNoteKind, reason: str, day: date
) -> CreditNote | None:
    """A cancelled or handed-over order: its invoice is credited in full (R-BI-8, R-OR-9)."""
    session = uow.session
    invoice = await session.scalar(
        sa.select(Invoice)
        .where(Invoice.kind == InvoiceKind.ORDER, Invoice.order_id == order_id)
        .with_for_update()
    )
    if invoice is None or invoice.status == InvoiceStatus.CANCELLED or invoice.credited >= invoice.total:
        return None
    return await issue(uow, invoice, kind=kind, reason=reason, issued_by="system", issue_date=day)


async def issue_by_staff(
    uow: UnitOfWork,
    caller: Caller,
    invoice_id: uuid.UUID,
    *,
    reason: str,
    amount: Decimal | None,
    currency: str | None,
    day: date,
) -> CreditNote:
    session = uow.session
    invoice = await load_or_404(
        session, sa.select(Invoice).where(Invoice.id == invoice_id), InvoiceNotFound, lock=True
    )
    if currency is not None and currency != invoice.currency:
        raise InvoiceNotCreditable(f"the invoice is in {invoice.currency}")
    if amount is None:
        amount = principal_due(invoice)  # by default what is still due
        if amount <= 0:
            raise InvoiceNotCreditable(
                f"nothing is due on invoice {invoice.number}: give the amount to credit"
            )
    note = await issue(
        uow,
        invoice,
        kind=CreditNoteKind.CORRECTION,
        reason=reason,
        issued_by=caller.identity,
        issue_date=day,
        amount=amount,
    )
    assert note is not None
    return note


async def load(session: AsyncSession, caller: Caller, credit_note_id: uuid.UUID) -> CreditNote:
    stmt = visible(CreditNote, caller).where(CreditNote.id == credit_note_id)
    return await load_or_404(session, stmt, CreditNoteNotFound)


async def load_with_invoice(
    session: AsyncSession, caller: Caller | None, credit_note_id: uuid.UUID
) -> tuple[CreditNote, Invoice]:
    """A credit note with the invoice it credits (what its documents print): in the caller's scope,
    or — `caller` None, for other services' internal calls — in none."""
    if caller is None:
        note = await session.get(CreditNote, credit_note_id)
        if note is None:
            raise CreditNoteNotFound()
    else:
        note = await load(session, caller, credit_note_id)
    invoice = await session.get(Invoice, note.invoice_id)
    assert invoice is not None  # a credit note references its invoice (foreign key)
    return note, invoice


async def list_notes(
    session: AsyncSession, caller: Caller, page: PageQuery, invoice_id: uuid.UUID | None
) -> tuple[list[CreditNote], str | None]:
    stmt = visible(CreditNote, caller)
    if invoice_id is not None:
        stmt = stmt.where(CreditNote.invoice_id == invoice_id)
    return await paginate(session, stmt, CreditNote, page)


async def of_invoices(
    session: AsyncSession, invoice_ids: list[uuid.UUID]
) -> dict[uuid.UUID, list[CreditNote]]:
    rows = await session.scalars(
        sa.select(CreditNote).where(CreditNote.invoice_id.in_(invoice_ids)).order_by(CreditNote.sequence)
    )
    found: dict[uuid.UUID, list[CreditNote]] = {}
    for note in rows:
        found.setdefault(note.invoice_id, []).append(note)
    return found
