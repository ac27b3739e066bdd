"""Wake-ups by PostgreSQL NOTIFY, for background loops at rest.

A relay that published records sends a NOTIFY on its service's `published_channel` when it marks
them published (`libs.outbox.relay`); a consumer at rest listens on the channels of the services
whose events it handles and fetches again as soon as one fires, instead of polling the broker.
Notifications' workers wake the same way on new deliveries and mail. A wake-up is a hint: a
listener that cannot connect (another database, PostgreSQL restarting) only means the loop waits
for its idle poll.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

import asyncpg

from libs.logging import get_logger

log = get_logger(__name__)


class OutboxWake:
    def __init__(self, dsn: str, channels: list[str]) -> None:
        self.dsn = dsn
        self.channels = channels
        self._event = asyncio.Event()
        self._conn: asyncpg.Connection | None = None

    def _fire(self, *_: Any) -> None:
        self._event.set()

    async def listen(self) -> None:
        """(Re)connect the listener when it is not connected; failures are logged, never raised."""
        if not self.channels or (self._conn is not None and not self._conn.is_closed()):
            return
        try:
            conn = await asyncpg.connect(self.dsn, timeout=5)
            for channel in self.channels:
                await conn.add_listener(channel, self._fire)
            # a listener that dies (a database restart) wakes the consumer, which fetches and, at
            # its next rest, listens again — rather than resting out the idle poll deaf
            conn.add_termination_listener(self._fire)
        except Exception as exc:
            log.info("outbox wake-ups unavailable; the consumer polls", error=repr(exc))
            return
        self._conn = conn

    async def wait(
        self, stop: asyncio.Event, seconds: float, also: set[asyncio.Task[Any]] | None = None
    ) -> None:
        """Until a wake-up since the last wait, `stop`, one of `also` finishing, or `seconds` pass."""
        waiter = asyncio.ensure_future(self._event.wait())
        stopper = asyncio.ensure_future(stop.wait())
        try:
            await asyncio.wait(
                {waiter, stopper, *(also or ())}, timeout=seconds, return_when=asyncio.FIRST_COMPLETED
            )
        finally:
            waiter.cancel()
            stopper.cancel()
            self._event.clear()

    async def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            with contextlib.suppress(Exception):
                await conn.close(timeout=2)
