"""Invoices from ordering's events (R-BI-1): one per order and one per subscription charge.

Each is numbered without gaps per year, carries an RF structured reference and is due after the
reseller's payment terms (R-BI-3: 30 days). Creation is idempotent per order / charge: the event
handler and the read-your-writes path (a partner asking for an order's invoice before the event
arrived, `invoice_for_order`) go through `_create` under a transaction lock on the order or charge.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from libs.db import UnitOfWork
from libs.events import billing as ev
from libs.events import ordering as ordering_events
from libs.events.billing import CreditNoteKind, InvoiceKind, InvoiceStatus
from libs.events.ordering import PaymentRequirement
from libs.internal_client import InternalClient
from libs.money import round_half_up
from services.billing.domain.references import invoice_number, rf_reference
from services.billing.domain.statuses import InvoiceTaxRegime
from services.billing.models import Invoice, InvoiceCounter, ResellerAccount
from services.billing.usecases import credit_notes, ledger, numbering, readmodels
from services.billing.usecases.amounts import invoice_data

DEFAULT_TERMS_DAYS = 30  # the default program's, until the reseller's own terms are known
DEFAULT_INTEREST_RATE = Decimal("0.08")


async def _next_number(session: AsyncSession, year: int) -> tuple[int, str]:
    sequence = await numbering.take_sequence(session, InvoiceCounter, year)
    return sequence, invoice_number(year, sequence)


async def serialise_invoicing(session: AsyncSession) -> None:
    """One lock for every creation or crediting of an invoice, taken before anything else: the
    handler, a partner's read that invoices an order at once, and WaaS runs queue on it. A lock per
    order deadlocked — a consumer batch invoicing orders A and B held the year's number counter
    while waiting for B's lock, which a partner's read of B held while waiting for the counter.
    Invoice numbers are one gapless series, so creations queue on the counter anyway.

    Taken once per transaction: a consumer applies a run of orders in one, and the lock is held
    until it ends. Another transaction (after a commit or a rollback) takes it again."""
    transaction = session.get_transaction()
    if transaction is not None and session.info.get(_LOCK_HELD_IN) is transaction:
        return
    await session.execute(_INVOICING_LOCK)
    session.info[_LOCK_HELD_IN] = session.get_transaction()


_LOCK_HELD_IN = "billing.invoicing_lock_held_in"  # session.info: the transaction holding it
_INVOICING_LOCK = sa.select(sa.func.pg_advisory_xact_lock(sa.func.hashtextextended("billing.invoicing", 0)))
_ORDER_INVOICE = sa.select(Invoice).where(
    Invoice.kind == InvoiceKind.ORDER, Invoice.order_id == sa.bindparam("order_id", type_=sa.Uuid)
)


def _bill_to(account: ResellerAccount | None, reseller_id: uuid.UUID) -> dict[str, Any]:
    if account is None:  # filled in when the reseller's snapshot arrives (views.ensure_bill_to)
        return {}
    return {
        "name": account.company_name,
        "country": account.country,
        "vat_id": account.vat_id,
        "email": account.contact_email,
    }


async def _create(
    uow: UnitOfWork,
    *,
    kind: InvoiceKind,
    reseller_id: uuid.UUID,
    issue_date: date,
    currency: str,
    amounts: dict[str, Any],
    lines: list[dict[str, Any]],
    refs: dict[str, Any],
    ship_to: dict[str, Any] | None,
    payment_requirement: PaymentRequirement,
    onboarding: InternalClient | None,
    bill_to: dict[str, Any] | None = None,
) -> Invoice:
    session = uow.session
    account = await readmodels.ACCOUNTS.get(uow, reseller_id, onboarding)
    terms = account.payment_terms_days if account else DEFAULT_TERMS_DAYS
    sequence, number = await _next_number(session, issue_date.year)
    invoice = Invoice(
        id=uuid.uuid4(),
        number=number,
        year=issue_date.year,
        sequence=sequence,
        payment_reference=rf_reference(number),
        kind=kind,
        reseller_id=reseller_id,
        payment_requirement=payment_requirement,
        status=InvoiceStatus.OPEN,
        currency=currency,
        principal_paid=Decimal(0),
        interest_paid=Decimal(0),
        interest_accrued=Decimal(0),
        annual_interest_rate=account.annual_interest_rate if account else DEFAULT_INTEREST_RATE,
        issue_date=issue_date,
        due_date=issue_date + timedelta(days=terms),
        reminder_level=0,
        principal_paid_reported=False,
        bill_to=bill_to if bill_to is not None else _bill_to(account, reseller_id),
        ship_to=ship_to,
        lines=lines,
        **amounts,
        **refs,
    )
    session.add(invoice)
    await session.flush()
    await uow.emit(
        ev.InvoiceIssued(
            invoice_id=invoice.id,
            invoice=invoice_data(invoice),
            links=ev.DocumentLinks(
                pdf=f"/v1/invoices/{invoice.id}/pdf", ubl=f"/v1/invoices/{invoice.id}/ubl"
            ),
        ),
        reseller_id=reseller_id,
    )
    if kind != InvoiceKind.WAAS and await ledger.has_credit(session, reseller_id):
        # its credit balance pays it; a new invoice is never overdue, so nothing else changes — and an
        # order without credit to apply takes no lock beyond its own rows
        await ledger.settle_reseller(uow, reseller_id, issue_date)
    return invoice


def _money(value: Decimal) -> str:
    return str(value)


async def invoice_order(
    uow: UnitOfWork, event: ordering_events.OrderPlaced, onboarding: InternalClient | None = None
) -> Invoice:
    """The order's invoice, created from what ordering placed: lines and tax exactly as ordered."""
    session = uow.session
    await serialise_invoicing(session)
    existing = await session.scalar(_ORDER_INVOICE, {"order_id": event.order_id})
    if existing is not None:
        return existing
    lines = [
        {
            "description": f"{line.product} {line.sku}",
            "sku": line.sku,
            "quantity": line.quantity,
            "unit_price": _money(line.unit_price),
            "net": _money(line.net),
            "tax": _money(line.tax),
            "total": _money(line.total),
        }
        for line in event.lines
    ]
    return await _create(
        uow,
        kind=InvoiceKind.ORDER,
        reseller_id=event.reseller_id,
        issue_date=event.placed_on,
        currency=event.currency,
        amounts={
            "net": event.net_total,
            "tax": event.tax_total,
            "total": event.total,
            "tax_regime": InvoiceTaxRegime(event.tax_regime),
            "tax_rate": event.tax_rate,
            "tax_note": event.tax_note,
        },
        lines=lines,
        refs={"order_id": event.order_id, "customer_id": event.customer_id},
        ship_to=event.ship_to.model_dump() if event.ship_to else None,
        payment_requirement=event.payment_requirement,
        onboarding=onboarding,
    )


