"""Sell-out reporting (R-WA-9): every unit leased per manufacturer and month, with the partner's and
the end customer's country. The monthly job freezes last month's report once; until then (and for
the running month) the report is computed from the contracts."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from libs.csvsafe import to_csv as csv_of
from libs.db import rowcount
from services.leasing.config import LeasingConfig
from services.leasing.models import Contract, SellOutReport

COLUMNS = (
    "contract_id",
    "bundle",
    "hardware_model",
    "units",
    "partner_id",
    "partner_country",
    "customer_country",
    "leased_on",
)


def _month_bounds(period: str) -> tuple[date, date]:
    first = date.fromisoformat(f"{period}-01")
    following = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
    return first, following


async def rows_for(session: AsyncSession, manufacturer: str, period: str) -> list[dict[str, Any]]:
    first, following = _month_bounds(period)
    contracts = await session.scalars(
        sa.select(Contract)
        .where(
            Contract.manufacturer == manufacturer,
            Contract.start_date >= first,
            Contract.start_date < following,
        )
        .order_by(Contract.start_date, Contract.id)
    )
    return [
        {
            "contract_id": str(c.id),
            "bundle": c.bundle_code,
            "hardware_model": c.hardware_model,
            "units": c.quantity,
            "partner_id": str(c.reseller_id),
            "partner_country": c.reseller_country,
            "customer_country": c.customer_country,
            "leased_on": c.start_date.isoformat() if c.start_date else None,
        }
        for c in contracts
    ]


async def report(session: AsyncSession, manufacturer: str, period: str) -> tuple[list[dict[str, Any]], bool]:
    frozen = await session.scalar(
        sa.select(SellOutReport).where(
            SellOutReport.manufacturer == manufacturer, SellOutReport.period == period
        )
    )
    if frozen is not None:
        return frozen.rows, True
    return await rows_for(session, manufacturer, period), False


def to_csv(rows: list[dict[str, Any]]) -> str:
    """Sell-out as CSV; a manufacturer's or model's name cannot become a spreadsheet formula."""
    return csv_of(rows, COLUMNS)


async def freeze_last_month(session: AsyncSession, as_of: date, config: LeasingConfig) -> dict[str, int]:
    """The `sell-out-reports` job: last month's report of every manufacturer, made once."""
    period = (as_of.replace(day=1) - timedelta(days=1)).isoformat()[:7]
    made = 0
    for manufacturer in config.manufacturer_list():
        rows = await rows_for(session, manufacturer, period)
        result = await session.execute(
            pg_insert(SellOutReport)
            .values(id=uuid.uuid4(), manufacturer=manufacturer, period=period, rows=rows)
            .on_conflict_do_nothing(index_elements=["manufacturer", "period"])
        )
        made += rowcount(result)
    return {"reports": made}
