"""Events → the reports' read models. Each upsert is idempotent (keyed by the fact's own id) and
keeps the newest state where events carry whole states (invoices: one key, one partition, in order;
the event time guards a replay)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from libs.db import BulkInsert
from libs.events import billing as billing_events
from libs.events import leasing as leasing_events
from libs.events import licensing as licensing_events
from libs.events import onboarding as onboarding_events
from libs.events import ordering as ordering_events
from libs.snapshots import SnapshotView
from services.reports.models import (
    CommissionFigure,
    ContractFigure,
    Receivable,
    ReceivableMovement,
    ResellerView,
    SaleLine,
    SeatFigure,
    SeatUsage,
    WaasSale,
)

# names and standings only: a reseller the events have not brought yet shows by its id, so the
# reports never ask onboarding (the path is the owner's, as the declaration requires)
RESELLERS = SnapshotView(ResellerView, onboarding_events.ResellerSnapshot, path="/internal/resellers/{key}")


def _upsert(model: Any, key: str, values: dict[str, Any], where: Any = None) -> Any:
    stmt = pg_insert(model).values(values)
    return stmt.on_conflict_do_update(
        index_elements=[key], set_={k: stmt.excluded[k] for k in values if k != key}, where=where
    )


# Built once (a statement built per event cost more CPU than the database spent on it: ORM
# inspection, compilation, cache keys); executed with the rows as parameters.
def _table(model: Any) -> sa.Table:
    return cast("sa.Table", model.__table__)


# a run of placed orders' lines: one execution, not one per line (libs.db.BulkInsert)
_SALE_LINES = BulkInsert(_table(SaleLine), suffix="ON CONFLICT (id) DO NOTHING")
_RECEIVABLE_COLUMNS = (
    "reseller_id",
    "kind",
    "number",
    "status",
    "currency",
    "total",
    "amount_due",
    "accrues_interest",
    "annual_interest_rate",
    "issue_date",
    "due_date",
    "event_time",
)


def _receivable_upsert(columns: tuple[str, ...]) -> Any:
    table = _table(Receivable)
    stmt = pg_insert(table)
    return stmt.on_conflict_do_update(
        index_elements=["invoice_id"],
        set_={c: stmt.excluded[c] for c in columns},
        where=table.c.event_time <= stmt.excluded.event_time,
    )


_RECEIVABLE = _receivable_upsert(_RECEIVABLE_COLUMNS)
_RECEIVABLE_CREDITED = _receivable_upsert((*_RECEIVABLE_COLUMNS, "credited_on"))
_MOVEMENT = pg_insert(_table(ReceivableMovement)).on_conflict_do_nothing(index_elements=["event_id"])
_SALE_COLUMNS = (
    "reseller_id",
    "manufacturer",
    "bundle",
    "hardware_model",
    "units",
    "partner_country",
    "customer_country",
    "leased_on",
)
_sale = pg_insert(_table(WaasSale))
# a contract's events come in order (one key, one partition), each with its whole state: the last wins
_WAAS_SALE = _sale.on_conflict_do_update(
    index_elements=["contract_id"], set_={c: _sale.excluded[c] for c in _SALE_COLUMNS}
)


async def orders_placed(session: AsyncSession, events: list[ordering_events.OrderPlaced]) -> None:
    """Every line of a run of placed orders in one statement (a redelivered order's lines are
    there already: kept as they are)."""
    rows = [
        {
            "id": f"{event.order_id}:{n}",
            "source_id": event.order_id,
            "reseller_id": event.reseller_id,
            "product": line.product,
            "sku": line.sku,
            "quantity": line.quantity,
            "net": line.net,
            "currency": event.currency,
            "sold_on": event.placed_on,
            "cancelled": False,
        }
        for event in events
        for n, line in enumerate(event.lines)
    ]
    await _SALE_LINES.run(session, rows)


async def order_cancelled(
    session: AsyncSession, event: ordering_events.OrderCancelled | ordering_events.OrderHandedOver
) -> None:
    """A cancelled order is no sale; nor is a handed-over one (R-OR-9: the deal left the reseller,
    its invoice is credited) — both are kept, flagged, and left out of the sales report."""
    await session.execute(
        sa.update(SaleLine).where(SaleLine.source_id == event.order_id).values(cancelled=True)
    )


async def subscription_changed(
    session: AsyncSession, event: ordering_events.SubscriptionEvent, at: datetime
) -> None:
    charge = getattr(event, "charge", None)
    if charge is not None:
        quantity = getattr(event, "added", event.seats)
        await session.execute(
            pg_insert(SaleLine)
            .values(
                id=str(charge.charge_id),
                source_id=event.subscription_id,
                reseller_id=event.reseller_id,
                product=event.product,
                sku=event.sku,
                quantity=quantity,
                net=charge.net,
                currency=event.currency,
                sold_on=at.date(),
            )
            .on_conflict_do_nothing(index_elements=[SaleLine.id])
        )
    values = dict(
        subscription_id=event.subscription_id,
        reseller_id=event.reseller_id,
        customer_id=event.customer_id,
        sku=event.sku,
        seats=max(event.seats - event.seats_pending_payment, 0),
        status=event.status,
    )
    await session.execute(_upsert(SeatFigure, "subscription_id", values))


async def seats_changed(session: AsyncSession, event: licensing_events.SeatEvent) -> None:
    values = {
        "subscription_id": event.subscription_id,
        "assigned": event.seats_assigned,
        # older events did not say how many were activated: then none are counted as in use
        "active": event.seats_active or 0,
    }
    await session.execute(_upsert(SeatUsage, "subscription_id", values))


def movement(event: billing_events.InvoiceEvent) -> tuple[str, date, Decimal, Decimal] | None:
    """(kind, day, principal change, interest received) of an invoice event; None if no money moved.
    A reversal undoes its payment as if it had never been made (the bank took the money back), as
    billing counts it; it is recorded with no amount of its own."""
    if isinstance(event, billing_events.InvoiceIssued):
        return "issued", event.invoice.issue_date, event.invoice.total, Decimal(0)
    if isinstance(event, billing_events.InvoicePaymentApplied):
        principal = event.principal if event.principal or event.interest else event.amount
        return "payment", event.received_on, -principal, event.interest
    if isinstance(event, billing_events.InvoicePaymentReversed):
        return "reversal", event.reversed_on, Decimal(0), Decimal(0)
    if isinstance(event, billing_events.CreditNoteIssued):
        # what was still unpaid is no longer owed; the paid part went to the reseller's credit
        # balance — it had left the receivable on the day it was paid
        return "credit_note", event.issue_date, -(event.total - event.refunded_to_balance), Decimal(0)
    return None


async def invoice_changed(
    session: AsyncSession, event: billing_events.InvoiceEvent, event_id: uuid.UUID, at: datetime
) -> None:
    invoice = event.invoice
    moved = movement(event)
    if moved is not None:
        kind, day, principal, interest_paid = moved
        await session.execute(
            _MOVEMENT,
            {
                "event_id": event_id,
                "invoice_id": event.invoice_id,
                "kind": kind,
                "payment_id": getattr(event, "payment_id", None),
                "day": day,
                "principal": principal,
                "interest_paid": interest_paid,
            },
        )
    credited_on = event.issue_date if isinstance(event, billing_events.CreditNoteIssued) else None
    values = dict(
        invoice_id=event.invoice_id,
        reseller_id=invoice.reseller_id,
        kind=invoice.kind,
        number=invoice.number,
        status=invoice.status,
        currency=invoice.currency,
        total=invoice.total,
        amount_due=invoice.amount_due,
        accrues_interest=invoice.accrues_interest,
        annual_interest_rate=invoice.annual_interest_rate,
        issue_date=invoice.issue_date,
        due_date=invoice.due_date,
        event_time=at,
    )
    if invoice.status == "credited" and credited_on is not None:
        values["credited_on"] = credited_on
        await session.execute(_RECEIVABLE_CREDITED, values)
    else:
        await session.execute(_RECEIVABLE, values)


async def commission_earned(session: AsyncSession, event: leasing_events.CommissionEarned) -> None:
    await session.execute(
        pg_insert(CommissionFigure)
        .values(
            commission_id=event.commission_id,
            reseller_id=event.reseller_id,
            contract_id=event.contract_id,
            amount=event.amount,
            currency=event.currency,
            earned_on=event.earned_on,
        )
        .on_conflict_do_nothing(index_elements=[CommissionFigure.commission_id])
    )


async def commissions_paid(session: AsyncSession, event: billing_events.CommissionStatementIssued) -> None:
    await session.execute(
        sa.update(CommissionFigure)
        .where(CommissionFigure.commission_id.in_(event.commission_ids))
        .values(paid_statement_id=event.statement_id, paid_on=event.issue_date)
    )


async def contract_changed(session: AsyncSession, event: leasing_events.ContractEvent, at: datetime) -> None:
    c = event.contract
    values = dict(
        contract_id=event.contract_id,
        reseller_id=c.reseller_id,
        status=c.status,
        manufacturer=c.manufacturer,
        quantity=c.quantity,
        currency=c.currency,
        monthly_total=c.monthly_total,
        started_on=c.start_date,
        created_on=at.date(),
    )
    stmt = pg_insert(ContractFigure).values(values)
    await session.execute(
        stmt.on_conflict_do_update(
            index_elements=[ContractFigure.contract_id],
            set_={k: stmt.excluded[k] for k in values if k not in ("contract_id", "created_on")},
        )
    )


async def contract_sold(session: AsyncSession, event: leasing_events.ContractEvent) -> None:
    """A contract whose lease started is a sale of its manufacturer's (R-WA-9), whatever becomes of
    it later (ended, terminated, returned); before that it is none."""
    c = event.contract
    if c.start_date is None:
        return
    await session.execute(
        _WAAS_SALE,
        {
            "contract_id": event.contract_id,
            "reseller_id": c.reseller_id,
            "manufacturer": c.manufacturer,
            "bundle": c.bundle,
            "hardware_model": c.hardware_model,
            "units": c.quantity,
            "partner_country": c.reseller_country,
            "customer_country": c.customer_country,
            "leased_on": c.start_date,
        },
    )
