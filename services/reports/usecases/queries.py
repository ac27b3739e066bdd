"""The reports (R-PL-3): staff see every reseller (or one with `reseller_id`), a reseller only itself."""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import date
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from libs.auth import Caller
from services.reports.domain.figures import BUCKETS, Movement, ageing, month_of, owed_on
from services.reports.domain.periods import days_past_due
from services.reports.models import (
    CommissionFigure,
    ContractFigure,
    Receivable,
    ReceivableMovement,
    SaleLine,
    SeatFigure,
    SeatUsage,
)
from services.reports.usecases.resellers import named
from services.reports.usecases.scope import scope

# subscriptions whose seats count as held (the others' rows stay in the table, with their status)
IN_FORCE = ("active", "trial")


def _money(value: Decimal) -> str:
    return str(value.quantize(Decimal("0.01")))


async def sales(
    session: AsyncSession,
    caller: Caller,
    *,
    reseller_id: uuid.UUID | None,
    start: date | None,
    end: date | None,
    currency: str | None,
) -> list[dict[str, Any]]:
    """Net sales by reseller, product and month (cancelled orders excluded)."""
    stmt = sa.select(SaleLine).where(
        scope(caller, reseller_id, SaleLine.reseller_id), SaleLine.cancelled.is_(False)
    )
    if start:
        stmt = stmt.where(SaleLine.sold_on >= start)
    if end:
        stmt = stmt.where(SaleLine.sold_on <= end)
    if currency:
        stmt = stmt.where(SaleLine.currency == currency)
    totals: dict[tuple[str, str, str, str], list[Any]] = defaultdict(lambda: [0, Decimal(0)])
    for line in await session.scalars(stmt):
        key = (str(line.reseller_id), line.product, month_of(line.sold_on), line.currency)
        totals[key][0] += line.quantity
        totals[key][1] += line.net
    return await named(
        session,
        [
            {"reseller_id": r, "product": p, "period": m, "currency": c, "quantity": q, "net": _money(n)}
            for (r, p, m, c), (q, n) in sorted(totals.items())
        ],
    )


async def owed(
    session: AsyncSession,
    caller: Caller,
    *,
    reseller_id: uuid.UUID | None,
    as_of: date,
    currency: str | None,
) -> list[tuple[Receivable, Decimal]]:
    """Every invoice issued by `as_of` with what it was owed that day (principal + interest), rebuilt
    from its movements — WaaS instalments only for staff (the end customers' debt is the
    distributor's, R-BI-6)."""
    stmt = sa.select(Receivable).where(
        scope(caller, reseller_id, Receivable.reseller_id), Receivable.issue_date <= as_of
    )
    if not caller.is_staff:
        stmt = stmt.where(Receivable.kind != "waas")
    if currency:
        stmt = stmt.where(Receivable.currency == currency)
    receivables = list(await session.scalars(stmt))
    moves: dict[uuid.UUID, list[Movement]] = defaultdict(list)
    for chunk in range(0, len(receivables), 1000):
        ids = [r.invoice_id for r in receivables[chunk : chunk + 1000]]
        for m in await session.scalars(
            sa.select(ReceivableMovement).where(
                ReceivableMovement.invoice_id.in_(ids), ReceivableMovement.day <= as_of
            )
        ):
            moves[m.invoice_id].append(
                Movement(
                    m.kind, m.day, m.principal, m.interest_paid, str(m.payment_id) if m.payment_id else None
                )
            )
    owed = []
    for r in receivables:
        if r.invoice_id not in moves:  # known only from before movements were kept: as it stands now
            due = r.amount_due if r.status in ("open", "partially_paid", "overdue") else Decimal(0)
        else:
            principal, interest = owed_on(
                currency=r.currency,
                due_date=r.due_date,
                accrues_interest=r.accrues_interest,
                annual_rate=r.annual_interest_rate,
                movements=moves[r.invoice_id],
                credited_on=r.credited_on,
                as_of=as_of,
            )
            due = principal + interest
        if due > 0:
            owed.append((r, due))
    return owed


async def receivables_aging(
    session: AsyncSession, caller: Caller, *, reseller_id: uuid.UUID | None, as_of: date, currency: str | None
) -> list[dict[str, Any]]:
    """What was owed on `as_of` (interest included as of that day) by days past due; partners'
    invoices per reseller (`group` partner), end customers' WaaS instalments apart (`group` waas)."""
    grouped: dict[tuple[str, str, str], list[tuple[date, Decimal]]] = defaultdict(list)
    for r, due in await owed(session, caller, reseller_id=reseller_id, as_of=as_of, currency=currency):
        group = "waas" if r.kind == "waas" else "partner"
        grouped[(group, str(r.reseller_id), r.currency)].append((r.due_date, due))
    rows = []
    for (group, reseller, cur), items in sorted(grouped.items()):
        buckets = ageing(items, as_of)
        rows.append(
            {
                "group": group,
                "reseller_id": reseller,
                "currency": cur,
                **{b: _money(buckets[b]) for b in BUCKETS},
                "total": _money(sum(buckets.values(), Decimal(0))),
            }
        )
    return await named(session, rows)


