"""The one shape of a service process: API, outbox relay, event consumers and jobs, together.

A service declares a `ServiceSpec` (its routers, its tables, the events it handles, its
scheduled jobs, its settings) and registers it once in `services/registry.py`;
`create_service_app` gives it everything else the same way: problem+json errors,
request/correlation ids, `/healthz` `/readyz` `/metrics`, the operators' routes for dead
letters and the outbox, the staff routes of its jobs, and a lifespan that runs the relay,
the consumers, the job scheduler and housekeeping beside the API.
"""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import sqlalchemy as sa
import uvloop
from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import JSONResponse, Response

from libs.clock import Clock, SystemClock, use_service_clock
from libs.consumer import ConsumerRunner, HandlerMap
from libs.db import Database
from libs.edge import CurrentClock, IdempotentCreate, UoW, get_clock, get_uow, idempotent
from libs.errors import install_problem_handlers
from libs.events.base import EVENT_TYPES
from libs.housekeeping import run_housekeeping
from libs.http import RequestContextMiddleware, render_metrics, supervisor_pid
from libs.internal_client import close_internal_clients
from libs.job_routes import jobs_router
from libs.jobs import Job, JobScheduler
from libs.logging import configure_logging, get_logger
from libs.outbox.record import Outbox
from libs.outbox.relay import OutboxRelay
from libs.permissions import authorize
from libs.platform_tables import PlatformTables
from libs.settings import ServiceSettings, Settings, get_settings

log = get_logger(__name__)


def stop_this_process(what: str, error: BaseException | None) -> None:
    """A relay, consumer, scheduler or worker ended while the service was not stopping: the process
    would go on answering HTTP with part of its work silently gone. Stop it instead (SIGTERM: a
    graceful shutdown), so that whatever supervises it — `make run`, Kubernetes — starts it again."""
    log.critical("background work ended; stopping the process to be restarted", task=what, error=repr(error))
    os.kill(os.getpid(), signal.SIGTERM)


def _watch(task: asyncio.Task[Any], stop: asyncio.Event) -> None:
    def ended(t: asyncio.Task[Any]) -> None:
        if stop.is_set() or t.cancelled():
            return
        stop_this_process(t.get_name(), t.exception())

    task.add_done_callback(ended)


# Continuous background work of a service beyond relay, consumers and jobs (e.g. sending webhook
# deliveries as they fall due): started with the process, given its database, clock and the stop
# event, and expected to return soon after `stop` is set. Several replicas run it side by side, so
# it must claim its work with row locks (`FOR UPDATE SKIP LOCKED`), never assume it is alone.
Worker = Callable[[Database, Clock, asyncio.Event], Coroutine[Any, Any, None]]


@dataclass
class ServiceSpec:
    name: str  # also its schema, its consumer group, the prefix of its event types
    title: str
    tables: PlatformTables
    routers: list[APIRouter]
    handlers: HandlerMap = field(default_factory=dict)
    # scheduled work, run by the kernel on its schedule and by staff on demand (libs.jobs)
    jobs: list[Job] = field(default_factory=list)
    # the service's own settings (beyond libs.settings): its `settings_of(...)` loader, whose one
    # instance is loaded and checked when the process starts
    settings: Callable[[], ServiceSettings] | None = None
    description: str = ""
    workers: list[Worker] = field(default_factory=list)

    @property
    def consumed_event_types(self) -> list[str]:
        return sorted(self.handlers)

    @property
    def source_services(self) -> set[str]:
        """The services whose events this one consumes (an event type starts with its producer)."""
        return {event_type.split(".", 1)[0] for event_type in self.handlers}

    @property
    def produced_topics(self) -> set[str]:
        return {cls.topic for t, cls in EVENT_TYPES.items() if t.startswith(self.name + ".")}


