"""Payments by bank transfer (R-BI-1, R-BI-9): recorded by staff or read from ISO 20022 bank files
(camt.053 statements, camt.054 notifications), matched to invoices by the structured references the
transfer quoted, applied principal first, then interest (R-BI-4), as of the money's value date.

Nothing is dropped and nothing counted twice: each bank transaction is recorded once (its identity is
the account, the statement and the entry, never the day's `NtryRef` alone); money no invoice needs is
the reseller's credit balance, applied to its oldest open invoices; money of an unknown payer stays
unmatched on the staff work list; a reversal or return undoes the payment it names.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from libs.auth import Caller
from libs.db import UnitOfWork
from libs.events import billing as ev
from libs.events.billing import InvoiceKind
from libs.money import round_half_up
from libs.pagination import PageQuery, paginate
from libs.repository import load_or_404
from libs.tenancy import visible
from services.billing.config import BillingConfig
from services.billing.domain import camt
from services.billing.domain.references import normalise_reference
from services.billing.domain.statuses import PaymentSource, PaymentStatus, ReversalStatus, UndoneReason
from services.billing.errors import (
    BankStatementAccountUnknown,
    BankStatementRefused,
    CurrencyMismatch,
    InvoiceNotFound,
    InvoiceNotPayable,
    NothingToAssign,
    PaymentNotFound,
)
from services.billing.models import (
    Allocation,
    BankStatement,
    Invoice,
    Payment,
    PaymentReversal,
    Statement,
)
from services.billing.schemas import PaymentCreate
from services.billing.usecases import ledger
from services.billing.usecases.amounts import invoice_data
from services.billing.usecases.ledger import OPEN_STATUSES

__all__ = ["OPEN_STATUSES", "ImportResult", "assign", "import_statement", "record_payment"]


async def _invoices_for(session: AsyncSession, reference: str) -> list[Invoice]:
    """The invoices a structured reference names: one invoice, or a monthly statement's open items
    oldest first (a reseller paying its statement total at once)."""
    compact = normalise_reference(reference)
    if compact is None:
        return []
    invoice = await session.scalar(
        sa.select(Invoice).where(Invoice.payment_reference == compact).with_for_update()
    )
    if invoice is not None:
        return [invoice]
    statement = await session.scalar(sa.select(Statement).where(Statement.payment_reference == compact))
    if statement is None:
        return []
    ids = [uuid.UUID(item["invoice_id"]) for item in statement.items]
    rows = await session.scalars(
        sa.select(Invoice)
        .where(Invoice.id.in_(ids))
        .order_by(Invoice.due_date, Invoice.issue_date, Invoice.number)
        .with_for_update()
    )
    return list(rows)


async def _match(uow: UnitOfWork, payment: Payment) -> None:
    """Apply a new payment to the invoices its references name, in the order quoted; what is left
    is the reseller's credit balance. A payer we cannot name (no known reference, or another
    currency than its invoices) stays unmatched for staff."""
    session = uow.session
    named: list[Invoice] = []
    for reference in payment.references or ([payment.reference] if payment.reference else []):
        for invoice in await _invoices_for(session, reference):
            if invoice not in named:
                named.append(invoice)
    same_currency = [i for i in named if not payment.currency or i.currency == payment.currency]
    resellers = {i.reseller_id for i in same_currency if i.kind != InvoiceKind.WAAS}
    if not same_currency or len(resellers) > 1:
        payment.status, payment.unapplied = PaymentStatus.UNMATCHED, payment.amount
        return
    payment.currency = same_currency[0].currency
    payment.reseller_id = same_currency[0].reseller_id
    remaining = payment.amount
    short = False
    for invoice in same_currency:
        taken = await ledger.apply_payment(uow, payment, invoice, remaining, "reference")
        remaining -= taken
        short = short or (taken > 0 and invoice.status in OPEN_STATUSES)
    payment.unapplied = remaining
    # partial: an invoice it named is still owed; matched: every invoice it named is settled
    payment.status = PaymentStatus.PARTIAL if short else PaymentStatus.MATCHED


async def record_payment(uow: UnitOfWork, caller: Caller, body: PaymentCreate, as_of: date) -> Payment:
    session = uow.session
    payment = Payment(
        id=uuid.uuid4(),
        source=PaymentSource.MANUAL,
        reference=body.reference,
        references=[normalise_reference(body.reference) or body.reference],
        amount=body.amount.amount,
        currency=body.amount.currency,
        received_on=body.received_on,
        debtor=body.debtor,
        status=PaymentStatus.UNMATCHED,
        unapplied=body.amount.amount,
        recorded_by=caller.identity,
    )
    session.add(payment)
    await session.flush()
    await _match(uow, payment)
    await ledger.settle_reseller(uow, payment.reseller_id, max(as_of, payment.received_on))
    await session.flush()
    return await load_payment(session, caller, payment.id)


@dataclass
class ImportResult:
    statement: BankStatement
    duplicate: bool
    payments: list[Payment] = field(default_factory=list)
    already_recorded: int = 0
    other_debits: int = 0
    reversals: list[PaymentReversal] = field(default_factory=list)
    not_booked: list[dict[str, Any]] = field(default_factory=list)
    held: list[dict[str, Any]] = field(default_factory=list)


def _amount(value: Decimal, currency: str) -> Decimal:
    try:
        return round_half_up(value, currency)
    except ValueError:  # a currency code we do not know: kept as the bank wrote it
        return value


async def import_statement(
    uow: UnitOfWork, caller: Caller, data: bytes, config: BillingConfig, as_of: date
) -> ImportResult:
    """Read a bank file and book every transaction not seen before: credits are matched, reversals
    and returns undo the payment they name. Pending and information entries, and entries whose
    transactions do not add up, are reported and book nothing."""
    session = uow.session
    try:
        parsed = camt.parse(data)
    except camt.StatementRefused as exc:
        raise BankStatementRefused(str(exc)) from None
    foreign = sorted({s.iban or "(no IBAN)" for s in parsed.statements} - config.own_accounts)
    if foreign:
        raise BankStatementAccountUnknown(
            f"the statement is of account {', '.join(foreign)}, not one of the vendor's accounts"
        )
    report = {
        "not_booked": [
            {
                "entry_id": n.entry_id,
                "status": n.status,
                "direction": n.direction,
                "amount": str(n.amount),
                "currency": n.currency,
            }
            for s in parsed.statements
            for n in s.not_booked
        ],
        "held": [
            {"entry_id": h.entry_id, "amount": str(h.amount), "currency": h.currency, "reason": h.reason}
            for s in parsed.statements
            for h in s.held
        ],
    }
    inserted = await session.scalar(
        pg_insert(BankStatement)
        .values(
            id=uuid.uuid4(),
            statement_key=parsed.statement_key,
            account_iban=",".join(sorted({s.iban or "" for s in parsed.statements})),
            entries=sum(len(s.credits) + len(s.reversals) for s in parsed.statements),
            report=report,
            uploaded_by=caller.identity,
        )
        .on_conflict_do_nothing(index_elements=[BankStatement.statement_key])
        .returning(BankStatement.id)
    )
    statement = await session.scalar(
        sa.select(BankStatement).where(BankStatement.statement_key == parsed.statement_key)
    )
    assert statement is not None
    result = ImportResult(
        statement, duplicate=inserted is None, not_booked=report["not_booked"], held=report["held"]
    )
    result.other_debits = sum(s.other_debits for s in parsed.statements)
    if result.duplicate:
        result.already_recorded = sum(len(s.credits) + len(s.reversals) for s in parsed.statements)
        return result
    resellers: set[uuid.UUID | None] = set()
    for account in parsed.statements:
        incoming = account.credits + [r for r in account.reversals if r.direction == "credit"]
        for credit in incoming:
            payment = await _record_credit(session, caller, statement, credit)
            if payment is None:
                result.already_recorded += 1
                continue
            await _match(uow, payment)
            resellers.add(payment.reseller_id)
            result.payments.append(payment)
        for debit in (r for r in account.reversals if r.direction == "debit"):
            reversal = await reverse(uow, statement, debit)
            if reversal is None:
                result.already_recorded += 1
                continue
            result.reversals.append(reversal)
            if reversal.payment_id is not None:
                payment = await session.get(Payment, reversal.payment_id)
                resellers.add(payment.reseller_id if payment else None)
    for reseller_id in sorted((r for r in resellers if r is not None), key=str):
        await ledger.settle_reseller(uow, reseller_id, as_of)
    await session.flush()
    return result


async def _record_credit(
    session: AsyncSession, caller: Caller, statement: BankStatement, credit: camt.Transaction
) -> Payment | None:
    amount = _amount(credit.amount, credit.currency)
    payment_id = await session.scalar(
        pg_insert(Payment)
        .values(
            id=uuid.uuid4(),
            source=PaymentSource.BANK_STATEMENT,
            entry_key=credit.key,
            bank_statement_id=statement.id,
            reference=credit.references[0] if credit.references else None,
            references=list(credit.references),
            end_to_end_id=credit.end_to_end_id,
            bank_reference=credit.bank_reference,
            amount=amount,
            currency=credit.currency,
            received_on=credit.value_date,
            debtor=credit.debtor,
            status=PaymentStatus.UNMATCHED,
            unapplied=amount,
            recorded_by=caller.identity,
        )
        .on_conflict_do_nothing(index_elements=[Payment.entry_key])
        .returning(Payment.id)
    )
    if payment_id is None:  # the same transaction came in an earlier file
        return None
    return await session.get(Payment, payment_id)


async def _original_of(session: AsyncSession, debit: camt.Transaction) -> Payment | None:
    """The payment a reversal or return names: by end-to-end id, then the bank's reference, then the
    structured reference — always of the same amount and currency, never one reversed already."""
    ids = [r for r in debit.original_references if r]
    if debit.end_to_end_id:
        ids.insert(0, debit.end_to_end_id)
    candidates = sa.select(Payment).where(
        Payment.status != PaymentStatus.REVERSED,
        Payment.amount == _amount(debit.amount, debit.currency),
        Payment.currency == debit.currency,
    )
    for column in (Payment.end_to_end_id, Payment.bank_reference):
        if ids:
            found = await session.scalar(
                candidates.where(column.in_(ids)).order_by(Payment.received_on.desc()).with_for_update()
            )
            if found is not None:
                return found
    references = [r for r in (*debit.references, *ids) if normalise_reference(r)]
    for reference in references:
        found = await session.scalar(
            candidates.where(Payment.references.contains([normalise_reference(reference)]))
            .order_by(Payment.received_on.desc())
            .with_for_update()
        )
        if found is not None:
            return found
    return None


async def reverse(
    uow: UnitOfWork, statement: BankStatement, debit: camt.Transaction
) -> PaymentReversal | None:
    """Undo the payment the bank took back: its money leaves every invoice it paid (they reopen and
    follow from there: overdue, standing, the paid-order count), its credit balance is gone."""
    session = uow.session
    reversal_id = await session.scalar(
        pg_insert(PaymentReversal)
        .values(
            id=uuid.uuid4(),
            entry_key=debit.key,
            bank_statement_id=statement.id,
            amount=_amount(debit.amount, debit.currency),
            currency=debit.currency,
            booked_on=debit.value_date,
            reason=debit.return_reason or ("reversal" if debit.reversal else None),
            status=ReversalStatus.UNMATCHED,
        )
        .on_conflict_do_nothing(index_elements=[PaymentReversal.entry_key])
        .returning(PaymentReversal.id)
    )
    if reversal_id is None:
        return None
    reversal = await session.get(PaymentReversal, reversal_id)
    assert reversal is not None
    payment = await _original_of(session, debit)
    if payment is None:
        return reversal  # kept for staff: money left the account for a payment we cannot name
    reversal.payment_id, reversal.status = payment.id, ReversalStatus.APPLIED
    await undo_payment(uow, payment, debit.value_date)
    return reversal


async def undo_payment(uow: UnitOfWork, payment: Payment, day: date) -> None:
    session = uow.session
    allocations = (
        await session.scalars(
            sa.select(Allocation)
            .where(Allocation.payment_id == payment.id, Allocation.undone_on.is_(None))
            .order_by(Allocation.created_at)
        )
    ).all()
    for allocation in allocations:
        invoice = await session.scalar(
            sa.select(Invoice).where(Invoice.id == allocation.invoice_id).with_for_update()
        )
        assert invoice is not None
        amount = await ledger.undo_allocation(session, allocation, invoice, UndoneReason.REVERSAL, day)
        await uow.emit(
            ev.InvoicePaymentReversed(
                invoice_id=invoice.id,
                invoice=invoice_data(invoice),
                payment_id=payment.id,
                amount=amount,
                reversed_on=day,
                principal=allocation.principal,
                interest=allocation.interest,
            ),
            reseller_id=invoice.reseller_id,
        )
        await ledger.report_paid_fact(uow, invoice, day)
    payment.status, payment.unapplied, payment.reversed_on = PaymentStatus.REVERSED, Decimal(0), day
    await session.flush()


async def assign(
    uow: UnitOfWork, caller: Caller, payment_id: uuid.UUID, invoice_id: uuid.UUID, as_of: date
) -> Payment:
    """Staff put an unmatched payment (or a credit balance's payment) on an invoice; what the invoice
    does not take is that reseller's credit balance."""
    session = uow.session
    payment = await load_or_404(
        session, sa.select(Payment).where(Payment.id == payment_id), PaymentNotFound, lock=True
    )
    if payment.unapplied <= 0 or payment.status == PaymentStatus.REVERSED:
        raise NothingToAssign()
    invoice = await load_or_404(
        session, sa.select(Invoice).where(Invoice.id == invoice_id), InvoiceNotFound, lock=True
    )
    if invoice.status not in OPEN_STATUSES:
        raise InvoiceNotPayable(f"invoice {invoice.number} is {invoice.status}")
    if payment.currency and payment.currency != invoice.currency:
        raise CurrencyMismatch(f"the payment is in {payment.currency}, the invoice in {invoice.currency}")
    if payment.reseller_id is not None and payment.reseller_id != invoice.reseller_id:
        raise InvoiceNotPayable("the payment is another reseller's credit")
    applied = await ledger.apply_payment(uow, payment, invoice, payment.unapplied, caller.identity)
    payment.currency = invoice.currency
    payment.reseller_id = invoice.reseller_id
    payment.unapplied -= applied
    payment.status = PaymentStatus.PARTIAL if invoice.status in OPEN_STATUSES else PaymentStatus.MATCHED
    await ledger.settle_reseller(uow, payment.reseller_id, as_of)
    await session.flush()
    return await load_payment(session, caller, payment.id)


async def load_payment(session: AsyncSession, caller: Caller, payment_id: uuid.UUID) -> Payment:
    stmt = visible(Payment, caller).where(Payment.id == payment_id)
    return await load_or_404(session, stmt, PaymentNotFound)


async def list_payments(
    session: AsyncSession, caller: Caller, page: PageQuery, status: PaymentStatus | None
) -> tuple[list[Payment], str | None]:
    stmt = visible(Payment, caller)
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
        # allocations of one payment share their transaction's created_at: then in the order they were
        # made (oldest invoice first), never in whatever order PostgreSQL returns ties
        .order_by(Allocation.created_at, Invoice.due_date, Invoice.issue_date, Invoice.number)
    )
    found: dict[uuid.UUID, list[tuple[Allocation, str]]] = {}
    for allocation, number in rows:
        found.setdefault(allocation.payment_id, []).append((allocation, number))
    return found
