"""How a database error reaches the client: never a 500 for the client's value, a lost race or the
database being down (a 503 with Retry-After)."""

from __future__ import annotations

import socket
from collections.abc import Awaitable, Callable

import httpx
import pytest
import sqlalchemy as sa
from fastapi import FastAPI
from sqlalchemy import exc as sa_exc
from sqlalchemy.ext.asyncio import create_async_engine

from libs.errors import ServiceUnavailable, install_problem_handlers


class _DriverError(Exception):
    def __init__(self, sqlstate: str) -> None:
        super().__init__(sqlstate)
        self.sqlstate = sqlstate


async def _post(sqlstate: str) -> httpx.Response:
    """POST to an app whose route fails with that SQLSTATE, as the service's handlers answer it."""
    app = FastAPI()
    install_problem_handlers(app)

    @app.post("/orders")
    async def place() -> None:
        raise sa_exc.DBAPIError("INSERT INTO orders ...", {}, _DriverError(sqlstate))

    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://service") as client:
        return await client.post("/orders")


@pytest.mark.parametrize("sqlstate", ["40001", "40P01"])
async def test_a_serialization_failure_or_deadlock_is_a_retryable_503_not_a_500(sqlstate: str) -> None:
    response = await _post(sqlstate)
    assert response.status_code == 503
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.headers["retry-after"] == "1"
    assert response.json()["code"] == "transaction-conflict"


async def test_a_value_the_database_refuses_is_a_422() -> None:
    response = await _post("22021")
    assert response.status_code == 422 and response.json()["code"] == "invalid-value"


async def test_any_other_database_error_is_still_an_internal_error() -> None:
    response = await _post("XX000")
    assert response.status_code == 500 and response.json()["code"] == "internal-error"


async def _get(route: Callable[[], Awaitable[None]]) -> httpx.Response:
    app = FastAPI()
    install_problem_handlers(app)
    app.get("/orders")(route)
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://service") as client:
        return await client.get("/orders")


async def test_r_pl_4_a_database_that_cannot_be_reached_is_a_503_with_retry_after() -> None:
    """Before: during a PostgreSQL restart every request that needed the database answered 500."""
    with socket.socket() as s:  # a port nothing listens on: the connection is refused, for real
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    engine = create_async_engine(f"postgresql+asyncpg://nobody@127.0.0.1:{port}/none")

    async def orders() -> None:
        async with engine.connect() as conn:
            await conn.execute(sa.text("SELECT 1"))

    response = await _get(orders)
    await engine.dispose()
    assert response.status_code == 503, response.text
    assert response.headers["retry-after"] == "2"
    assert response.json()["code"] == "service-unavailable"


@pytest.mark.parametrize("sqlstate", ["57P01", "57P03", "08006"])
async def test_r_pl_4_the_database_shutting_down_or_starting_is_a_503(sqlstate: str) -> None:
    response = await _post(sqlstate)
    assert response.status_code == 503 and response.headers["retry-after"] == "2"


async def test_r_pl_4_every_service_unavailable_says_when_to_retry() -> None:
    """Before: the gateway's 503 for a service that was down had no Retry-After."""

    async def orders() -> None:
        raise ServiceUnavailable("ordering is unavailable")

    response = await _get(orders)
    assert response.status_code == 503 and response.headers["retry-after"] == "1"


async def test_a_bug_is_still_an_internal_error() -> None:
    async def orders() -> None:
        raise KeyError("a bug")

    response = await _get(orders)
    assert response.status_code == 500 and "retry-after" not in response.headers
