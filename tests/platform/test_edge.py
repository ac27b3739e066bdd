"""The edge owns the transaction (libs.edge): a route's unit of work is committed when the route
returns and before the response starts (the partner's next call reads the write), rolled back when it
raises; `@idempotent` routes keep libs.idempotency's replay. Against the real PostgreSQL of the fast
tier, in ordering's schema, with a scratch table of its own."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Annotated, Any

import httpx
import pytest
import sqlalchemy as sa
from fastapi import Depends, FastAPI
from starlette.types import Message, Receive, Scope, Send

from libs.auth import Caller, current_caller
from libs.clock import FixedClock
from libs.db import Database, UnitOfWork
from libs.edge import UoW, get_uow, idempotent
from libs.errors import Conflict, install_problem_handlers
from libs.events.ordering import SkuCreated
from libs.outbox.record import Outbox
from services.ordering.models import TABLES

WRITES = "ordering.edge_test_writes"
AT = datetime(2031, 5, 17, 9, 30, tzinfo=UTC)
STAFF = Caller(kind="staff", roles=("admin",), key_id="edge-test")


class SeenAtResponseStart:
    """ASGI middleware: when the response starts, look (on another connection) whether the
    request's write is already visible — committed — and note it."""

    def __init__(self, app: Any, db: Database, seen: dict[str, bool]) -> None:
        self.app, self.db, self.seen = app, db, seen

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        name = scope["path"].rsplit("/", 1)[-1]

        async def watch(message: Message) -> None:
            if message["type"] == "http.response.start":
                async with self.db.unit_of_work() as other:
                    found = await other.session.scalar(
                        sa.text(f"SELECT count(*) FROM {WRITES} WHERE name = :n"), {"n": name}
                    )
                self.seen[name] = bool(found)
            await send(message)

        await self.app(scope, receive, watch)


async def write(uow: UnitOfWork, name: str) -> int:
    """The use case: one row, one event stamped by the unit of work's clock."""
    await uow.session.execute(sa.text(f"INSERT INTO {WRITES} (name) VALUES (:n)"), {"n": name})
    await uow.emit(
        SkuCreated(sku=f"edge-{name}", product="edge", name=name, billing_plan="perpetual", seat_based=False)
    )
    return int(await uow.session.scalar(sa.text(f"SELECT count(*) FROM {WRITES}")) or 0)


@pytest.fixture
async def edge(
    service_databases: dict[str, str],
) -> AsyncIterator[tuple[httpx.AsyncClient, Database, dict[str, bool]]]:
    clock = FixedClock(AT)
    db = Database(
        service_databases["ordering"], pool_size=2, clock=clock, outbox=Outbox(TABLES.outbox, "ordering")
    )
    async with db.transaction() as uow:
        await uow.session.execute(sa.text(f"CREATE TABLE IF NOT EXISTS {WRITES} (name TEXT PRIMARY KEY)"))
    app = FastAPI()
    app.state.db, app.state.clock, app.state.tables = db, clock, TABLES
    app.state.settings = SimpleNamespace(idempotency_ttl_hours=24)
    app.dependency_overrides[current_caller] = lambda: STAFF
    install_problem_handlers(app)

    @app.post("/write/{name}", status_code=201)
    async def plain(name: str, uow: UoW) -> Any:
        return {"rows": await write(uow, name)}

    @app.post("/late/{name}", status_code=201)
    async def late(name: str, uow: Annotated[UnitOfWork, Depends(get_uow)]) -> Any:
        return {"rows": await write(uow, name)}  # FastAPI's default scope for a yield dependency

    @app.post("/refuse/{name}")
    async def refuse(name: str, uow: UoW) -> Any:
        await write(uow, name)
        raise Conflict("refused after writing")

    @app.post("/idem/{name}", status_code=201)
    @idempotent
    async def once(name: str, uow: UoW) -> Any:
        return {"rows": await write(uow, name), "name": name}

    seen: dict[str, bool] = {}
    transport = httpx.ASGITransport(app=SeenAtResponseStart(app, db, seen))
    async with httpx.AsyncClient(transport=transport, base_url="http://edge") as client:
        yield client, db, seen
    async with db.transaction() as uow:
        await uow.session.execute(sa.text(f"DROP TABLE IF EXISTS {WRITES}"))
        await uow.session.execute(sa.delete(TABLES.outbox).where(TABLES.outbox.c.key.like("edge-%")))
        await uow.session.execute(
            sa.delete(TABLES.idempotency_keys).where(TABLES.idempotency_keys.c.caller == STAFF.identity)
        )
    await db.dispose()


