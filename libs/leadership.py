"""One active replica at a time: leadership by a PostgreSQL session advisory lock, fenced.

A session advisory lock lives exactly as long as the connection that took it. If that
connection drops (network, `pg_terminate_backend`, a server restart) the lock is gone and a
standby replica can take it at once — so a leader that keeps working without checking would
run beside the new one. `Leadership.confirm()` therefore asks the server, on the lock's own
connection, whether the backend that took the lock still answers on it; every unit of leader work
(a relay batch, a job run) starts with it and stops the moment it answers no or the connection fails.

A session advisory lock is released only by an explicit unlock (never done while leading) or by
the end of its session, so "the backend that took it still answers on its connection" is the same
question as "is it still held" — asked as `pg_backend_pid()`, not through `pg_locks`, whose scan
of the server's lock table cost the database more than any other statement of a relay batch
(0.4 ms a call, `python -m bench.statements`). The pid also tells a connection silently handed to
another backend (a pooler in between) from the one that holds the lock.

    leadership = Leadership(dsn, "outbox-relay:ordering")
    async with leadership.held(stop) as leading:
        if leading:
            while await leadership.confirm():
                ...  # one batch
"""

from __future__ import annotations

import asyncio
import zlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg

from libs.logging import get_logger

log = get_logger(__name__)


_TAKE = "SELECT pg_try_advisory_lock($1) AS locked, pg_backend_pid() AS pid"


def lock_key(name: str) -> int:
    """A stable 32-bit key per name (advisory locks take a bigint; crc32 stays readable in pg_locks)."""
    return zlib.crc32(name.encode())


class LeadershipLost(Exception):
    """The lock's connection dropped or the lock is no longer held: stop leader work now."""


class Leadership:
    def __init__(self, dsn: str, name: str, *, poll_seconds: float = 5.0) -> None:
        self.dsn = dsn
        self.name = name
        self.key = lock_key(name)
        self.poll_seconds = poll_seconds
        self.connection: asyncpg.Connection | None = None
        self._holder_pid: int | None = None  # the backend that took the lock

    async def confirm(self) -> bool:
        """True while this process still holds the lock (one round trip on the lock's connection)."""
        conn = self.connection
        if conn is None or conn.is_closed():
            return False
        try:
            holder = self._holder_pid
            return holder is not None and await conn.fetchval("SELECT pg_backend_pid()") == holder
        except Exception as exc:  # any failure on the lock's connection means the lock may be gone
            log.warning("leadership check failed", lock=self.name, error=repr(exc))
            return False

    async def ensure(self) -> None:
        """Raise `LeadershipLost` unless the lock is still held."""
        if not await self.confirm():
            raise LeadershipLost(self.name)

    @asynccontextmanager
    async def held(self, stop: asyncio.Event) -> AsyncIterator[bool]:
        """Wait until this process holds the lock (True) or `stop` is set (False); release on exit."""
        conn = await asyncpg.connect(self.dsn)
        self.connection = conn
        try:
            while not (taken := await conn.fetchrow(_TAKE, self.key))["locked"]:
                try:
                    await asyncio.wait_for(stop.wait(), timeout=self.poll_seconds)
                    yield False
                    return
                except TimeoutError:
                    continue
            self._holder_pid = taken["pid"]
            log.info("leadership acquired", lock=self.name)
            yield True
        finally:
            self.connection = None
            self._holder_pid = None
            try:
                await conn.close(timeout=2)
            except Exception:  # a dead connection has released the lock already
                conn.terminate()
