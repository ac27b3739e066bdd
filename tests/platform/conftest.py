"""Kernel tests run against the real PostgreSQL and broker of the test stack, in ordering's schema,
with their own topics, consumer groups and a scratch effects table (never the service's data)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import ClassVar

import pytest
import sqlalchemy as sa

from libs.db import Database
from libs.events.base import EVENT_TYPES, Event
from tools.devstack.stack import Stack

PROBE_TOPIC = "test.kernel.probes"


class KernelProbe(Event):
    """A test-only event type on a test-only topic (registered in this process only)."""

    event_type: ClassVar[str] = "test.kernel.probe.v1"
    topic: ClassVar[str] = PROBE_TOPIC
    subject_field: ClassVar[str] = "aggregate"
    aggregate: str
    n: int = 0
    poison: bool = False
    note: str = ""


assert EVENT_TYPES["test.kernel.probe.v1"] is KernelProbe


@pytest.fixture
async def db(stack: Stack) -> AsyncIterator[Database]:
    database = Database(stack.service_urls["ordering"], pool_size=2)
    async with database.transaction() as uow:
        await uow.session.execute(
            sa.text(
                "CREATE TABLE IF NOT EXISTS ordering.kernel_test_effects (event TEXT PRIMARY KEY, hits INT)"
            )
        )
    yield database
    async with database.transaction() as uow:  # leave the service's schema as its migrations made it
        await uow.session.execute(sa.text("DROP TABLE IF EXISTS ordering.kernel_test_effects"))
    await database.dispose()


async def hit(db_session: sa.ext.asyncio.AsyncSession, event: str) -> None:
    """The handlers' observable effect: a counter per event, so a double effect shows as 2."""
    await db_session.execute(
        sa.text(
            "INSERT INTO ordering.kernel_test_effects VALUES (:e, 1) "
            "ON CONFLICT (event) DO UPDATE SET hits = kernel_test_effects.hits + 1"
        ),
        {"e": event},
    )


async def hits(db: Database, prefix: str) -> dict[str, int]:
    async with db.unit_of_work() as uow:
        rows = await uow.session.execute(
            sa.text("SELECT event, hits FROM ordering.kernel_test_effects WHERE event LIKE :p"),
            {"p": prefix + "%"},
        )
        return {r.event: r.hits for r in rows}


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"
