"""The dashboard's tiles (R-PL-3): the same figures as the tables, added up — sales of a month and
the month before, what was owed on a day and how much of it was past due, resellers by standing,
WaaS contracts in force and seats. Sums stay exact `Decimal`s per currency; views.py renders them."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from libs.auth import Caller
from services.reports.domain.periods import bounds, previous
from services.reports.models import ContractFigure, SaleLine, SeatFigure, SeatUsage
from services.reports.usecases.queries import IN_FORCE, owed
from services.reports.usecases.resellers import by_standing
from services.reports.usecases.scope import scope

Totals = dict[str, Decimal]  # currency → amount


@dataclass(frozen=True)
class Figures:
    as_of: date
    reseller_id: uuid.UUID | None
    period: str
    previous_period: str
    net: Totals
    previous_net: Totals
    open: Totals
    overdue: Totals
    overdue_resellers: int
    standings: dict[str, int]
    active_contracts: int
    leased_units: int
    seats: dict[str, int]  # purchased, assigned, used, free


async def _net(session: AsyncSession, caller: Caller, reseller_id: uuid.UUID | None, period: str) -> Totals:
    first, following = bounds(period)
    found = await session.execute(
        sa.select(SaleLine.currency, sa.func.sum(SaleLine.net))
        .where(
            scope(caller, reseller_id, SaleLine.reseller_id),
            SaleLine.cancelled.is_(False),
            SaleLine.sold_on >= first,
            SaleLine.sold_on < following,
        )
        .group_by(SaleLine.currency)
    )
    return dict(found.tuples().all())


async def _contracts(session: AsyncSession, caller: Caller, reseller_id: uuid.UUID | None) -> tuple[int, int]:
    count, units = (
        await session.execute(
            sa.select(sa.func.count(), sa.func.coalesce(sa.func.sum(ContractFigure.quantity), 0)).where(
                scope(caller, reseller_id, ContractFigure.reseller_id), ContractFigure.status == "active"
            )
        )
    ).one()
    return int(count), int(units)


async def _seats(session: AsyncSession, caller: Caller, reseller_id: uuid.UUID | None) -> dict[str, int]:
    found = await session.execute(
        sa.select(
            SeatFigure.seats, sa.func.coalesce(SeatUsage.assigned, 0), sa.func.coalesce(SeatUsage.active, 0)
        )
        .outerjoin(SeatUsage, SeatUsage.subscription_id == SeatFigure.subscription_id)
        .where(scope(caller, reseller_id, SeatFigure.reseller_id), SeatFigure.status.in_(IN_FORCE))
    )
    seats = dict.fromkeys(("purchased", "assigned", "used", "free"), 0)
    for purchased, assigned, used in found.tuples():
        seats["purchased"] += purchased
        seats["assigned"] += assigned
        seats["used"] += used
        seats["free"] += max(purchased - assigned, 0)  # over-assigned seats free none of the others
    return seats


async def summary(
    session: AsyncSession, caller: Caller, *, reseller_id: uuid.UUID | None, period: str, as_of: date
) -> Figures:
    open_: Totals = defaultdict(Decimal)
    overdue: Totals = defaultdict(Decimal)
    late_resellers = set()
    for r, due in await owed(session, caller, reseller_id=reseller_id, as_of=as_of, currency=None):
        open_[r.currency] += due
        if r.due_date < as_of:
            overdue[r.currency] += due
            if r.kind != "waas":  # as the overdue-resellers table counts them
                late_resellers.add(r.reseller_id)
    contracts, units = await _contracts(session, caller, reseller_id)
    return Figures(
        as_of=as_of,
        reseller_id=reseller_id,
        period=period,
        previous_period=previous(period),
        net=await _net(session, caller, reseller_id, period),
        previous_net=await _net(session, caller, reseller_id, previous(period)),
        open=dict(open_),
        overdue=dict(overdue),
        overdue_resellers=len(late_resellers),
        standings=await by_standing(session, caller, reseller_id=reseller_id),
        active_contracts=contracts,
        leased_units=units,
        seats=await _seats(session, caller, reseller_id),
    )
