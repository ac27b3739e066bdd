"""The reports' resellers (from onboarding's events): a name beside every reseller id a report
answers, the list the dashboard's reseller filter offers, and how many stand where (R-ON-4)."""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from libs.auth import Caller
from libs.events.onboarding import Standing
from services.reports.models import ResellerView
from services.reports.usecases.scope import scope


async def names(session: AsyncSession, ids: Iterable[str]) -> dict[str, str]:
    wanted = {uuid.UUID(i) for i in ids}
    if not wanted:
        return {}
    found = await session.execute(
        sa.select(ResellerView.reseller_id, ResellerView.company_name).where(
            ResellerView.reseller_id.in_(wanted)
        )
    )
    return {str(rid): name for rid, name in found.tuples()}


async def named(session: AsyncSession, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`rows` with each reseller's name; its id while onboarding's event has not arrived yet."""
    known = await names(session, {r["reseller_id"] for r in rows})
    return [{**r, "reseller_name": known.get(r["reseller_id"], r["reseller_id"])} for r in rows]


async def listed(
    session: AsyncSession, caller: Caller, *, reseller_id: uuid.UUID | None
) -> list[dict[str, Any]]:
    stmt = (
        sa.select(ResellerView)
        .where(scope(caller, reseller_id, ResellerView.reseller_id))
        .order_by(ResellerView.company_name, ResellerView.reseller_id)
    )
    return [
        {
            "reseller_id": str(r.reseller_id),
            "company_name": r.company_name,
            "status": r.status,
            "standing": r.standing,
        }
        for r in await session.scalars(stmt)
    ]


async def by_standing(
    session: AsyncSession, caller: Caller, *, reseller_id: uuid.UUID | None
) -> dict[str, int]:
    found = await session.scalars(
        sa.select(ResellerView.standing).where(scope(caller, reseller_id, ResellerView.reseller_id))
    )
    counts = Counter(found)
    return {s.value: counts.get(s, 0) for s in Standing}
