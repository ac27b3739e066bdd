"""Invoices from ordering's events (R-BI-1): one per order and one per subscription charge.

Each is numbered without gaps per year, carries an RF structured reference and is due after the
reseller's payment terms (R-BI-3: 30 days). Creation is idempotent per order / charge: the event
handler and the read-your-writes path (a partner asking for an order's invoice before the event
arrived, `invoice_for_order`) go through `_create` under a transaction lock on the order or charge.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.asyncio import AsyncSession

from libs.db import UnitOfWork
from libs.events import billing as ev
from libs.events import ordering as ordering_events
from libs.events.billing import CreditNoteKind, InvoiceKind, InvoiceStatus
from libs.events.ordering import PaymentRequirement
from libs.internal_client import InternalClient
from libs.money import round_half_up
from libs.outbox import Emission
from services.billing.domain.references import invoice_number, rf_reference
from services.billing.domain.statuses import InvoiceTaxRegime
from services.billing.models import Invoice, InvoiceCounter, ResellerAccount
from services.billing.usecases import credit_notes, ledger, numbering, readmodels
from services.billing.usecases.amounts import invoice_data

DEFAULT_TERMS_DAYS = 30  # the default program's, until the reseller's own terms are known
DEFAULT_INTEREST_RATE = Decimal("0.08")


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
_ORDER_INVOICES = sa.select(Invoice).where(
    Invoice.kind == InvoiceKind.ORDER,
    Invoice.order_id == sa.any_(sa.bindparam("order_ids", type_=ARRAY(sa.Uuid))),
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


@dataclass(frozen=True)
class InvoiceDraft:
    """What an invoice is made of before it has a number; `correlation_id` is that of the event it
    answers (its `InvoiceIssued` carries it on)."""

    kind: InvoiceKind
    reseller_id: uuid.UUID
    issue_date: date
    currency: str
    amounts: dict[str, Any]
    lines: list[dict[str, Any]]
    refs: dict[str, Any]
    ship_to: dict[str, Any] | None
    payment_requirement: PaymentRequirement
    bill_to: dict[str, Any] | None = None
    correlation_id: str | None = None


async def _create_many(
    uow: UnitOfWork, drafts: list[InvoiceDraft], onboarding: InternalClient | None = None
) -> list[Invoice]:
    """The drafts as invoices, numbered in their order, with as few statements as the batch allows:
    the resellers' accounts (one read each, the session's identity map serves repeats), the numbers
    of each year in one statement, the invoices in one flush, their events in one outbox write, and
    per reseller one "has it credit?" — its credit balance pays the new invoices, oldest first, as
    it would have paid them one by one."""
    session = uow.session
    if not drafts:
        return []
    accounts = {
        reseller_id: await readmodels.ACCOUNTS.get(uow, reseller_id, onboarding)
        for reseller_id in dict.fromkeys(d.reseller_id for d in drafts)
    }
    per_year = Counter(d.issue_date.year for d in drafts)
    numbers = {  # in year order: one lock order on the counters' rows
        year: iter(await numbering.take_sequences(session, InvoiceCounter, year, per_year[year]))
        for year in sorted(per_year)
    }
    invoices = []
    for draft in drafts:
        account = accounts[draft.reseller_id]
        terms = account.payment_terms_days if account else DEFAULT_TERMS_DAYS
        year = draft.issue_date.year
        sequence = next(numbers[year])
        number = invoice_number(year, sequence)
        invoices.append(
            Invoice(
                id=uuid.uuid4(),
                number=number,
                year=year,
                sequence=sequence,
                payment_reference=rf_reference(number),
                kind=draft.kind,
                reseller_id=draft.reseller_id,
                payment_requirement=draft.payment_requirement,
                status=InvoiceStatus.OPEN,
                currency=draft.currency,
                principal_paid=Decimal(0),
                interest_paid=Decimal(0),
                interest_accrued=Decimal(0),
                annual_interest_rate=account.annual_interest_rate if account else DEFAULT_INTEREST_RATE,
                issue_date=draft.issue_date,
                due_date=draft.issue_date + timedelta(days=terms),
                reminder_level=0,
                principal_paid_reported=False,
                bill_to=draft.bill_to if draft.bill_to is not None else _bill_to(account, draft.reseller_id),
                ship_to=draft.ship_to,
                lines=draft.lines,
                **draft.amounts,
                **draft.refs,
            )
        )
    session.add_all(invoices)
    await session.flush()
    await uow.emit_many(
        [
            Emission(
                ev.InvoiceIssued(
                    invoice_id=invoice.id,
                    invoice=invoice_data(invoice),
                    links=ev.DocumentLinks(
                        pdf=f"/v1/invoices/{invoice.id}/pdf", ubl=f"/v1/invoices/{invoice.id}/ubl"
                    ),
                ),
                reseller_id=invoice.reseller_id,
                correlation_id=draft.correlation_id,
            )
            for invoice, draft in zip(invoices, drafts, strict=True)
        ]
    )
    # a WaaS invoice is the end customer's debt, never paid by the reseller's credit
    paid_by_reseller: dict[uuid.UUID, date] = {}
    for draft in drafts:
        if draft.kind != InvoiceKind.WAAS:
            latest = paid_by_reseller.get(draft.reseller_id, draft.issue_date)
            paid_by_reseller[draft.reseller_id] = max(latest, draft.issue_date)
    for reseller_id, day in paid_by_reseller.items():
        if await ledger.has_credit(session, reseller_id):
            # its credit balance pays them; a new invoice is never overdue, so nothing else changes —
            # and a reseller without credit to apply takes no lock beyond its own rows
            await ledger.settle_reseller(uow, reseller_id, day)
    return invoices


async def _create(uow: UnitOfWork, draft: InvoiceDraft, onboarding: InternalClient | None = None) -> Invoice:
    return (await _create_many(uow, [draft], onboarding))[0]


def invoice_amounts(
    net: Decimal, tax: Decimal, total: Decimal, *, regime: str, rate: Decimal, note: str | None
) -> dict[str, Any]:
    """An invoice's totals and tax decision, as a draft carries them."""
    return {
        "net": net,
        "tax": tax,
        "total": total,
        "tax_regime": InvoiceTaxRegime(regime),
        "tax_rate": rate,
        "tax_note": note,
    }