async def overdue_resellers(
    session: AsyncSession, caller: Caller, *, reseller_id: uuid.UUID | None, as_of: date
) -> list[dict[str, Any]]:
    """Resellers with partner invoices past due on `as_of`, and what they owed that day."""
    grouped: dict[tuple[str, str], list[tuple[Receivable, Decimal]]] = defaultdict(list)
    for r, due in await owed(session, caller, reseller_id=reseller_id, as_of=as_of, currency=None):
        if r.kind != "waas" and r.due_date < as_of:
            grouped[(str(r.reseller_id), r.currency)].append((r, due))
    rows = []
    for (reseller, cur), items in sorted(grouped.items()):
        oldest = min(r.due_date for r, _ in items)
        rows.append(
            {
                "reseller_id": reseller,
                "currency": cur,
                "overdue_invoices": len(items),
                "overdue_amount": _money(sum((due for _, due in items), Decimal(0))),
                "oldest_due_date": oldest.isoformat(),
                "days_overdue": days_past_due(oldest, as_of),
            }
        )
    return await named(session, rows)


async def commissions(
    session: AsyncSession, caller: Caller, *, reseller_id: uuid.UUID | None
) -> list[dict[str, Any]]:
    stmt = sa.select(CommissionFigure).where(scope(caller, reseller_id, CommissionFigure.reseller_id))
    grouped: dict[tuple[str, str], list[CommissionFigure]] = defaultdict(list)
    for c in await session.scalars(stmt):
        grouped[(str(c.reseller_id), c.currency)].append(c)
    rows = [
        {
            "reseller_id": reseller,
            "currency": cur,
            "earned": _money(sum((c.amount for c in items), Decimal(0))),
            "paid": _money(sum((c.amount for c in items if c.paid_statement_id), Decimal(0))),
            "due": _money(sum((c.amount for c in items if not c.paid_statement_id), Decimal(0))),
        }
        for (reseller, cur), items in sorted(grouped.items())
    ]
    return await named(session, rows)


async def seat_utilisation(
    session: AsyncSession, caller: Caller, *, reseller_id: uuid.UUID | None
) -> list[dict[str, Any]]:
    stmt = (
        sa.select(SeatFigure, sa.func.coalesce(SeatUsage.assigned, 0), sa.func.coalesce(SeatUsage.active, 0))
        .outerjoin(SeatUsage, SeatUsage.subscription_id == SeatFigure.subscription_id)
        .where(scope(caller, reseller_id, SeatFigure.reseller_id))
        .order_by(SeatFigure.subscription_id)
    )
    rows = [
        {
            "subscription_id": str(s.subscription_id),
            "reseller_id": str(s.reseller_id),
            "customer_id": str(s.customer_id),
            "sku": s.sku,
            "status": s.status,
            "seats": s.seats,
            "assigned": assigned,
            "active": active,
            "free": max(s.seats - assigned, 0),
            "utilisation": _money(Decimal(assigned) / s.seats * 100) if s.seats else "0.00",
        }
        for s, assigned, active in (await session.execute(stmt)).tuples()
    ]
    return await named(session, rows)


async def waas_contracts(
    session: AsyncSession, caller: Caller, *, reseller_id: uuid.UUID | None
) -> list[dict[str, Any]]:
    stmt = sa.select(ContractFigure).where(scope(caller, reseller_id, ContractFigure.reseller_id))
    counts: dict[tuple[str, str], list[Any]] = defaultdict(lambda: [0, 0])
    for c in await session.scalars(stmt):
        key = (month_of(c.started_on or c.created_on), c.status)
        counts[key][0] += 1
        counts[key][1] += c.quantity
    return [
        {"period": m, "status": s, "contracts": n, "units": u} for (m, s), (n, u) in sorted(counts.items())
    ]


async def manufacturers(
    session: AsyncSession,
    caller: Caller,
    *,
    reseller_id: uuid.UUID | None,
    start: date | None,
    end: date | None,
) -> list[dict[str, Any]]:
    """Sell-out per manufacturer (R-WA-9): WaaS units leased by the month their lease started —
    the manufacturers' sell-out reports (`usecases/sellout.py`), added up across the resellers the
    caller sees."""
    stmt = sa.select(ContractFigure).where(
        scope(caller, reseller_id, ContractFigure.reseller_id), ContractFigure.started_on.is_not(None)
    )
    if start:
        stmt = stmt.where(ContractFigure.started_on >= start)
    if end:
        stmt = stmt.where(ContractFigure.started_on <= end)
    totals: dict[tuple[str, str, str], list[Any]] = defaultdict(lambda: [0, 0, Decimal(0)])
    for c in await session.scalars(stmt):
        assert c.started_on is not None  # selected so
        key = (c.manufacturer, month_of(c.started_on), c.currency)
        totals[key][0] += 1
        totals[key][1] += c.quantity
        totals[key][2] += c.monthly_total
    return [
        {
            "manufacturer": m,
            "period": p,
            "currency": cur,
            "contracts": n,
            "units": u,
            "monthly_total": _money(t),
        }
        for (m, p, cur), (n, u, t) in sorted(totals.items())
    ]
