"""Which (reseller, event type) pairs some live endpoint subscribes to — in memory, per event loop.

Every event of every other service reaches notifications' consumer, and most have no subscriber:
asking the database for each one was a query per event. The index answers "no endpoint of this
reseller subscribes to this type" without one. It is loaded in one query (in the consumer's own
transaction) and kept fresh by notifications' own writes: creating, changing or deleting an
endpoint sends a NOTIFY (`announce`, in that transaction, so it arrives when it commits) on which
every replica's index reloads before its next event, and a full reload every `RELOAD_SECONDS`
bounds what a lost notification could cost. The index may say "subscribed" for an endpoint that
has just been disabled — the delivery query then finds none — but never misses a live one that
was announced: the announcement commits before any event the endpoint could be meant for exists.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
import uuid
import weakref
from typing import Any

import asyncpg
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from libs.db import to_plain_url
from libs.logging import get_logger
from libs.settings import get_settings
from services.notifications.models import WebhookEndpoint

log = get_logger(__name__)
CHANNEL = "channelhub_notifications_endpoints"
RELOAD_SECONDS = 60.0

_ANNOUNCE = sa.select(sa.func.pg_notify(CHANNEL, ""))
_LOAD = sa.select(WebhookEndpoint.reseller_id, sa.func.unnest(WebhookEndpoint.event_types)).where(
    WebhookEndpoint.status == "active", WebhookEndpoint.deleted_at.is_(None)
)


async def announce(session: AsyncSession) -> None:
    """In the transaction that creates, changes or deletes an endpoint: every index reloads."""
    await session.execute(_ANNOUNCE)


class _Index:
    def __init__(self) -> None:
        self.pairs: set[tuple[uuid.UUID, str]] | None = None  # None: load before answering
        self.loaded_at = 0.0
        self.listener: asyncpg.Connection | None = None

    def _stale(self, *_: Any) -> None:
        self.pairs = None

    async def _listen(self) -> None:
        if self.listener is not None and not self.listener.is_closed():
            return
        self.pairs = None  # whatever was announced while nobody listened: load again
        try:
            conn = await asyncpg.connect(to_plain_url(get_settings().service_database_url), timeout=5)
            await conn.add_listener(CHANNEL, self._stale)
            conn.add_termination_listener(self._stale)
        except Exception as exc:  # no listener: reload on every use until one connects
            log.warning("endpoint announcements unavailable", error=repr(exc))
            self.listener = None
            return
        self.listener = conn

    async def subscribed(self, session: AsyncSession, reseller_id: uuid.UUID, event_type: str) -> bool:
        await self._listen()
        if self.pairs is None or self.listener is None or time.monotonic() - self.loaded_at > RELOAD_SECONDS:
            self.loaded_at = time.monotonic()
            self.pairs = set()  # set before the query: an announcement during it makes it stale again
            pairs = self.pairs
            pairs.update((r, t) for r, t in (await session.execute(_LOAD)).all())
            return (reseller_id, event_type) in pairs
        return (reseller_id, event_type) in self.pairs

    async def close(self) -> None:
        if self.listener is not None:
            with contextlib.suppress(Exception):
                await self.listener.close(timeout=2)


_INDEXES: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _Index] = weakref.WeakKeyDictionary()


async def subscribed(session: AsyncSession, reseller_id: uuid.UUID, event_type: str) -> bool:
    """True when some live endpoint of `reseller_id` may subscribe to `event_type` (the index of the
    running event loop: the consumer's thread and the API's loop each keep their own)."""
    loop = asyncio.get_running_loop()
    index = _INDEXES.get(loop)
    if index is None:
        index = _INDEXES[loop] = _Index()
    return await index.subscribed(session, reseller_id, event_type)
