"""`Idempotency-Key` on creates, decided in the same transaction as the create itself.

The key row is inserted first, in the request's unit of work, and carries the
response when the work commits (the edge commits it: libs.edge, `@idempotent`). So:
- same key, same body, committed → the stored response is replayed;
- same key, other body → 422;
- same key while the first request is still running → its uncommitted row
  holds the unique index; we wait at most `IN_FLIGHT_WAIT` for it and then
  answer 409 (if it commits in time, we replay instead);
- the first request fails → its rollback removes the key, a retry runs anew.
There is no window in which the effect is committed but the key is not.
Keys are scoped by caller and expire after the configured TTL.

Secrets are never stored: a response field declared with `shown_once(...)` (API keys, transfer
tokens, webhook secrets) is what it says — shown once, in the first response. The stored copy has
it set to null, so a replay answers null there, with `Idempotent-Withheld: <fields>` saying why.
A client that lost the first response creates a new secret (and revokes the lost one). We chose
this over encrypting the stored response: nothing to configure or rotate, nothing to leak.
"""

import hashlib
import json
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import Any, cast

import sqlalchemy as sa
from fastapi import Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from pydantic.fields import FieldInfo
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.engine import CursorResult
from sqlalchemy.exc import DBAPIError

from libs.auth import Caller
from libs.db import UnitOfWork
from libs.errors import Conflict, Unprocessable

HEADER = "Idempotency-Key"
WITHHELD_HEADER = "Idempotent-Withheld"
IN_FLIGHT_WAIT = "250ms"
MAX_KEY_LENGTH = 255
SHOWN_ONCE = "x-shown-once"


def shown_once(description: str) -> Any:
    """A response field holding a secret shown only in the first response (never stored for replay);
    type it `str | None`: a replay answers null."""
    return Field(
        description=f"{description}; shown only once: null when an Idempotency-Key replay answers",
        json_schema_extra={SHOWN_ONCE: True},
    )


def _is_shown_once(field: FieldInfo) -> bool:
    extra = field.json_schema_extra
    return isinstance(extra, dict) and extra.get(SHOWN_ONCE) is True


def shown_once_fields(model: Any) -> tuple[str, ...]:
    """The fields of a response model declared with `shown_once`."""
    if not (isinstance(model, type) and issubclass(model, BaseModel)):
        return ()
    return tuple(name for name, field in model.model_fields.items() if _is_shown_once(field))


class IdempotencyKeyReused(Unprocessable):
    code, title = "idempotency-key-reused", "Idempotency-Key was used with another request"


class IdempotencyKeyInFlight(Conflict):
    code, title = "idempotency-key-in-flight", "A request with this Idempotency-Key is still in progress"


class Idempotency:
    def __init__(
        self, request: Request, caller: Caller, uow: UnitOfWork, table: sa.Table, ttl: timedelta
    ) -> None:
        self.request = request
        self.caller = caller
        self.uow = uow
        self.table = table
        self.ttl = ttl
        self.key = request.headers.get(HEADER)
        # the route's declared response model says which fields must not be kept for a replay
        self.withheld = shown_once_fields(getattr(request.scope.get("route"), "response_model", None))

    async def run(
        self, create: Callable[[], Awaitable[Any]], *, status_code: int | None = None
    ) -> JSONResponse:
        """Run `create` once per key and answer (or replay) its result, with `status_code` (by
        default the route's declared one). The answer is stored in the unit of work, which the edge
        commits when the route returns (libs.edge)."""
        if status_code is None:
            status_code = getattr(self.request.scope.get("route"), "status_code", None) or 200
        if self.key is None:
            return JSONResponse(_encode(await create()), status_code=status_code)
        if not 1 <= len(self.key) <= MAX_KEY_LENGTH:
            raise Unprocessable(f"{HEADER} must be 1 to {MAX_KEY_LENGTH} characters")
        request_hash = await self._fingerprint()
        replay = await self._claim(request_hash)
        if replay is not None:
            return replay
        body = _encode(await create())
        stored = {**body, **dict.fromkeys(self.withheld)} if self.withheld else body
        t = self.table
        await self.uow.session.execute(
            sa.update(t)
            .where(t.c.caller == self.caller.identity, t.c.key == self.key)
            .values(response_status=status_code, response_body=stored)
        )
        return JSONResponse(body, status_code=status_code)

    async def _fingerprint(self) -> str:
        raw = await self.request.body()
        try:
            canonical = json.dumps(json.loads(raw or b"null"), sort_keys=True, separators=(",", ":")).encode()
        except ValueError:
            canonical = raw
        digest = hashlib.sha256()
        for part in (self.request.method.encode(), self.request.url.path.encode(), canonical):
            digest.update(part + b"\0")
        return digest.hexdigest()

    async def _claim(self, request_hash: str) -> JSONResponse | None:
        t, session = self.table, self.uow.session
        now = self.uow.clock.now()  # the injected clock, as the housekeeping that purges expired keys
        await session.execute(sa.text(f"SET LOCAL lock_timeout = '{IN_FLIGHT_WAIT}'"))
        try:
            claimed = await session.execute(
                pg_insert(t)
                .values(
                    caller=self.caller.identity,
                    key=self.key,
                    method=self.request.method,
                    path=self.request.url.path,
                    request_hash=request_hash,
                    response_status=0,
                    response_body={},
                    expires_at=now + self.ttl,
                )
                .on_conflict_do_nothing()
                .returning(t.c.key)
            )
        except DBAPIError as exc:
            if "lock timeout" in str(exc) or "LockNotAvailable" in repr(exc.orig):
                await session.rollback()
                raise IdempotencyKeyInFlight() from exc
            raise
        await session.execute(sa.text("SET LOCAL lock_timeout = DEFAULT"))
        if claimed.first() is not None:
            return None
        row = (
            (
                await session.execute(
                    sa.select(t).where(t.c.caller == self.caller.identity, t.c.key == self.key)
                )
            )
            .mappings()
            .one()
        )
        if row["expires_at"] <= now:
            await session.execute(sa.delete(t).where(t.c.caller == self.caller.identity, t.c.key == self.key))
            return await self._claim(request_hash)
        if row["request_hash"] != request_hash:
            raise IdempotencyKeyReused("this Idempotency-Key was first used with a different request")
        headers = {"Idempotent-Replayed": "true"}
        if self.withheld:
            headers[WITHHELD_HEADER] = ", ".join(self.withheld)
        return JSONResponse(row["response_body"], status_code=row["response_status"], headers=headers)


async def purge_expired(uow: UnitOfWork, table: sa.Table, *, as_of: datetime) -> int:
    # A DML statement without RETURNING yields a CursorResult, which carries the rowcount.
    result = cast(
        "CursorResult[Any]", await uow.session.execute(sa.delete(table).where(table.c.expires_at <= as_of))
    )
    return result.rowcount or 0


def _encode(result: Any) -> Any:
    """The answer as JSON-ready data. An already-built response model is dumped once, by pydantic's
    own serialiser (`jsonable_encoder` dumps it, then walks the dict again); the route returns the
    `JSONResponse`, so FastAPI does not validate it against the response model a second time."""
    if isinstance(result, BaseModel):
        return result.model_dump(mode="json", by_alias=True)
    return jsonable_encoder(result)
