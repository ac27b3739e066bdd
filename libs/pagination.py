"""Cursor (keyset) pagination: `?limit=&cursor=` → `{"data": [...], "next_cursor": ...}`.

Rows are ordered newest first by (created_at, id); the cursor is the position
of the last row returned, so pages stay stable while rows are being added.

A cursor comes back from the client, so it is input like any other: it is decoded and checked
in full (a timezone-aware timestamp, an id of the entity's id type) before it reaches SQL, and
anything else is a 400 `invalid-cursor`.
"""

from __future__ import annotations

import base64
import json
import uuid
from datetime import datetime
from typing import Annotated, Any, Generic, TypeVar

import sqlalchemy as sa
from fastapi import Depends, Query
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from libs.errors import DomainError
from libs.params import MAX_INT64

T = TypeVar("T")
MAX_LIMIT = 200


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
        str | None, Query(max_length=200, description="next_cursor of the previous page")
    ] = None,
) -> PageQuery:
    # a coroutine, so FastAPI calls it in the event loop instead of a worker thread
    return PageQuery(limit, cursor)


PageParams = Annotated[PageQuery, Depends(page_query)]


class InvalidCursor(DomainError):
    status, code, title = 400, "invalid-cursor", "The cursor is not valid"


def encode_cursor(created_at: datetime, row_id: Any) -> str:
    raw = json.dumps([created_at.isoformat(), str(row_id)]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, id_type: type[uuid.UUID] | type[int] = uuid.UUID) -> tuple[datetime, Any]:
    """The (created_at, id) a cursor points after, or InvalidCursor: only what encode_cursor makes."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        decoded = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
    except (ValueError, TypeError) as exc:  # not base64 / not UTF-8 / not JSON
        raise InvalidCursor("use the next_cursor of the previous page as it is") from exc
    if not (isinstance(decoded, list) and len(decoded) == 2 and all(isinstance(v, str) for v in decoded)):
        raise InvalidCursor("use the next_cursor of the previous page as it is")
    created, row_id = decoded
    try:
        at = datetime.fromisoformat(created)
        key: Any = uuid.UUID(row_id) if id_type is uuid.UUID else int(row_id)
    except ValueError as exc:
        raise InvalidCursor("use the next_cursor of the previous page as it is") from exc
    if at.tzinfo is None or at.utcoffset() is None:
        raise InvalidCursor("the cursor's timestamp has no timezone")
    if isinstance(key, int) and not 0 <= key <= MAX_INT64:
        raise InvalidCursor("the cursor's id is out of range")
    return at, key


async def paginate(
    session: AsyncSession, stmt: sa.Select, entity: Any, page: PageQuery
) -> tuple[list[Any], str | None]:
    """Run `stmt` (a select of `entity`) one page at a time, newest first."""
    created, ident = entity.created_at, entity.id
    if page.cursor:
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
