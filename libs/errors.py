"""Domain errors and their one rendering: RFC 9457 problem+json.

Every business error is a subclass of `DomainError` named after what happened;
it carries its HTTP status and a stable `code`. The handlers installed by
`install_problem_handlers` render it, request validation errors, unknown routes
and unexpected failures in the same shape, so clients parse one format.
"""

from __future__ import annotations

from typing import Any, ClassVar

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.exc import DBAPIError
from starlette.exceptions import HTTPException as StarletteHTTPException

from libs.logging import get_logger, request_id_var

PROBLEM_JSON = "application/problem+json"
PROBLEM_BASE = "https://channelhub.dev/problems/"

log = get_logger(__name__)


class Problem(BaseModel):
    """RFC 9457 problem details, with ChannelHub's stable `code`."""

    type: str
    title: str
    status: int
    detail: str | None = None
    code: str
    instance: str | None = None
    request_id: str | None = None
    errors: list[dict[str, Any]] | None = None


class DomainError(Exception):
    status: ClassVar[int] = 400
    code: ClassVar[str] = "bad-request"
    title: ClassVar[str] = "Bad request"

    def __init__(
        self,
        detail: str | None = None,
        *,
        errors: list[dict[str, Any]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail or self.title)
        self.detail = detail
        self.errors = errors
        self.headers = headers  # e.g. Retry-After on a 429


class NotFound(DomainError):
    status, code, title = 404, "not-found", "Not found"


class Conflict(DomainError):
    status, code, title = 409, "conflict", "Conflict"


class Unprocessable(DomainError):
    status, code, title = 422, "validation-error", "The request is not valid"


class Unauthorized(DomainError):
    status, code, title = 401, "unauthorized", "Authentication required"


class Forbidden(DomainError):
    status, code, title = 403, "forbidden", "Not allowed"


class ServiceUnavailable(DomainError):
    """A dependency (another service, the database, the broker) cannot answer now. Always carries
    `Retry-After`: the client is told when to send the same request again (R-PL-4)."""

    status, code, title = 503, "service-unavailable", "A service is unavailable"
    retry_after: ClassVar[int] = 1

    def __init__(
        self,
        detail: str | None = None,
        *,
        errors: list[dict[str, Any]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(
            detail, errors=errors, headers={"Retry-After": str(self.retry_after), **(headers or {})}
        )


class TooManyRequests(DomainError):
    status, code, title = 429, "rate-limited", "Too many requests"


def problem_response(
    status: int,
    code: str,
    title: str,
    detail: str | None = None,
    *,
    instance: str | None = None,
    errors: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body = Problem(
        type=PROBLEM_BASE + code,
        title=title,
        status=status,
        detail=detail,
        code=code,
        instance=instance,
        request_id=request_id_var.get(),
        errors=errors,
    )
    return JSONResponse(
        body.model_dump(exclude_none=True), status_code=status, media_type=PROBLEM_JSON, headers=headers
    )


def _jsonable_errors(errors: Any) -> list[dict[str, Any]]:
    out = []
    for err in errors:
        out.append(
            {"loc": [str(p) for p in err.get("loc", ())], "msg": str(err.get("msg")), "type": err.get("type")}
        )
    return out


def install_problem_handlers(app: FastAPI) -> None:
    async def domain_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, DomainError)
        return problem_response(
            exc.status,
            exc.code,
            exc.title,
            exc.detail,
            instance=request.url.path,
            errors=exc.errors,
            headers=exc.headers,
        )

    async def validation_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        errors = _jsonable_errors(exc.errors())
        detail = "; ".join(f"{'.'.join(e['loc'])}: {e['msg']}" for e in errors[:5])
        return problem_response(
            422,
            "validation-error",
            "The request is not valid",
            detail,
            instance=request.url.path,
            errors=errors,
        )

    async def http_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        code = {404: "not-found", 405: "method-not-allowed", 401: "unauthorized"}.get(
            exc.status_code, "http-error"
        )
        return problem_response(
            exc.status_code,
            code,
            str(exc.detail),
            None,
            instance=request.url.path,
            headers=getattr(exc, "headers", None),
        )

    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        from libs.consumer.transient import is_transient  # (imports this module)

        if is_transient(exc):
            # the infrastructure failed, not the request: the database restarting, a connection
            # lost, the pool exhausted. Say when to try again instead of a 500 (R-PL-4).
            log.warning("infrastructure unavailable", path=request.url.path, error=repr(exc)[:300])
            return problem_response(
                503,
                "service-unavailable",
                "A service is unavailable",
                "the service's database cannot answer now; send the request again (with the same "
                "Idempotency-Key, for a write)",
                instance=request.url.path,
                headers={"Retry-After": "2"},
            )
        log.exception("unhandled error", path=request.url.path)
        return problem_response(500, "internal-error", "Internal error", None, instance=request.url.path)

    async def database_error(request: Request, exc: Exception) -> JSONResponse:
        # SQLSTATE class 22 (data exception): PostgreSQL refused a value the request carried that the
        # schema let through (a NUL character in a text, a number out of the column's range). The
        # unit of work rolled back, so nothing changed: the client's input is at fault, not a bug.
        assert isinstance(exc, DBAPIError)
        sqlstate = str(getattr(exc.orig, "sqlstate", None) or "")
        if sqlstate in ("40001", "40P01"):
            # a serialization failure or deadlock between concurrent requests: nothing was written,
            # and the same request sent again succeeds — say so instead of a 500
            log.warning("transaction conflict", path=request.url.path, sqlstate=sqlstate)
            return problem_response(
                503,
                "transaction-conflict",
                "A concurrent request got in the way",
                "nothing was changed; send the request again",
                instance=request.url.path,
                headers={"Retry-After": "1"},
            )
        if sqlstate.startswith("22"):
            log.warning("value refused by the database", path=request.url.path, error=str(exc.orig))
            return problem_response(
                422,
                "invalid-value",
                "The request is not valid",
                "a value cannot be stored (e.g. a NUL character, or a number out of range)",
                instance=request.url.path,
            )
        return await unexpected(request, exc)

    app.add_exception_handler(DomainError, domain_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(DBAPIError, database_error)
    app.add_exception_handler(Exception, unexpected)


def problem_responses(*errors: type[DomainError]) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses=` for a route: each listed error typed as a Problem."""
    out: dict[int | str, dict[str, Any]] = {}
    for err in errors:
        entry = out.setdefault(
            err.status, {"model": Problem, "description": "", "content": {PROBLEM_JSON: {}}}
        )
        entry["description"] = ", ".join(filter(None, [entry["description"], err.code]))
    return out