def _money(value: Decimal) -> str:
    return str(value)


def _order_draft(event: ordering_events.OrderPlaced, correlation_id: str | None) -> InvoiceDraft:
    """The order's invoice as ordering placed it: lines and tax exactly as ordered."""
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
    return InvoiceDraft(
        kind=InvoiceKind.ORDER,
        reseller_id=event.reseller_id,
        issue_date=event.placed_on,
        currency=event.currency,
        amounts=invoice_amounts(
            event.net_total,
            event.tax_total,
            event.total,
            regime=event.tax_regime,
            rate=event.tax_rate,
            note=event.tax_note,
        ),
        lines=lines,
        refs={"order_id": event.order_id, "customer_id": event.customer_id},
        ship_to=event.ship_to.model_dump() if event.ship_to else None,
        payment_requirement=event.payment_requirement,
        correlation_id=correlation_id,
    )


async def invoice_orders(
    uow: UnitOfWork,
    placed: Sequence[tuple[ordering_events.OrderPlaced, str | None]],
    onboarding: InternalClient | None = None,
) -> list[Invoice]:
    """Each placed order's invoice (with the correlation id of the event that placed it), in order:
    the orders already invoiced are found with one read, the others invoiced together. An order
    named twice gets one invoice."""
    session = uow.session
    await serialise_invoicing(session)
    order_ids = [event.order_id for event, _ in placed]
    invoices = {i.order_id: i for i in await session.scalars(_ORDER_INVOICES, {"order_ids": order_ids})}
    drafts: dict[uuid.UUID, InvoiceDraft] = {}
    for event, correlation_id in placed:
        if event.order_id not in invoices and event.order_id not in drafts:  # the first naming wins
            drafts[event.order_id] = _order_draft(event, correlation_id)
    created = await _create_many(uow, list(drafts.values()), onboarding)
    invoices.update(zip(drafts, created, strict=True))
    return [invoices[order_id] for order_id in order_ids]


async def invoice_order(
    uow: UnitOfWork, event: ordering_events.OrderPlaced, onboarding: InternalClient | None = None
) -> Invoice:
    """The order's invoice (created now if it has none)."""
    return (await invoice_orders(uow, [(event, None)], onboarding))[0]


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
        InvoiceDraft(
            kind=InvoiceKind.SUBSCRIPTION,
            reseller_id=event.reseller_id,
            issue_date=issued,
            currency=event.currency,
            amounts=invoice_amounts(
                charge.net,
                charge.tax,
                charge.total,
                regime=charge.tax_regime,
                rate=charge.tax_rate,
                note=charge.tax_note,
            ),
            lines=[_charge_line(event, charge)],
            refs={
                "subscription_id": event.subscription_id,
                "charge_id": charge.charge_id,
                "customer_id": event.customer_id,
            },
            ship_to=None,
            payment_requirement=charge.payment_requirement,
        ),
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
