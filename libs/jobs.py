"""Scheduled jobs, run by the kernel inside every service process.

A service declares its jobs on its `ServiceSpec` (`Job(name, run, schedule)`); the kernel
runs each on its schedule, one replica at a time, and offers staff (and tests) the same
job on demand:

- `POST /v1/{service}/jobs/{name}/run {"as_of": "YYYY-MM-DD"}` runs it now for that day;
- `GET /v1/{service}/jobs/{name}/runs` lists the recent runs, scheduled and manual.

Guarantees:
- **One replica at a time**: the scheduler works only while it holds the service's
  `jobs:<service>` advisory lock (`libs.leadership`), and confirms it before every run.
- **Once per (job, period)** for scheduled runs, even if two leaders overlapped after a
  network split: a run's effects and its `succeeded` row commit in one transaction, and a
  unique index allows one succeeded scheduled row per (job, period). The loser rolls back.
- **Recorded**: every run has a `job_runs` row (trigger, period, as_of, started, finished,
  outcome, counts, error). A failed scheduled run is retried at the next tick after a pause.
- **Replayable**: a job takes `as_of` and must be idempotent for it (a manual run for a day
  already handled changes nothing); that is how staff re-run a day and how tests move time.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import sqlalchemy as sa
from prometheus_client import Counter

from libs.aio import sleep_or_stop
from libs.clock import Clock
from libs.db import Database, UnitOfWork, to_plain_url
from libs.leadership import Leadership
from libs.logging import get_logger

log = get_logger(__name__)
JOB_RUNS = Counter("job_runs_total", "Job runs by outcome", ["service", "job", "trigger", "outcome"])

# A job gets the run's unit of work (the kernel commits it together with the run's record)
# and the day it runs for; it answers counts of what it did, e.g. {"expired": 3}.
JobFunction = Callable[[UnitOfWork, date], Awaitable[dict[str, int]]]


# --- schedules --------------------------------------------------------------------------


@dataclass(frozen=True)
class Every:
    """Every `interval`, periods aligned on the Unix epoch in UTC (e.g. hourly: 10:00 to 11:00)."""

    interval: timedelta

    def period(self, now: datetime) -> tuple[str, datetime] | None:
        step = int(self.interval.total_seconds())
        start = datetime.fromtimestamp(int(now.timestamp()) // step * step, UTC)
        return start.strftime("%Y-%m-%dT%H:%M"), start

    def describe(self) -> str:
        return f"every {self.interval}"


@dataclass(frozen=True)
class Daily:
    """Once a day, from `at` (UTC) on."""

    at: time = time(0, 0)

    def period(self, now: datetime) -> tuple[str, datetime] | None:
        due = datetime.combine(now.date(), self.at, UTC)
        return (now.date().isoformat(), due) if now >= due else None

    def describe(self) -> str:
        return f"daily at {self.at:%H:%M} UTC"


@dataclass(frozen=True)
class Monthly:
    """Once a month, from day `day` at `at` (UTC) on: statements on the first, say."""

    day: int = 1
    at: time = time(0, 0)

    def period(self, now: datetime) -> tuple[str, datetime] | None:
        due = datetime.combine(now.date().replace(day=self.day), self.at, UTC)
        return (now.strftime("%Y-%m"), due) if now >= due else None

    def describe(self) -> str:
        return f"monthly on day {self.day} at {self.at:%H:%M} UTC"


Schedule = Every | Daily | Monthly


@dataclass(frozen=True)
class Job:
    name: str
    run: JobFunction
    schedule: Schedule
    description: str = ""


# --- running one job ---------------------------------------------------------------------


class JobAlreadyDone(Exception):
    """A scheduled run of this (job, period) has already succeeded (possibly on another replica)."""


async def run_job(
    db: Database,
    job_runs: sa.Table,
    job: Job,
    *,
    as_of: date,
    trigger: str,
    period: str,
    clock: Clock,
    service: str,
    leadership: Leadership | None = None,
) -> dict[str, Any]:
    """Run `job` for `as_of` in one transaction and record it. Returns the recorded run."""
    async with db.transaction() as uow:
        run_id = (
            await uow.session.execute(
                sa.insert(job_runs)
                .values(job=job.name, trigger=trigger, period=period, as_of=as_of, started_at=clock.now())
                .returning(job_runs.c.id)
            )
        ).scalar_one()
    try:
        async with db.transaction() as uow:
            if leadership is not None and not await leadership.confirm():
                raise RuntimeError("leadership lost before the run")
            counts = await job.run(uow, as_of)
            finished = await uow.session.execute(
                sa.update(job_runs)
                .where(job_runs.c.id == run_id)
                .values(outcome="succeeded", finished_at=clock.now(), counts=counts)
                .returning(*job_runs.c)
            )
            row = dict(finished.one()._mapping)
    except Exception as exc:
        already = isinstance(exc, sa.exc.IntegrityError) and "uq_job_runs_scheduled_success" in str(exc)
        outcome = "skipped" if already else "failed"
        async with db.transaction() as uow:
            await uow.session.execute(
                sa.update(job_runs)
                .where(job_runs.c.id == run_id)
                .values(outcome=outcome, finished_at=clock.now(), error=repr(exc)[:2000])
            )
        JOB_RUNS.labels(service, job.name, trigger, outcome).inc()
        if already:
            raise JobAlreadyDone(f"{job.name} {period}") from exc
        raise
    JOB_RUNS.labels(service, job.name, trigger, "succeeded").inc()
    log.info("job run", job=job.name, trigger=trigger, period=period, as_of=str(as_of), counts=counts)
    return row


async def recent_runs(db: Database, job_runs: sa.Table, job: str, *, limit: int = 50) -> list[dict[str, Any]]:
    async with db.unit_of_work() as uow:
        rows = await uow.session.execute(
            sa.select(job_runs).where(job_runs.c.job == job).order_by(job_runs.c.id.desc()).limit(limit)
        )
        return [dict(r._mapping) for r in rows]


# --- the scheduler -----------------------------------------------------------------------


class JobScheduler:
    """Runs a service's jobs on their schedules while this replica leads."""

    def __init__(
        self,
        *,
        service: str,
        db: Database,
        job_runs: sa.Table,
        jobs: list[Job],
        clock: Clock,
        tick_seconds: float = 30.0,
        retry_after: timedelta = timedelta(minutes=5),
    ) -> None:
        self.service = service
        self.db = db
        self.job_runs = job_runs
        self.jobs = jobs
        self.clock = clock
        self.tick_seconds = tick_seconds
        self.retry_after = retry_after
        self.leadership = Leadership(to_plain_url(db.url), f"jobs:{service}")
        self.leading = False

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                async with self.leadership.held(stop) as leading:
                    self.leading = leading
                    while leading and not stop.is_set() and await self.leadership.confirm():
                        await self.tick(leadership=self.leadership)
                        await sleep_or_stop(stop, self.tick_seconds)
                    self.leading = False
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # lost database: wait, then compete for leadership again
                log.warning("job scheduler error; retrying", service=self.service, error=repr(exc))
                await sleep_or_stop(stop, self.tick_seconds)

    async def tick(self, *, leadership: Leadership | None = None) -> list[str]:
        """Start every job whose current period has no succeeded scheduled run. Returns what ran.
        `leadership`, when given, is confirmed inside each run's transaction before the job acts."""
        now = self.clock.now()
        ran = []
        for job in self.jobs:
            due = job.schedule.period(now)
            if due is None or not await self._needs_run(job.name, due[0], now):
                continue
            try:
                await run_job(
                    self.db,
                    self.job_runs,
                    job,
                    as_of=now.date(),
                    trigger="schedule",
                    period=due[0],
                    clock=self.clock,
                    service=self.service,
                    leadership=leadership,
                )
                ran.append(job.name)
            except JobAlreadyDone:
                pass
            except Exception as exc:  # recorded on the run; retried after `retry_after`
                log.error("scheduled job failed", job=job.name, period=due[0], error=repr(exc))
        return ran

    async def _needs_run(self, job: str, period: str, now: datetime) -> bool:
        r = self.job_runs
        async with self.db.unit_of_work() as uow:
            rows = (
                await uow.session.execute(
                    sa.select(r.c.outcome, r.c.started_at).where(
                        r.c.job == job, r.c.period == period, r.c.trigger == "schedule"
                    )
                )
            ).all()
        if any(row.outcome in ("succeeded", "skipped") for row in rows):
            return False
        return not any(row.started_at > now - self.retry_after for row in rows)
