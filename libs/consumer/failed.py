"""Operators' view of dead-lettered events: list them and re-drive them through the handler."""

from __future__ import annotations

import sqlalchemy as sa

from libs.clock import wall_now
from libs.consumer.runner import ConsumerRunner, PoisonEvent, trust_problem
from libs.errors import Conflict, NotFound, Unprocessable


async def list_failed(runner: ConsumerRunner, *, status: str | None = None, limit: int = 100) -> list[dict]:
    t = runner.tables.failed_events
    stmt = sa.select(t).order_by(t.c.id.desc()).limit(limit)
    if status:
        stmt = stmt.where(t.c.status == status)
    async with runner.db.unit_of_work() as uow:
        rows = (await uow.session.execute(stmt)).mappings().all()
    return [dict(r) for r in rows]


async def redrive(runner: ConsumerRunner, failed_id: int) -> dict:
    """Run the stored event through its handler again (inbox-deduped), and mark the row."""
    t = runner.tables.failed_events
    async with runner.db.unit_of_work() as uow:
        row = (await uow.session.execute(sa.select(t).where(t.c.id == failed_id))).mappings().first()
    if row is None:
        raise NotFound("no such failed event")
    if row["status"] == "redriven":
        raise Conflict("this event was re-driven already")
    try:
        envelope, payload = runner._parse(row["payload"].encode())
    except PoisonEvent as exc:
        raise Unprocessable(f"the stored event cannot be parsed: {exc}") from exc
    if payload is None:
        raise Unprocessable("this consumer no longer handles that event type")
    problem = trust_problem(envelope, row["topic"])
    if problem is not None:  # a forged event stays refused, however often it is re-driven
        raise Unprocessable(f"the stored event is not trusted: {problem}")
    try:
        applied = await runner.handle_once(envelope, payload)
    except Exception as exc:
        raise Conflict(f"the handler failed again: {exc!r}") from exc
    async with runner.db.transaction() as uow:
        await uow.session.execute(
            sa.update(t).where(t.c.id == failed_id).values(status="redriven", redriven_at=wall_now())
        )
    return {"id": failed_id, "status": "redriven", "applied": applied}