async def rows(db: Database, name: str) -> int:
    async with db.unit_of_work() as uow:
        return int(
            await uow.session.scalar(sa.text(f"SELECT count(*) FROM {WRITES} WHERE name = :n"), {"n": name})
            or 0
        )


async def envelopes(db: Database, name: str) -> list[dict[str, Any]]:
    async with db.unit_of_work() as uow:
        result = await uow.session.execute(
            sa.select(TABLES.outbox.c.envelope).where(TABLES.outbox.c.key == f"edge-{name}")
        )
        return [e for (e,) in result]


async def test_the_route_s_write_is_committed_before_its_response_starts(edge: Any) -> None:
    client, db, seen = edge
    name = uuid.uuid4().hex[:12]
    response = await client.post(f"/write/{name}")
    assert response.status_code == 201, response.text
    assert seen[name] is True  # read-your-writes: visible to any other connection as the answer leaves
    assert await rows(db, name) == 1


async def test_the_default_request_scope_would_answer_before_committing(edge: Any) -> None:
    """Why `UoW` says scope="function": with FastAPI's default ("request") the commit runs after the
    response was sent, and a partner's next call could miss the write. The probe sees the difference."""
    client, db, seen = edge
    name = uuid.uuid4().hex[:12]
    assert (await client.post(f"/late/{name}")).status_code == 201
    assert seen[name] is False
    assert await rows(db, name) == 1  # committed, but only after the answer left


async def test_r_pl_4_the_event_is_written_with_the_state_change_stamped_by_the_injected_clock(
    edge: Any,
) -> None:
    client, db, _ = edge
    name = uuid.uuid4().hex[:12]
    assert (await client.post(f"/write/{name}")).status_code == 201
    [envelope] = await envelopes(db, name)
    assert datetime.fromisoformat(envelope["time"]) == AT


async def test_a_route_that_raises_leaves_nothing_behind(edge: Any) -> None:
    client, db, seen = edge
    name = uuid.uuid4().hex[:12]
    response = await client.post(f"/refuse/{name}")
    assert response.status_code == 409 and response.headers["content-type"] == "application/problem+json"
    assert seen[name] is False
    assert await rows(db, name) == 0 and await envelopes(db, name) == []


async def test_an_idempotent_route_runs_once_per_key_and_replays_its_answer(edge: Any) -> None:
    client, db, seen = edge
    name, key = uuid.uuid4().hex[:12], uuid.uuid4().hex
    first = await client.post(f"/idem/{name}", headers={"Idempotency-Key": key})
    assert first.status_code == 201 and seen[name] is True
    again = await client.post(f"/idem/{name}", headers={"Idempotency-Key": key})
    assert again.status_code == 201 and again.headers["Idempotent-Replayed"] == "true"
    assert again.json() == first.json() and first.json()["name"] == name
    assert await rows(db, name) == 1 and len(await envelopes(db, name)) == 1
    # another request under the same key is refused, and its write rolled back with it
    other = await client.post(f"/idem/{uuid.uuid4().hex[:12]}", headers={"Idempotency-Key": key})
    assert other.status_code == 422 and other.json()["code"] == "idempotency-key-reused"
    # without a key the route simply runs, answered with its declared status
    unkeyed = uuid.uuid4().hex[:12]
    assert (await client.post(f"/idem/{unkeyed}")).status_code == 201 and await rows(db, unkeyed) == 1
