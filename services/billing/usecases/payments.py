"""Payments by bank transfer (R-BI-1): recorded by staff or read from CAMT.053 statements, matched
to invoices by their RF structured reference, applied principal first, then interest (R-BI-4).

Nothing is dropped: a partial payment leaves the invoice partially paid, an overpayment keeps its
surplus as the payment's unapplied credit, an unknown reference is kept unmatched for staff to
assign. A fully paid principal tells ordering to release a prepaid order (R-BI-2) or charge, and
onboarding to count a paid order (R-ON-3).
"""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from libs.auth import Caller
from libs.events import billing as ev
from libs.money import round_half_up
from libs.pagination import PageQuery, paginate
from libs.repository import load_or_404
from services.billing.domain import camt, interest
from services.billing.domain.matching import allocate, split_principal_interest
from services.billing.domain.references import normalise_reference
from services.billing.errors import (
    BankStatementRefused,
    CurrencyMismatch,
    InvoiceNotFound,
    InvoiceNotPayable,
    NothingToAssign,
    PaymentNotFound,
)
from services.billing.models import OUTBOX, Allocation, BankStatement, Invoice, Payment
from services.billing.schemas import PaymentCreate
from services.billing.usecases import standing
from services.billing.usecases.amounts import amount_due, invoice_data, principal_due, settle_status

OPEN_STATUSES = ("open", "partially_paid", "overdue")


def accrue_interest(invoice: Invoice, through: date) -> None:
    """Count the late-payment interest of every overdue day up to `through` (R-BI-4)."""
    start = invoice.interest_accrued_to or invoice.due_date
    if through <= start or invoice.status not in OPEN_STATUSES:
        return
    invoice.interest_accrued += interest.accrue(
        principal_due(invoice), invoice.annual_interest_rate, start, through
    )
    invoice.interest_accrued_to = through


async def apply_to_invoice(
    session: AsyncSession, payment: Payment, invoice: Invoice, amount: Decimal, assigned_by: str
) -> Decimal:
    """Apply up to `amount` of the payment to the (locked) invoice; returns what it took."""
    accrue_interest(invoice, payment.received_on)
    due = amount_due(invoice)
    if due <= 0:
        return Decimal(0)
    applied = min(amount, due)
    to_principal, to_interest = split_principal_interest(
        applied, principal_due(invoice), due - principal_due(invoice)
    )
    invoice.principal_paid += to_principal
    invoice.interest_paid += to_interest
    was_overdue = invoice.status == "overdue"
    invoice.status = settle_status(invoice)
    session.add(
        Allocation(payment_id=payment.id, invoice_id=invoice.id, amount=applied, assigned_by=assigned_by)
    )
    await session.flush()
    data = invoice_data(invoice)
    await OUTBOX.emit(
        session,
        ev.InvoicePaymentApplied(
            invoice_id=invoice.id,
            invoice=data,
            payment_id=payment.id,
            amount=applied,
            received_on=payment.received_on,
        ),
        reseller_id=invoice.reseller_id,
    )
    if principal_due(invoice) <= 0 and not invoice.principal_paid_reported:
        invoice.principal_paid_reported = True
        await _report_paid(session, invoice, payment.received_on)
    if invoice.status == "paid":
        invoice.paid_on = payment.received_on
        await OUTBOX.emit(
            session,
            ev.InvoicePaid(invoice_id=invoice.id, invoice=invoice_data(invoice), paid_on=payment.received_on),
            reseller_id=invoice.reseller_id,
        )
        if was_overdue:
            await standing.reconsider(session, invoice.reseller_id, payment.received_on)
    return applied


async def _report_paid(session: AsyncSession, invoice: Invoice, received_on: date) -> None:
    """R-BI-2: the order (or charge) is paid — ordering releases it; onboarding counts it (R-ON-3)."""
    if invoice.kind == "waas":
        return  # the end customer's instalment: nothing to release
    if invoice.order_id is not None:
        event: ev.OrderPaid | ev.SubscriptionChargePaid = ev.OrderPaid(
            order_id=invoice.order_id,
            reseller_id=invoice.reseller_id,
            amount=invoice.total,
            currency=invoice.currency,
            received_on=received_on,
            invoice_id=invoice.id,
        )
    else:
        assert invoice.subscription_id is not None and invoice.charge_id is not None
        event = ev.SubscriptionChargePaid(
            subscription_id=invoice.subscription_id,
            charge_id=invoice.charge_id,
            reseller_id=invoice.reseller_id,
            amount=invoice.total,
            currency=invoice.currency,
            received_on=received_on,
            invoice_id=invoice.id,
        )
    await OUTBOX.emit(session, event, reseller_id=invoice.reseller_id)


async def _invoice_by_reference(session: AsyncSession, reference: str | None) -> Invoice | None:
    compact = normalise_reference(reference) if reference else None
    if compact is None:
        return None
    return await session.scalar(
        sa.select(Invoice).where(Invoice.payment_reference == compact).with_for_update()
    )


async def _match(session: AsyncSession, payment: Payment) -> None:
    """Match a new payment by its reference and apply it; sets its status and unapplied amount."""
    invoice = await _invoice_by_reference(session, payment.reference)
    payable = invoice is not None and invoice.status in OPEN_STATUSES
    if invoice is None or not payable or (payment.currency and payment.currency != invoice.currency):
        payment.status, payment.unapplied = "unmatched", payment.amount
        return
    payment.currency = invoice.currency
    payment.reseller_id = invoice.reseller_id
    outcome = allocate(payment.amount, amount_due_on(invoice, payment.received_on))
    applied = await apply_to_invoice(session, payment, invoice, payment.amount, "reference")
    payment.unapplied = payment.amount - applied
    payment.status = outcome.status