def create_service_app(
    spec: ServiceSpec,
    *,
    settings: Settings | None = None,
    clock: Clock | None = None,
    run_background: bool = True,
) -> FastAPI:
    settings = settings or get_settings()
    outbox = Outbox(spec.tables.outbox, spec.name)
    configure_logging(spec.name, settings.log_level, settings.log_json)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if spec.settings is not None:
            config = spec.settings()  # fail at start, not at the first request, on a bad variable
            config.refuse_unsafe_start()  # e.g. production without explicit keys: refused, never derived
        app.state.db = Database(settings.service_database_url, clock=app.state.clock, outbox=outbox)
        stop = asyncio.Event()
        tasks: list[asyncio.Task[Any]] = []
        consumer_thread: ConsumerThread | None = None
        app.state.relay = OutboxRelay(
            db=app.state.db,
            outbox=spec.tables.outbox,
            bootstrap=settings.kafka_bootstrap_servers,
            topics=spec.produced_topics,
        )
        app.state.consumer = ConsumerRunner(
            name=spec.name,
            db=app.state.db,
            tables=spec.tables,
            handlers=spec.handlers,
            bootstrap=settings.kafka_bootstrap_servers,
            max_attempts=settings.consumer_max_attempts,
            backoff_base=settings.consumer_backoff_base_seconds,
        )
        app.state.scheduler = JobScheduler(
            service=spec.name,
            db=app.state.db,
            job_runs=spec.tables.job_runs,
            jobs=spec.jobs,
            clock=app.state.clock,
            tick_seconds=settings.job_tick_seconds,
        )
        if run_background:
            tasks.append(asyncio.create_task(app.state.relay.run(stop), name=f"{spec.name}-relay"))
            if spec.jobs:
                tasks.append(asyncio.create_task(app.state.scheduler.run(stop), name=f"{spec.name}-jobs"))
            for n, worker in enumerate(spec.workers):
                tasks.append(
                    asyncio.create_task(
                        worker(app.state.db, app.state.clock, stop), name=f"{spec.name}-worker-{n}"
                    )
                )
            if spec.handlers:
                consumer_thread = ConsumerThread(spec, settings, app.state.clock)
                consumer_thread.start()
            tasks.append(
                asyncio.create_task(
                    run_housekeeping(
                        app.state.db,
                        spec.tables,
                        app.state.clock,
                        retention=timedelta(days=settings.outbox_retention_days),
                        stop=stop,
                    ),
                    name=f"{spec.name}-housekeeping",
                )
            )
            for task in tasks:  # a background task that ends before `stop` takes the process down
                _watch(task, stop)
        try:
            yield
        finally:
            stop.set()
            if consumer_thread is not None:
                await asyncio.to_thread(consumer_thread.stop, 10)
            await asyncio.wait(tasks, timeout=5) if tasks else None
            for task in tasks:
                task.cancel()
            await close_internal_clients(app.state)
            await app.state.db.dispose()

    app = FastAPI(
        title=spec.title,
        description=spec.description,
        version="1.0.0",
        lifespan=lifespan,
        generate_unique_id_function=_operation_id,
        # the permission table (R-PL-5) decides first, on every route, before the body is read
        dependencies=[Depends(authorize)],
    )
    app.state.settings = settings
    app.state.clock = clock or SystemClock()
    use_service_clock(app.state.clock)  # the outbox stamps this service's events with it
    app.state.tables = spec.tables
    app.state.spec = spec
    app.add_middleware(RequestContextMiddleware)
    install_problem_handlers(app)
    for router in spec.routers:
        app.include_router(router)
    app.include_router(_probes_router())
    from libs.ops import ops_router

    app.include_router(ops_router(spec.name))
    if spec.jobs:
        app.include_router(jobs_router(spec.name, spec.jobs))
    return app


class ConsumerThread:
    """The service's event consumers, on an event loop of their own in a thread of the process.

    On the API's loop the consumer was one task among every in-flight request: under load each of
    its awaits (BEGIN, statements, COMMIT) waited a whole turn of a CPU-bound loop, and events fell
    seconds behind while orders were placed at full rate (bench/README.md). On its own loop an
    await waits at most the interpreter's switch interval. It has its own small pool (an engine
    belongs to one loop); `app.state.consumer` stays on the API's loop for the operators' routes
    (failed events, re-drive)."""

    def __init__(self, spec: ServiceSpec, settings: Settings, clock: Clock) -> None:
        self.spec = spec
        self.settings = settings
        self.clock = clock
        self._stopping = threading.Event()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._thread = threading.Thread(target=self._main, name=f"{spec.name}-consumer", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float) -> None:
        """Ask the consumer to stop (it finishes the record at hand) and wait for it."""
        self._stopping.set()
        loop, stop = self._loop, self._stop
        if loop is not None and stop is not None:
            try:
                loop.call_soon_threadsafe(stop.set)
            except RuntimeError:  # its loop has already closed
                pass
        self._thread.join(timeout)

    def _main(self) -> None:
        error: BaseException | None = None
        try:
            # uvloop, as uvicorn runs the API's loop: the consumer's loop is mostly socket reads and
            # writes (broker, database), which uvloop does in C
            with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
                runner.run(self._run())
        except BaseException as exc:
            error = exc
        if not self._stopping.is_set():  # the consumer ended on its own: restart the process
            stop_this_process(self._thread.name, error)

    async def _run(self) -> None:
        self._stop = asyncio.Event()
        self._loop = asyncio.get_running_loop()
        if self._stopping.is_set():
            return
        db = Database(
            self.settings.service_database_url,
            pool_size=4,
            clock=self.clock,
            outbox=Outbox(self.spec.tables.outbox, self.spec.name),
        )
        runner = ConsumerRunner(
            name=self.spec.name,
            db=db,
            tables=self.spec.tables,
            handlers=self.spec.handlers,
            bootstrap=self.settings.kafka_bootstrap_servers,
            max_attempts=self.settings.consumer_max_attempts,
            backoff_base=self.settings.consumer_backoff_base_seconds,
        )
        try:
            await runner.run(self._stop)
        finally:
            await db.dispose()


__all__ = [
    "ConsumerThread",
    "CurrentClock",
    "IdempotentCreate",
    "ServiceSpec",
    "UoW",
    "Worker",
    "create_service_app",
    "get_clock",
    "get_uow",
    "idempotent",
]


def _operation_id(route: Any) -> str:
    """Readable operation ids (`orders-create`) for pleasant generated clients."""
    return route.name.replace("_", "-")


def _probes_router() -> APIRouter:
    router = APIRouter(include_in_schema=False)

    @router.get("/healthz")
    async def healthz(request: Request) -> dict[str, object]:
        # the pid lets a supervisor check that the process answering on a port is the one it started
        return {"status": "ok", "service": request.app.state.spec.name, "pid": supervisor_pid()}

    @router.get("/readyz")
    async def readyz(request: Request) -> JSONResponse:
        try:
            async with request.app.state.db.engine.connect() as conn:
                await conn.execute(sa.text("SELECT 1"))
        except Exception as exc:
            return JSONResponse({"status": "unavailable", "database": repr(exc)}, status_code=503)
        return JSONResponse({"status": "ready"})

    @router.get("/metrics")
    async def metrics() -> Response:
        body, media_type = render_metrics()
        return Response(body, media_type=media_type)

    return router
