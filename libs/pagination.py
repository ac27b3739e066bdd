"""Cursor (keyset) pagination: `?limit=&cursor=` → `{"data": [...], "next_cursor": ...}`.

Rows are ordered newest first by (created_at, id); the cursor is the position
of the last row returned, so pages stay stable while rows are being added.

A cursor comes back from the client, so it is input like any other, and its shape is the
contract: `CURSOR_PATTERN` (`<microseconds since 1970 UTC>-<id as 32 hex digits>`) is what the
OpenAPI document declares and exactly what is accepted. Every string matching it is a position
(a UUID is its 32 hex digits; an integer id is written in hex, and one beyond int64 stands after
every id of its instant), so a schema-valid cursor is always answered with a page — perhaps an
empty one — and anything else is a 400 `invalid-cursor` before it reaches SQL.
"""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any, Generic, TypeVar

import sqlalchemy as sa
from fastapi import Depends, Query
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from libs.errors import DomainError
from libs.params import MAX_INT64

T = TypeVar("T")
MAX_LIMIT = 200
CURSOR_PATTERN = r"^[0-9]{1,16}-[0-9a-f]{32}$"  # 16 digits of microseconds: until the year 2286
_CURSOR = re.compile(CURSOR_PATTERN)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)


class Page(BaseModel, Generic[T]):
    data: list[T]
    next_cursor: str | None = None


class PageQuery:
    def __init__(self, limit: int = 50, cursor: str | None = None) -> None:
        self.limit = limit
        self.cursor = cursor


async def page_query(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="page size")] = 50,
    cursor: Annotated[
        str | None,
        Query(
            description="`next_cursor` of the previous page (opaque; omit it for the first page)",
            # documented, checked by decode_cursor: a mismatch is 400 invalid-cursor, not 422
            json_schema_extra={"pattern": CURSOR_PATTERN, "maxLength": 49},
        ),
    ] = None,
) -> PageQuery:
    # a coroutine, so FastAPI calls it in the event loop instead of a worker thread
    return PageQuery(limit, cursor)


PageParams = Annotated[PageQuery, Depends(page_query)]


class InvalidCursor(DomainError):
    status, code, title = 400, "invalid-cursor", "The cursor is not valid"


def encode_cursor(created_at: datetime, row_id: Any) -> str:
    micros = (created_at - _EPOCH) // _MICROSECOND
    ident = row_id.hex if isinstance(row_id, uuid.UUID) else f"{int(row_id):032x}"
    return f"{micros}-{ident}"


def decode_cursor(cursor: str, id_type: type[uuid.UUID] | type[int] = uuid.UUID) -> tuple[datetime, Any]:
    """The (created_at, id) a cursor points after, or InvalidCursor: exactly `CURSOR_PATTERN`."""
    if not _CURSOR.fullmatch(cursor):
        raise InvalidCursor("use the next_cursor of the previous page as it is")
    micros, ident = cursor.split("-")
    at = _EPOCH + int(micros) * _MICROSECOND
    if id_type is uuid.UUID:
        return at, uuid.UUID(hex=ident)
    key = int(ident, 16)
    if key > MAX_INT64:  # after every (non-negative) id of that instant: before the next instant
        return at + _MICROSECOND, -1
    return at, key


async def paginate(
    session: AsyncSession, stmt: sa.Select, entity: Any, page: PageQuery
) -> tuple[list[Any], str | None]:
    """Run `stmt` (a select of `entity`) one page at a time, newest first."""
    created, ident = entity.created_at, entity.id
    if page.cursor is not None:  # an empty cursor is not "no cursor": it is not one of ours
        at, key = decode_cursor(page.cursor, uuid.UUID if isinstance(ident.type, sa.Uuid) else int)
        stmt = stmt.where(sa.tuple_(created, ident) < sa.tuple_(sa.literal(at), sa.literal(key)))
    rows = list(
        (await session.scalars(stmt.order_by(created.desc(), ident.desc()).limit(page.limit + 1))).all()
    )
    next_cursor = None
    if len(rows) > page.limit:
        rows = rows[: page.limit]
        next_cursor = encode_cursor(rows[-1].created_at, rows[-1].id)
    return rows, next_cursor
