"""The fast tier: use cases against a real PostgreSQL, without broker, services or gateway.

One embedded PostgreSQL per test session, every service's schema migrated as in production. Each
test gets a session inside a transaction that is rolled back afterwards (the use case's own
`commit`s become savepoints), so tests share nothing and need no clean-up. Events a use case emits
are rows in the service's outbox — read them back with `libs.testing.usecases.emitted`.

    async def test_something(service_session):
        session = await service_session("billing")
        ...
"""

from __future__ import annotations

import tempfile
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession, create_async_engine
from sqlalchemy.pool import NullPool

from libs.db import to_async_url
from tools.devstack.stack import Stack, StackConfig

ServiceSession = Callable[[str], Awaitable[AsyncSession]]


@pytest.fixture(scope="session")
def database_stack() -> Iterator[Stack]:
    """The session's embedded PostgreSQL (its `admin_url`), every service's schema migrated."""
    with tempfile.TemporaryDirectory(prefix="channelhub-usecases-") as tmp:
        stack = Stack(StackConfig.for_tests(Path(tmp)))
        stack.start_database()
        try:
            stack.migrate()
            yield stack
        finally:
            stack.stop()


@pytest.fixture(scope="session")
def service_databases(database_stack: Stack) -> dict[str, str]:
    """A migrated database URL per service (the service's own role and schema)."""
    return dict(database_stack.service_urls)


@pytest.fixture
async def service_session(service_databases: dict[str, str]) -> AsyncIterator[ServiceSession]:
    opened: list[tuple[AsyncConnection, AsyncSession, Any]] = []

    async def open_session(service: str) -> AsyncSession:
        engine = create_async_engine(to_async_url(service_databases[service]), poolclass=NullPool)
        connection = await engine.connect()
        await connection.begin()
        session = AsyncSession(
            bind=connection, expire_on_commit=False, join_transaction_mode="create_savepoint"
        )
        opened.append((connection, session, engine))
        return session

    yield open_session
    for connection, session, engine in opened:
        await session.close()
        await connection.rollback()
        await connection.close()
        await engine.dispose()
