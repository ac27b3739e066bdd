"""Cursor (keyset) pagination: `?limit=&cursor=` → `{"data": [...], "next_cursor": ...}`.

Rows are ordered newest first by (created_at, id); the cursor is the position
of the last row returned, so pages stay stable while rows are being added.
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

from libs.errors import Unprocessable

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


class InvalidCursor(Unprocessable):
    code, title = "invalid-cursor", "The cursor is not valid"


def encode_cursor(created_at: datetime, row_id: Any) -> str:
    raw = json.dumps([created_at.isoformat(), str(row_id)]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, str]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        created, row_id = json.loads(base64.urlsafe_b64decode(padded))
        return datetime.fromisoformat(created), row_id
    except (ValueError, TypeError) as exc:
        raise InvalidCursor() from exc


async def paginate(
    session: AsyncSession, stmt: sa.Select, entity: Any, page: PageQuery
) -> tuple[list[Any], str | None]:
    """Run `stmt` (a select of `entity`) one page at a time, newest first."""
    created, ident = entity.created_at, entity.id
    if page.cursor:
        at, row_id = decode_cursor(page.cursor)
        try:
            key: Any = uuid.UUID(row_id) if isinstance(ident.type, sa.Uuid) else int(row_id)
        except ValueError as exc:
            raise InvalidCursor() from exc
        stmt = stmt.where(sa.tuple_(created, ident) < sa.tuple_(sa.literal(at), sa.literal(key)))
    rows = list(
        (await session.scalars(stmt.order_by(created.desc(), ident.desc()).limit(page.limit + 1))).all()
    )
    next_cursor = None
    if len(rows) > page.limit:
        rows = rows[: page.limit]
        next_cursor = encode_cursor(rows[-1].created_at, rows[-1].id)
    return rows, next_cursor
