"""Async engine, declarative base per service schema, and the unit of work.

The unit of work is the port every use case takes: its session, the service's injected clock and
its outbox (`await uow.emit(event, reseller_id=...)` writes the event, stamped with that clock, in
the same transaction). The edge owns the transaction: a request (libs.edge), a consumed event
(libs.consumer) or a job run (libs.jobs) opens one unit of work, use cases only add and flush, and
the edge commits once. Leaving the block without `commit()` rolls everything back, outbox rows
included.
"""

from __future__ import annotations

import json
import os
from collections.abc import AsyncIterator, Iterable, Mapping, Sequence
from contextlib import asynccontextmanager
from enum import StrEnum
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

import asyncpg
import sqlalchemy as sa
from pydantic import TypeAdapter
from sqlalchemy import CursorResult, MetaData, Result, Table
from sqlalchemy.dialects import postgresql
from sqlalchemy.dialects.postgresql import JSONB, Insert
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase

from libs.clock import Clock, service_clock

if TYPE_CHECKING:
    from libs.events.base import Event
    from libs.events.envelope import CloudEvent
    from libs.outbox.record import Emission, Outbox

# Stable constraint names, so that migrations can name what they alter.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


E = TypeVar("E", bound=StrEnum)


class EnumText(sa.types.TypeDecorator[E], Generic[E]):
    """A `StrEnum` stored as its value in a text column: rows read back as the enum, and a value
    outside it is refused before the database sees it. Text, not a PostgreSQL enum type, so adding a
    value is a CHECK constraint change (`one_of`), never a type migration of existing rows.

        status: Mapped[OrderStatus] = mapped_column(EnumText(OrderStatus), default=OrderStatus.PLACED)
    """

    impl = sa.Text
    cache_ok = True

    def __init__(self, enum: type[E]) -> None:
        super().__init__()
        self.enum = enum

    def process_bind_param(self, value: Any, dialect: sa.Dialect) -> str | None:
        return None if value is None else self.enum(value).value

    def process_result_value(self, value: Any, dialect: sa.Dialect) -> E | None:
        return None if value is None else self.enum(value)

    def copy(self, **kw: Any) -> EnumText[E]:
        return EnumText(self.enum)


class JSONBOf(sa.types.TypeDecorator[Any]):
    """A JSONB column holding a typed value (a pydantic model, or e.g. `dict[str, Model]`): written
    as its JSON dump, read back validated, so code never handles the column as a loose dict.
    Assign a new value to change it (in-place mutation is not tracked)."""

    impl = JSONB
    cache_ok = True

    def __init__(self, shape: Any) -> None:
        super().__init__()
        self.shape = shape
        self.adapter: TypeAdapter[Any] = TypeAdapter(shape)

    def process_bind_param(self, value: Any, dialect: sa.Dialect) -> Any:
        return (
            None
            if value is None
            else self.adapter.dump_python(self.adapter.validate_python(value), mode="json")
        )

    def process_result_value(self, value: Any, dialect: sa.Dialect) -> Any:
        return None if value is None else self.adapter.validate_python(value)

    def copy(self, **kw: Any) -> JSONBOf:
        return JSONBOf(self.shape)


def one_of(column: str, enum: type[StrEnum], name: str | None = None) -> sa.CheckConstraint:
    """The CHECK constraint that keeps `column` within `enum`'s values (named `<column>_known`)."""
    values = ", ".join(f"'{member.value}'" for member in enum)
    return sa.CheckConstraint(f"{column} IN ({values})", name=name or f"{column}_known")


def service_metadata(schema: str) -> MetaData:
    return MetaData(schema=schema, naming_convention=NAMING_CONVENTION)


def table_of(model: type[DeclarativeBase] | Table) -> Table:
    """The table a declarative model maps (declared `FromClause`; every model here maps a `Table`)."""
    table = model if isinstance(model, Table) else model.__table__
    if not isinstance(table, Table):
        raise TypeError(f"{model!r} does not map a table")
    return table


def rowcount(result: Result[Any]) -> int:
    """The rows an INSERT/UPDATE/DELETE touched (`session.execute` is typed as returning any result)."""
    if not isinstance(result, CursorResult):
        raise TypeError("rowcount of a statement that returns rows")
    return int(result.rowcount or 0)


def versioned_upsert(
    model: type[DeclarativeBase] | Table, key: str, columns: Iterable[str], *, version: str = "version"
) -> Insert:
    """`INSERT … ON CONFLICT (key) DO UPDATE SET <columns> WHERE <older version>`, built once and
    executed with a parameter dict naming `key` and `columns` (`session.execute(stmt, values)`).

    For read models fed by snapshots with a growing version. Built per call, the statement cost
    more CPU than the database spent on it (`excluded` proxies every column of the table anew, then
    the statement is compiled and its cache key generated); built once, it is a compiled-cache hit."""
    table = table_of(model)
    stmt = pg_insert(table)
    return stmt.on_conflict_do_update(
        index_elements=[table.c[key]],
        set_={c: stmt.excluded[c] for c in columns if c != key},
        where=table.c[version] < stmt.excluded[version],
    )