def amount_due_on(invoice: Invoice, day: date) -> Decimal:
    accrue_interest(invoice, day)
    return amount_due(invoice)


async def record_payment(session: AsyncSession, caller: Caller, body: PaymentCreate) -> Payment:
    payment = Payment(
        id=uuid.uuid4(),
        source="manual",
        reference=body.reference,
        amount=body.amount.amount,
        currency=body.amount.currency,
        received_on=body.received_on,
        debtor=body.debtor,
        status="unmatched",
        unapplied=body.amount.amount,
        recorded_by=caller.identity,
    )
    session.add(payment)
    await session.flush()
    await _match(session, payment)
    await session.flush()
    return await load_payment(session, caller, payment.id)


async def import_statement(
    session: AsyncSession, caller: Caller, data: bytes
) -> tuple[BankStatement, bool, list[Payment], int, int]:
    """Read a CAMT.053 file and record every credit entry not seen before.
    Returns (statement, duplicate upload, new payments, entries seen before, debits ignored)."""
    try:
        parsed = camt.parse(data)
    except camt.StatementRefused as exc:
        raise BankStatementRefused(str(exc)) from None
    inserted = await session.scalar(
        pg_insert(BankStatement)
        .values(
            id=uuid.uuid4(),
            statement_key=parsed.statement_key,
            account_iban=parsed.account_iban,
            entries=len(parsed.credits),
            uploaded_by=caller.identity,
        )
        .on_conflict_do_nothing(index_elements=[BankStatement.statement_key])
        .returning(BankStatement.id)
    )
    statement = await session.scalar(
        sa.select(BankStatement).where(BankStatement.statement_key == parsed.statement_key)
    )
    assert statement is not None
    if inserted is None:
        return statement, True, [], len(parsed.credits), parsed.debit_entries
    payments: list[Payment] = []
    seen_before = 0
    for credit in parsed.credits:
        payment_id = await session.scalar(
            pg_insert(Payment)
            .values(
                id=uuid.uuid4(),
                source="bank_statement",
                entry_key=credit.entry_key,
                bank_statement_id=statement.id,
                reference=credit.reference,
                amount=round_half_up(credit.amount, credit.currency)
                if _known(credit.currency)
                else credit.amount,
                currency=credit.currency,
                received_on=credit.booked_on,
                debtor=credit.debtor,
                status="unmatched",
                unapplied=credit.amount,
                recorded_by=caller.identity,
            )
            .on_conflict_do_nothing(index_elements=[Payment.entry_key])
            .returning(Payment.id)
        )
        if payment_id is None:  # the same entry came in an earlier statement
            seen_before += 1
            continue
        payment = await session.get(Payment, payment_id)
        assert payment is not None
        await _match(session, payment)
        payments.append(payment)
    await session.flush()
    return statement, False, payments, seen_before, parsed.debit_entries


def _known(currency: str) -> bool:
    try:
        round_half_up(Decimal(0), currency)
    except ValueError:
        return False
    return True


async def assign(
    session: AsyncSession, caller: Caller, payment_id: uuid.UUID, invoice_id: uuid.UUID
) -> Payment:
    """Staff put an unmatched payment (or an overpayment's credit) on an invoice."""
    payment = await load_or_404(
        session, sa.select(Payment).where(Payment.id == payment_id), PaymentNotFound, lock=True
    )
    if payment.unapplied <= 0:
        raise NothingToAssign()
    invoice = await load_or_404(
        session, sa.select(Invoice).where(Invoice.id == invoice_id), InvoiceNotFound, lock=True
    )
    if invoice.status not in OPEN_STATUSES:
        raise InvoiceNotPayable(f"invoice {invoice.number} is {invoice.status}")
    if payment.currency and payment.currency != invoice.currency:
        raise CurrencyMismatch(f"the payment is in {payment.currency}, the invoice in {invoice.currency}")
    applied = await apply_to_invoice(session, payment, invoice, payment.unapplied, caller.identity)
    payment.currency = invoice.currency
    payment.reseller_id = payment.reseller_id or invoice.reseller_id
    payment.unapplied -= applied
    payment.status = "matched" if invoice.status == "paid" or payment.unapplied > 0 else "partial"
    await session.flush()
    return await load_payment(session, caller, payment.id)


def _visible(stmt: sa.Select, caller: Caller) -> sa.Select:
    """Staff see every payment; a reseller those applied to its invoices; customers none."""
    if caller.is_staff:
        return stmt
    if caller.kind == "reseller" and caller.reseller_id is not None:
        return stmt.where(Payment.reseller_id == caller.reseller_id)
    return stmt.where(sa.false())


async def load_payment(session: AsyncSession, caller: Caller, payment_id: uuid.UUID) -> Payment:
    stmt = _visible(sa.select(Payment).where(Payment.id == payment_id), caller)
    return await load_or_404(session, stmt, PaymentNotFound)


async def list_payments(
    session: AsyncSession, caller: Caller, page: PageQuery, status: str | None
) -> tuple[list[Payment], str | None]:
    stmt = _visible(sa.select(Payment), caller)
    if status:
        stmt = stmt.where(Payment.status == status)
    return await paginate(session, stmt, Payment, page)


async def allocations_of(
    session: AsyncSession, payment_ids: list[uuid.UUID]
) -> dict[uuid.UUID, list[tuple[Allocation, str]]]:
    rows = await session.execute(
        sa.select(Allocation, Invoice.number)
        .join(Invoice, Invoice.id == Allocation.invoice_id)
        .where(Allocation.payment_id.in_(payment_ids))
        .order_by(Allocation.created_at)
    )
    found: dict[uuid.UUID, list[tuple[Allocation, str]]] = {}
    for allocation, number in rows:
        found.setdefault(allocation.payment_id, []).append((allocation, number))
    return found
