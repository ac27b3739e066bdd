"""One correlation id follows a request: gateway → service → outbox event → consumer logs."""

from __future__ import annotations

import asyncio
import json
import uuid

import sqlalchemy as sa

from libs.db import Database
from libs.testing.api import Api, wait_until
from services.onboarding.models import TABLES
from tools.devstack.stack import Stack


async def envelopes_for(stack: Stack, subject: str) -> list[dict]:
    db = Database(stack.service_urls["onboarding"], pool_size=1)
    try:
        async with db.unit_of_work() as uow:
            rows = await uow.session.scalars(
                sa.select(TABLES.outbox.c.envelope).where(TABLES.outbox.c.key == subject)
            )
            return list(rows)
    finally:
        await db.dispose()


def test_correlation_id_travels_from_request_to_event_to_consumer_logs(api: Api, stack: Stack) -> None:
    application = api.apply()
    correlation = f"corr-{uuid.uuid4().hex}"
    approved = api.admin(
        "POST",
        f"/v1/reseller-applications/{application['id']}/approve",
        json={},
        headers={"X-Correlation-ID": correlation},
    )
    assert approved.headers["X-Correlation-ID"] == correlation
    reseller_id = approved.json()["reseller_id"]

    envelopes = asyncio.run(envelopes_for(stack, reseller_id))
    assert envelopes and all(e["correlationid"] == correlation for e in envelopes)

    def consumer_logged() -> bool:
        for line in (stack.logs_dir / "ordering.log").read_text(errors="replace").splitlines():
            if correlation in line and '"event handled"' in line:
                entry = json.loads(line)
                return entry["correlation_id"] == correlation and entry["consumer"] == "ordering"
        return False

    wait_until(consumer_logged, what="ordering to log the handled event with the correlation id")