def to_async_url(url: str) -> str:
    """Accept plain `postgresql://` URLs (as people write them) and use asyncpg."""
    for prefix in ("postgresql+asyncpg://", "postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+asyncpg://" + url[len(prefix) :]
    raise ValueError(f"not a PostgreSQL URL: {url!r}")


def to_plain_url(url: str) -> str:
    """The URL as asyncpg.connect() wants it (no SQLAlchemy driver suffix)."""
    return to_async_url(url).replace("postgresql+asyncpg://", "postgresql://", 1)


async def driver_connection(session: AsyncSession) -> asyncpg.Connection:
    """The asyncpg connection of the session's transaction (begun if it was not), for the few
    prebuilt statements on the hottest paths (an order's insert, every outbox write), which the
    driver runs itself: through SQLAlchemy a statement cost ~165 µs of CPU in a service (statement
    lookup, parameter processing, a greenlet hop, result objects), through asyncpg's own prepared
    statement a fraction of that (bench/README.md). Rules for such a statement: hand-written SQL
    built once from the table's metadata (`sql_type`), positional parameters, JSON passed as text
    and cast in SQL (the codecs SQLAlchemy registers on the connection are its own business), and
    no pending ORM change it depends on (the session is not flushed first)."""
    connection = await session.connection()
    raw = await connection.get_raw_connection()
    # SQLAlchemy's asyncpg adapter sends BEGIN lazily, before its own first statement, and commits
    # or rolls back only a transaction it began: begin it the same way, or the driver's statement
    # would run (and commit) on its own. Private to SQLAlchemy (2.1, as locked); the outbox's
    # rollback test fails loudly if it changes.
    adapter: Any = raw.dbapi_connection
    if adapter._transaction is None:
        async with adapter._execute_mutex:
            if adapter._transaction is None:
                await adapter._start_transaction()
    return cast("asyncpg.Connection", raw.driver_connection)


_DIALECT = postgresql.dialect()


def sql_type(column: sa.Column[Any]) -> str:
    """The column's type as PostgreSQL spells it in a cast (`NUMERIC(18, 4)`, `UUID`, `JSONB`)."""
    return str(column.type.compile(dialect=_DIALECT))


def driver_parameter(n: int, column: sa.Column[Any], *, array: bool = False) -> str:
    """`$n` cast to the column's type (an array of it with `array`), for a driver statement; JSON
    goes as text and is cast in SQL (`driver_value`)."""
    brackets = "[]" if array else ""
    if isinstance(column.type, JSONB):
        return f"${n}::text{brackets}::jsonb{brackets}"
    return f"${n}::{sql_type(column)}{brackets}"


def driver_value(column: sa.Column[Any], value: Any) -> Any:
    """A value as a driver statement binds it for `column` (`driver_parameter`)."""
    return json.dumps(value) if value is not None and isinstance(column.type, JSONB) else value


class BulkInsert:
    """`INSERT INTO t (a, b, …) SELECT * FROM unnest($1::a_type[], $2::b_type[], …) <suffix>`: any
    number of rows with one statement of one shape — one array per column, unnested in lockstep —
    run by the driver. An executemany of the same rows is one execution per row on the server
    (parse-free, but each with its own executor start-up and index descent order) and, through
    SQLAlchemy, per-row parameter processing in the service. Built once per table."""

    def __init__(self, table: Table, columns: Sequence[str] | None = None, *, suffix: str = "") -> None:
        self.columns = [table.c[name] for name in columns] if columns else list(table.columns)
        arrays = ", ".join(driver_parameter(n, c, array=True) for n, c in enumerate(self.columns, start=1))
        names = ", ".join(c.name for c in self.columns)
        self.sql = (
            f"INSERT INTO {table.fullname} ({names}) "  # noqa: S608 - names from the metadata, values bound
            f"SELECT * FROM unnest({arrays}) {suffix}"
        ).rstrip()

    def arrays(self, rows: Sequence[Mapping[str, Any]]) -> list[list[Any]]:
        return [[driver_value(c, row[c.name]) for row in rows] for c in self.columns]

    async def run(self, session: AsyncSession, rows: Sequence[Mapping[str, Any]]) -> None:
        if rows:
            driver = await driver_connection(session)
            await driver.execute(self.sql, *self.arrays(rows))


# A service process serves its clients, its relay, its consumers and its jobs from one pool: sized
# so that the benchmark's 16 concurrent requests plus the background work never leave it. Overflow
# connections are closed when returned (a new connection, TLS context and all, for the next burst),
# so the overflow is kept small and the steady state lives inside `pool_size`.
DEFAULT_POOL_SIZE = int(os.environ.get("CHANNELHUB_DB_POOL_SIZE", "24"))
DEFAULT_MAX_OVERFLOW = int(os.environ.get("CHANNELHUB_DB_MAX_OVERFLOW", "8"))
POOL_RECYCLE_SECONDS = 1800


def create_engine(url: str, *, pool_size: int | None = None) -> AsyncEngine:
    """No pre-ping: a `SELECT 1` per checkout is one round trip per transaction. A connection that
    died (database restart, network) fails its first statement instead; SQLAlchemy recognises the
    disconnect, invalidates that connection and every older one in the pool (a new generation),
    and the caller's error is transient (`libs.consumer.transient`): consumers retry, a request
    gets one 5xx. Connections are also recycled after half an hour, before idle timeouts bite."""
    size = DEFAULT_POOL_SIZE if pool_size is None else pool_size
    return create_async_engine(
        to_async_url(url),
        pool_size=size,
        max_overflow=min(DEFAULT_MAX_OVERFLOW, size),
        pool_pre_ping=False,
        pool_recycle=POOL_RECYCLE_SECONDS,
    )


class UnitOfWork:
    """One transaction, and the port of the use cases run in it: `uow.session`, `uow.clock` (the
    service's injected clock), `await uow.emit(event, reseller_id=...)` (its outbox).

    `async with uow:` ... `await uow.commit()`; otherwise rollback. Only the edge commits."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        *,
        clock: Clock | None = None,
        outbox: Outbox | None = None,
    ) -> None:
        self._sessions = sessions
        self._session: AsyncSession | None = None
        self._clock = clock
        self.outbox = outbox
        self.committed = False

    @classmethod
    def over(
        cls, session: AsyncSession, *, clock: Clock | None = None, outbox: Outbox | None = None
    ) -> UnitOfWork:
        """A unit of work over a session someone else opened and ends (the fast test tier's
        rolled-back session); `async with` is not needed and `commit()` commits that session."""
        uow = cls(async_sessionmaker(), clock=clock, outbox=outbox)
        uow._session = session
        return uow

    @property
    def session(self) -> AsyncSession:
        if self._session is None:
            raise RuntimeError("unit of work used outside `async with`")
        return self._session

    @property
    def clock(self) -> Clock:
        """The injected clock; the service's (`libs.clock.service_clock`) when none was given."""
        return self._clock if self._clock is not None else service_clock()

    async def emit(self, event: Event, *, reseller_id: Any = None) -> CloudEvent:
        """Write `event` to the service's outbox in this transaction, its envelope's `time` from
        this unit of work's clock."""
        if self.outbox is None:
            raise RuntimeError("this unit of work has no outbox: Database(..., outbox=...)")
        return await self.outbox.emit(self.session, event, reseller_id=reseller_id, clock=self.clock)

    async def emit_many(self, emissions: Sequence[Emission]) -> list[CloudEvent]:
        """Write every emission (a batch's events, each with its reseller and correlation id) to the
        outbox in this transaction with one statement."""
        if self.outbox is None:
            raise RuntimeError("this unit of work has no outbox: Database(..., outbox=...)")
        return await self.outbox.emit_many(self.session, emissions, clock=self.clock)

    async def __aenter__(self) -> UnitOfWork:
        self._session = self._sessions()
        self.committed = False
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        assert self._session is not None
        try:
            if not self.committed:
                await self._session.rollback()
        finally:
            await self._session.close()
            self._session = None

    async def commit(self) -> None:
        await self.session.commit()
        self.committed = True


class Database:
    """What a service holds: its engine and a factory of units of work (with its clock and outbox)."""

    def __init__(
        self,
        url: str,
        *,
        pool_size: int | None = None,
        clock: Clock | None = None,
        outbox: Outbox | None = None,
    ) -> None:
        self.url = url
        self.engine = create_engine(url, pool_size=pool_size)
        self.sessions = async_sessionmaker(self.engine, expire_on_commit=False, autoflush=True)
        self.clock = clock
        self.outbox = outbox

    def unit_of_work(self) -> UnitOfWork:
        return UnitOfWork(self.sessions, clock=self.clock, outbox=self.outbox)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[UnitOfWork]:
        """A unit of work that commits when the block ends without an error."""
        async with self.unit_of_work() as uow:
            yield uow
            await uow.commit()

    async def dispose(self) -> None:
        await self.engine.dispose()
