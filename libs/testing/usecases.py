"""Reading back what a use case emitted: the events are rows in the service's outbox.

The fixtures that give a use case its database (`service_session`) start an embedded PostgreSQL,
so they live with the devstack in `tools/testing/usecases.py`.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession


async def emitted(
    session: AsyncSession, outbox: sa.Table, event_type: str | None = None
) -> list[dict[str, Any]]:
    """The envelopes the use cases wrote to the outbox in this test's transaction, oldest first."""
    stmt = sa.select(outbox.c.envelope).order_by(outbox.c.id)
    if event_type is not None:
        stmt = stmt.where(outbox.c.event_type == event_type)
    return [row for (row,) in await session.execute(stmt)]
