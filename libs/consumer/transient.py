"""Is a handler's failure transient (wait and try again, however long it takes) or permanent
(no retry can help: dead-letter it after a few tries)?

Transient means the *infrastructure* failed, not the event: the database restarts, a connection
drops, the pool is exhausted, a serializable transaction lost a race. Such an event is retried
until it succeeds — dead-lettering it would skip a perfectly good event until an operator
re-drives it. Everything else (a `DomainError`, a contract violation, a bug) is permanent.
"""

from __future__ import annotations

from collections.abc import Iterator

import asyncpg
from sqlalchemy import exc as sa_exc

from libs.errors import DomainError

# SQLSTATEs that a retry cures: serialization failure, deadlock, the server shutting down,
# crashing or starting ("the database system is starting up"), too many connections.
_TRANSIENT_SQLSTATES = frozenset({"40001", "40P01", "57P01", "57P02", "57P03", "53300"})
_CONNECTION_SQLSTATE_CLASS = "08"  # connection exception


def is_transient(exc: BaseException) -> bool:
    """True when `exc` (or what it wraps) says the infrastructure failed, not the event."""
    for error in _causes(exc):
        if isinstance(error, DomainError):
            return False  # a business decision: the same event gets the same answer
        if isinstance(error, (OSError, asyncpg.PostgresConnectionError, sa_exc.TimeoutError)):
            return True  # OSError covers refused/reset connections and timeouts
        if isinstance(error, asyncpg.ConnectionDoesNotExistError):
            return True  # the connection died under a statement the driver ran itself (libs.db)
        if isinstance(error, (sa_exc.OperationalError, sa_exc.InterfaceError)):
            return True
        if isinstance(error, sa_exc.DBAPIError) and error.connection_invalidated:
            return True
        state = getattr(error, "sqlstate", None)
        if isinstance(state, str) and (
            state in _TRANSIENT_SQLSTATES or state.startswith(_CONNECTION_SQLSTATE_CLASS)
        ):
            return True
    return False


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """The exception, then what it wraps: SQLAlchemy's `.orig` (the driver's error) and the
    explicit `__cause__` chain (`raise ... from`). Bounded, in case of a cycle."""
    seen: set[int] = set()
    todo: list[BaseException] = [exc]
    while todo and len(seen) < 20:
        error = todo.pop(0)
        if id(error) in seen:
            continue
        seen.add(id(error))
        yield error
        orig = getattr(error, "orig", None)
        if isinstance(orig, BaseException):
            todo.append(orig)
        if error.__cause__ is not None:
            todo.append(error.__cause__)
