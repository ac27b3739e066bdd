"""Which handler failures the consumer waits out (transient) and which it dead-letters (permanent)."""

from __future__ import annotations

import asyncpg
import pytest
from sqlalchemy import exc as sa_exc

from libs.consumer.transient import is_transient
from libs.errors import Conflict


class _DriverError(Exception):
    """What SQLAlchemy's asyncpg adapter puts in `.orig`: a DB-API error carrying the SQLSTATE."""

    def __init__(self, sqlstate: str) -> None:
        super().__init__(sqlstate)
        self.sqlstate = sqlstate


def _wrapped(sqlstate: str) -> sa_exc.DBAPIError:
    return sa_exc.DBAPIError("UPDATE orders ...", {}, _DriverError(sqlstate))


def _raised_from(error: BaseException, cause: BaseException) -> BaseException:
    try:
        raise error from cause
    except BaseException as exc:
        return exc


@pytest.mark.parametrize(
    "error",
    [
        ConnectionRefusedError(111, "Connect call failed"),  # PostgreSQL is down
        ConnectionResetError(),
        TimeoutError(),
        OSError("network unreachable"),
        asyncpg.exceptions.ConnectionDoesNotExistError("connection was closed in the middle of operation"),
        asyncpg.exceptions.CannotConnectNowError("the database system is starting up"),
        asyncpg.exceptions.AdminShutdownError("terminating connection due to administrator command"),
        asyncpg.exceptions.SerializationError("could not serialize access"),
        asyncpg.exceptions.DeadlockDetectedError("deadlock detected"),
        asyncpg.exceptions.TooManyConnectionsError("too many clients"),
        sa_exc.TimeoutError("QueuePool limit of size 10 overflow 10 reached"),
        sa_exc.OperationalError("SELECT 1", {}, Exception("server closed the connection")),
        sa_exc.InterfaceError("SELECT 1", {}, Exception("connection is closed")),
        sa_exc.DBAPIError("SELECT 1", {}, Exception("gone"), connection_invalidated=True),
        _wrapped("40001"),
        _wrapped("40P01"),
        _wrapped("08006"),
        _wrapped("57P03"),
        _raised_from(RuntimeError("could not load the order"), ConnectionResetError()),
    ],
    ids=repr,
)
def test_infrastructure_failures_are_transient(error: BaseException) -> None:
    assert is_transient(error)


@pytest.mark.parametrize(
    "error",
    [
        Conflict("the order was cancelled"),  # a business decision: the same event gets the same answer
        _raised_from(Conflict("the order was cancelled"), ConnectionResetError()),
        ValueError("bad data"),
        KeyError("reseller_id"),
        AssertionError(),
        asyncpg.exceptions.UniqueViolationError("duplicate key"),
        asyncpg.exceptions.UndefinedTableError("relation does not exist"),
        _wrapped("23505"),  # unique violation
        _wrapped("22P02"),  # invalid text representation
        sa_exc.DBAPIError("SELECT 1", {}, Exception("syntax")),
        sa_exc.IntegrityError("INSERT", {}, _DriverError("23503")),
    ],
    ids=repr,
)
def test_event_and_code_failures_are_permanent(error: BaseException) -> None:
    assert not is_transient(error)
