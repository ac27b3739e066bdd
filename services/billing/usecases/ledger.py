"""The money on an invoice: payments put on it, undone, and what follows from each change.

Every figure is derived from facts dated by the money's value date (allocations, credit notes), so
the order in which things are *recorded* never changes what is owed: interest is recomputed from the
history (libs.late_interest), a payment settles what was due on the day it was at the bank, and what a
reversal or a credit note takes away is put back exactly.

After every change of a reseller's money `settle_reseller` runs once, at the end of the use case:
it applies the credit balance to the oldest open invoices (R-BI-9), tells ordering and onboarding
what was paid or is unpaid again, reconsiders the standing (R-BI-4) and publishes the balance.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import date
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from libs import late_interest as interest_rules
from libs.db import UnitOfWork
from libs.events import billing as ev
from libs.events.billing import InvoiceKind, InvoiceStatus
from libs.money import round_half_up
from services.billing.domain.matching import split_principal_interest
from services.billing.domain.statuses import PaymentStatus, UndoneReason
from services.billing.models import Allocation, CreditNote, Invoice, OverdueState, Payment
from services.billing.usecases import standing
from services.billing.usecases.amounts import (
    accrues_interest,
    amount_due,
    invoice_data,
    principal_due,
    settle_status,
)

OPEN_STATUSES = (InvoiceStatus.OPEN, InvoiceStatus.PARTIALLY_PAID, InvoiceStatus.OVERDUE)
CREDIT_BALANCE = "credit-balance"  # Allocation.assigned_by of credit applied automatically


async def _reductions(session: AsyncSession, invoice: Invoice) -> list[tuple[date, Decimal]]:
    """What reduced the principal, by value date: payments (and money a credit note later freed —
    it was at the bank from its value date), and what credit notes took off what was unpaid."""
    allocations = await session.execute(
        sa.select(Allocation.value_date, Allocation.principal, Allocation.undone_reason).where(
            Allocation.invoice_id == invoice.id
        )
    )
    found = [
        (value_date or invoice.issue_date, principal)
        for value_date, principal, undone in allocations
        if undone != UndoneReason.REVERSAL
    ]
    notes = await session.execute(
        sa.select(CreditNote.issue_date, CreditNote.total, CreditNote.refunded_to_balance).where(
            CreditNote.invoice_id == invoice.id
        )
    )
    found += [(day, total - refunded) for day, total, refunded in notes]
    return found


async def recompute(session: AsyncSession, invoice: Invoice) -> None:
    """Interest charged through `interest_accrued_to`, from the history; the status from the facts."""
    if accrues_interest(invoice):
        invoice.interest_accrued = interest_rules.accrued(
            invoice.total,
            invoice.annual_interest_rate,
            invoice.due_date,
            await _reductions(session, invoice),
            invoice.interest_accrued_to,
        )
    else:
        invoice.interest_accrued = Decimal(0)
    invoice.status = settle_status(invoice)


async def charge_interest_through(session: AsyncSession, invoice: Invoice, day: date) -> None:
    """Interest is owed up to `day` (a dunning run, or money arriving on that day)."""
    if invoice.interest_accrued_to is None or day > invoice.interest_accrued_to:
        invoice.interest_accrued_to = day
    await recompute(session, invoice)


async def apply_payment(
    uow: UnitOfWork,
    payment: Payment,
    invoice: Invoice,
    amount: Decimal,
    assigned_by: str,
    value_date: date | None = None,
) -> Decimal:
    """Apply up to `amount` of the payment to the (locked) invoice, principal first, settling what
    was due on the money's value date; returns what the invoice took."""
    session = uow.session
    if invoice.status not in OPEN_STATUSES or amount <= 0:
        return Decimal(0)
    day = value_date or payment.received_on
    await charge_interest_through(session, invoice, day)
    due = amount_due(invoice)
    if due <= 0:
        return Decimal(0)
    applied = min(amount, due)
    to_principal, to_interest = split_principal_interest(
        applied, principal_due(invoice), due - principal_due(invoice)
    )
    invoice.principal_paid += to_principal
    invoice.interest_paid += to_interest
    session.add(
        Allocation(
            id=uuid.uuid4(),
            payment_id=payment.id,
            invoice_id=invoice.id,
            amount=applied,
            principal=to_principal,
            interest=to_interest,
            value_date=day,
            assigned_by=assigned_by,
        )
    )
    await session.flush()
    await recompute(session, invoice)  # the payment stops the interest from its value date on
    await uow.emit(
        ev.InvoicePaymentApplied(
            invoice_id=invoice.id,
            invoice=invoice_data(invoice),
            payment_id=payment.id,
            amount=applied,
            received_on=day,
            principal=to_principal,
            interest=to_interest,
        ),
        reseller_id=invoice.reseller_id,
    )
    if invoice.status == InvoiceStatus.PAID:
        invoice.paid_on = day
        await uow.emit(
            ev.InvoicePaid(invoice_id=invoice.id, invoice=invoice_data(invoice), paid_on=day),
            reseller_id=invoice.reseller_id,
        )
    await report_paid_fact(uow, invoice, day)
    return applied


