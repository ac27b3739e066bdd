"""Sell-out reporting (R-WA-9), from leasing's contract events: a manufacturer's month as the monthly
job froze it, or — until then, and for the running month — from the sales as they stand; and the job
itself, which freezes last month's report of every manufacturer the sales know, once."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from libs.db import UnitOfWork, rowcount
from services.reports.domain.periods import bounds
from services.reports.domain.sellout import Sale, SellOut, lines_for, period_to_freeze, sell_out
from services.reports.models import SellOutReport, WaasSale


async def sales_in(session: AsyncSession, manufacturer: str, period: str) -> list[Sale]:
    first, following = bounds(period)
    found = await session.scalars(
        sa.select(WaasSale).where(
            WaasSale.manufacturer == manufacturer,
            WaasSale.leased_on >= first,
            WaasSale.leased_on < following,
        )
    )
    return [
        Sale(
            contract_id=s.contract_id,
            manufacturer=s.manufacturer,
            bundle=s.bundle,
            hardware_model=s.hardware_model,
            units=s.units,
            partner_id=s.reseller_id,
            partner_country=s.partner_country,
            customer_country=s.customer_country,
            leased_on=s.leased_on,
        )
        for s in found
    ]


async def report(session: AsyncSession, manufacturer: str, period: str) -> SellOut:
    frozen = await session.get(SellOutReport, (manufacturer, period))
    if frozen is not None:
        return sell_out(manufacturer, period, (), frozen.rows)
    return sell_out(manufacturer, period, await sales_in(session, manufacturer, period), None)


async def freeze_last_month(uow: UnitOfWork, as_of: date) -> dict[str, int]:
    """The `sell-out-reports` job: last month's report of every manufacturer, made once (a report
    already frozen is kept as it was)."""
    period = period_to_freeze(as_of)
    manufacturers = await uow.session.scalars(
        sa.select(WaasSale.manufacturer).distinct().order_by(WaasSale.manufacturer)
    )
    made = 0
    for manufacturer in list(manufacturers):
        lines = lines_for(await sales_in(uow.session, manufacturer, period), manufacturer, period)
        result = await uow.session.execute(
            pg_insert(SellOutReport)
            .values(manufacturer=manufacturer, period=period, rows=list(lines), frozen_as_of=as_of)
            .on_conflict_do_nothing(index_elements=["manufacturer", "period"])
        )
        made += rowcount(result)
    return {"reports": made}
