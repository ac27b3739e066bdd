"""How a database error reaches the client: never a 500 for the client's value or a lost race."""

from __future__ import annotations

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import exc as sa_exc

from libs.errors import install_problem_handlers


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