async def undo_allocation(
    session: AsyncSession, allocation: Allocation, invoice: Invoice, reason: UndoneReason, day: date
) -> Decimal:
    """Take the allocation's money off the (locked) invoice: the bank reversed it (`reversal`), or
    a credit note freed it for the credit balance (`credit_note`). Returns what it gave back."""
    allocation.undone_on = day
    allocation.undone_reason = reason
    invoice.principal_paid -= allocation.principal
    invoice.interest_paid -= allocation.interest
    if invoice.status in (InvoiceStatus.PAID, *OPEN_STATUSES):
        invoice.status = InvoiceStatus.OPEN  # recomputed from the facts just below
    invoice.paid_on = None
    await session.flush()
    await recompute(session, invoice)
    return allocation.amount


async def report_paid_fact(uow: UnitOfWork, invoice: Invoice, day: date) -> None:
    """R-BI-2 / R-ON-3: tell ordering (release) and onboarding (count) when the principal became paid
    by money, and when a reversal made it unpaid again — each fact versioned per invoice."""
    if invoice.kind == InvoiceKind.WAAS:
        return  # the end customer's instalment: nothing to release or count
    paid_by_money = principal_due(invoice) <= 0 and invoice.principal_paid > 0
    if paid_by_money and not invoice.principal_paid_reported:
        invoice.principal_paid_reported = True
        invoice.paid_fact_version += 1
        await uow.emit(_paid_event(invoice, day), reseller_id=invoice.reseller_id)
    elif not paid_by_money and invoice.principal_paid_reported and invoice.status != InvoiceStatus.CREDITED:
        invoice.principal_paid_reported = False
        invoice.paid_fact_version += 1
        if invoice.order_id is not None:
            await uow.emit(
                ev.OrderPaymentReversed(
                    order_id=invoice.order_id,
                    reseller_id=invoice.reseller_id,
                    invoice_id=invoice.id,
                    payment_requirement=invoice.payment_requirement,
                    amount=principal_due(invoice),
                    currency=invoice.currency,
                    reversed_on=day,
                    fact_version=invoice.paid_fact_version,
                ),
                reseller_id=invoice.reseller_id,
            )


def _paid_event(invoice: Invoice, day: date) -> ev.OrderPaid | ev.SubscriptionChargePaid:
    if invoice.order_id is not None:
        return ev.OrderPaid(
            order_id=invoice.order_id,
            reseller_id=invoice.reseller_id,
            amount=invoice.total,
            currency=invoice.currency,
            received_on=day,
            invoice_id=invoice.id,
            fact_version=invoice.paid_fact_version,
        )
    assert invoice.subscription_id is not None and invoice.charge_id is not None
    return ev.SubscriptionChargePaid(
        subscription_id=invoice.subscription_id,
        charge_id=invoice.charge_id,
        reseller_id=invoice.reseller_id,
        amount=invoice.total,
        currency=invoice.currency,
        received_on=day,
        invoice_id=invoice.id,
    )


# --- the credit balance (R-BI-9) ----------------------------------------------------------------


def _holds_credit(reseller_id: uuid.UUID | sa.BindParameter[Any]) -> tuple[Any, ...]:
    """The reseller's payments that still hold money no invoice took: its credit balance."""
    return (
        Payment.reseller_id == reseller_id,
        Payment.status != PaymentStatus.REVERSED,
        Payment.status != PaymentStatus.UNMATCHED,
        Payment.unapplied > 0,
    )


def holding(reseller_id: uuid.UUID) -> sa.Select[Any]:
    """Those payments, oldest money first (the order credit is applied and refunded in)."""
    return (
        sa.select(Payment)
        .where(*_holds_credit(reseller_id))
        .order_by(Payment.received_on, Payment.created_at, Payment.id)
    )


# asked for every new invoice: built once (a statement built per call costs more CPU to build and
# key than to run)
_HAS_CREDIT = sa.select(Payment.id).where(*_holds_credit(sa.bindparam("reseller_id", type_=sa.Uuid))).limit(1)


async def has_credit(session: AsyncSession, reseller_id: uuid.UUID) -> bool:
    return (await session.scalar(_HAS_CREDIT, {"reseller_id": reseller_id})) is not None


