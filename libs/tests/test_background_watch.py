"""A service process whose background work ends on its own stops itself, so that its supervisor
(`make run`, Kubernetes) restarts it — never an API that goes on answering with its relay, consumer
or worker gone (R-PL-4)."""

from __future__ import annotations

import asyncio
import socket

import pytest

from libs import service
from libs.clock import Clock
from libs.db import Database, service_metadata
from libs.platform_tables import platform_tables
from libs.service import ServiceSpec, create_service_app
from libs.settings import Settings


def _dead_database_url() -> str:
    with socket.socket() as s:  # nothing listens: the relay and housekeeping keep retrying
        s.bind(("127.0.0.1", 0))
        return f"postgresql://nobody@127.0.0.1:{s.getsockname()[1]}/none"


def _spec(worker: service.Worker) -> ServiceSpec:
    tables = platform_tables(service_metadata(f"watch_{id(worker)}"))
    return ServiceSpec(name="watchprobe", title="probe", tables=tables, routers=[], workers=[worker])


async def _lifespan(spec: ServiceSpec, monkeypatch: pytest.MonkeyPatch, *, stop_after: float) -> list[str]:
    stopped: list[str] = []
    monkeypatch.setattr(
        service, "stop_this_process", lambda what, error: stopped.append(f"{what}: {error!r}")
    )
    settings = Settings(
        CHANNELHUB_SERVICE_DATABASE_URL=_dead_database_url(), KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:1"
    )
    app = create_service_app(spec, settings=settings)
    async with app.router.lifespan_context(app):
        await asyncio.sleep(stop_after)
    return stopped


async def test_r_pl_4_a_worker_that_dies_stops_the_process(monkeypatch: pytest.MonkeyPatch) -> None:
    async def broken(db: Database, clock: Clock, stop: asyncio.Event) -> None:
        raise RuntimeError("a bug in the worker")

    stopped = await _lifespan(_spec(broken), monkeypatch, stop_after=0.3)
    assert stopped == ["watchprobe-worker-0: RuntimeError('a bug in the worker')"]


async def test_a_worker_that_ends_when_asked_stops_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    async def polite(db: Database, clock: Clock, stop: asyncio.Event) -> None:
        await stop.wait()

    assert await _lifespan(_spec(polite), monkeypatch, stop_after=0.3) == []