def _charge_line(
    event: ordering_events.SubscriptionEvent, charge: ordering_events.ChargeData
) -> dict[str, Any]:
    if isinstance(event, ordering_events.SubscriptionSeatsAdded):
        quantity = event.added
        what = f"{event.added} seat(s) added, {event.months_charged} month(s) to {event.period_end}"
    else:
        quantity = event.seats
        what = f"{event.seats} seat(s), {event.period_start} to {event.period_end}"
    unit = round_half_up(charge.net / quantity, event.currency) if quantity else charge.net
    return {
        "description": f"{event.product} {event.sku}: {what}",
        "sku": event.sku,
        "quantity": quantity,
        "unit_price": _money(unit),
        "net": _money(charge.net),
        "tax": _money(charge.tax),
        "total": _money(charge.total),
    }


async def invoice_charge(
    uow: UnitOfWork,
    event: ordering_events.SubscriptionEvent,
    charge: ordering_events.ChargeData,
    issued: date,
) -> Invoice:
    """A subscription charge's invoice (creation, renewal, seats bought, conversion), billed to the
    reseller the event names: the charge's bill-to."""
    session = uow.session
    await serialise_invoicing(session)
    existing = await session.scalar(sa.select(Invoice).where(Invoice.charge_id == charge.charge_id))
    if existing is not None:
        return existing
    return await _create(
        uow,
        kind=InvoiceKind.SUBSCRIPTION,
        reseller_id=event.reseller_id,
        issue_date=issued,
        currency=event.currency,
        amounts={
            "net": charge.net,
            "tax": charge.tax,
            "total": charge.total,
            "tax_regime": InvoiceTaxRegime(charge.tax_regime),
            "tax_rate": charge.tax_rate,
            "tax_note": charge.tax_note,
        },
        lines=[_charge_line(event, charge)],
        refs={
            "subscription_id": event.subscription_id,
            "charge_id": charge.charge_id,
            "customer_id": event.customer_id,
        },
        ship_to=None,
        payment_requirement=charge.payment_requirement,
        onboarding=None,
    )


async def invoice_for_order(
    uow: UnitOfWork, ordering: InternalClient, onboarding: InternalClient, order_id: uuid.UUID
) -> Invoice | None:
    """Read-your-writes: the order was placed a moment ago and its event has not reached billing;
    ask ordering for it and invoice it now, exactly as the handler will (which then finds it)."""
    placed = await ordering.get(f"/internal/orders/{order_id}", ordering_events.OrderPlaced)
    if placed is None:
        return None
    return await invoice_order(uow, placed, onboarding)


async def credit_for_order(
    uow: UnitOfWork, order_id: uuid.UUID, *, kind: CreditNoteKind, reason: str, day: date
) -> None:
    """The order was cancelled, or handed over to the vendor's sales team (R-OR-9): its invoice is
    credited in full with a credit note (R-BI-8) — never voided; what was paid becomes credit."""
    session = uow.session
    await serialise_invoicing(session)
    await credit_notes.credit_order(uow, order_id, kind=kind, reason=reason, day=day)


async def link_customer(session: AsyncSession, order_id: uuid.UUID, customer_id: uuid.UUID) -> None:
    """R-CU-9: a ship-to order got its customer; the invoice's ship-to names it from now on."""
    await session.execute(
        sa.update(Invoice)
        .where(Invoice.kind == InvoiceKind.ORDER, Invoice.order_id == order_id, Invoice.customer_id.is_(None))
        .values(customer_id=customer_id)
    )