async def credit_balance(session: AsyncSession, reseller_id: uuid.UUID) -> dict[str, Decimal]:
    rows = await session.execute(
        sa.select(Payment.currency, sa.func.sum(Payment.unapplied))
        .where(*_holds_credit(reseller_id))
        .group_by(Payment.currency)
    )
    return {currency: round_half_up(total, currency) for currency, total in rows if currency and total > 0}


async def apply_credit_balance(uow: UnitOfWork, reseller_id: uuid.UUID) -> int:
    """Put the reseller's credit on its oldest open invoices of the same currency (never on an end
    customer's WaaS invoice: that is not the reseller's debt). Returns the invoices it paid on."""
    session = uow.session
    holders: list[Payment] = list((await session.scalars(holding(reseller_id).with_for_update())).all())
    if not holders:
        return 0
    by_currency: dict[str, list[Payment]] = defaultdict(list)
    for payment in holders:
        by_currency[payment.currency or ""].append(payment)
    touched = 0
    for currency, payments in by_currency.items():
        invoices = (
            await session.scalars(
                sa.select(Invoice)
                .where(
                    Invoice.reseller_id == reseller_id,
                    Invoice.currency == currency,
                    Invoice.kind != InvoiceKind.WAAS,
                    Invoice.status.in_(OPEN_STATUSES),
                )
                .order_by(Invoice.due_date, Invoice.issue_date, Invoice.number)
                .with_for_update()
            )
        ).all()
        for invoice in invoices:
            for payment in payments:
                if payment.unapplied <= 0:
                    continue
                # the money was there from the later of its value date and the invoice's issue
                day = max(payment.received_on, invoice.issue_date)
                taken = await apply_payment(uow, payment, invoice, payment.unapplied, CREDIT_BALANCE, day)
                if taken > 0:
                    payment.unapplied -= taken
                    touched += 1
                if invoice.status not in OPEN_STATUSES:
                    break
    return touched


async def _publish_balance(uow: UnitOfWork, state: OverdueState) -> None:
    session = uow.session
    balance = await credit_balance(session, state.reseller_id)
    shown = {currency: str(amount) for currency, amount in sorted(balance.items())}
    if shown == (state.credit_balance or {}):
        return
    state.credit_balance = shown
    state.balance_version += 1
    await uow.emit(
        ev.CreditBalanceChanged(
            reseller_id=state.reseller_id,
            balances=[ev.Balance(currency=c, amount=a) for c, a in sorted(balance.items())],
            version=state.balance_version,
        ),
        reseller_id=state.reseller_id,
    )


async def settle_reseller(uow: UnitOfWork, reseller_id: uuid.UUID | None, as_of: date) -> None:
    """After any change of the reseller's money: credit applied, standing reconsidered, balance told."""
    session = uow.session
    if reseller_id is None:
        return
    await apply_credit_balance(uow, reseller_id)
    await session.flush()
    state = await standing.reconsider(uow, reseller_id, as_of)
    await _publish_balance(uow, state)


async def free_for_credit(session: AsyncSession, invoice: Invoice, amount: Decimal, day: date) -> Decimal:
    """A credit note takes back `amount` of principal that was already paid: that money returns to
    the payments that paid it (newest first) and so to the reseller's credit balance. The freed part
    is kept as an undone allocation with its value date: it was at the bank from then on, so no
    interest is owed on it for the days before the credit note."""
    allocations = (
        await session.scalars(
            sa.select(Allocation)
            .where(Allocation.invoice_id == invoice.id, Allocation.undone_on.is_(None))
            .order_by(Allocation.created_at.desc(), Allocation.id.desc())
        )
    ).all()
    freed = Decimal(0)
    for allocation in allocations:
        if freed >= amount:
            break
        take = min(allocation.principal, amount - freed)
        if take <= 0:
            continue
        payment = await session.scalar(
            sa.select(Payment).where(Payment.id == allocation.payment_id).with_for_update()
        )
        assert payment is not None
        allocation.principal -= take
        allocation.amount -= take
        session.add(
            Allocation(
                id=uuid.uuid4(),
                payment_id=payment.id,
                invoice_id=invoice.id,
                amount=take,
                principal=take,
                interest=Decimal(0),
                value_date=allocation.value_date,
                assigned_by=allocation.assigned_by,
                undone_on=day,
                undone_reason=UndoneReason.CREDIT_NOTE,
            )
        )
        invoice.principal_paid -= take
        payment.unapplied += take
        if payment.status == PaymentStatus.UNMATCHED:
            payment.status = PaymentStatus.MATCHED
        freed += take
    await session.flush()
    return freed
