"""The kernel's job scheduler on the real PostgreSQL: once per (job, period), one replica at a time,
every run recorded, failures retried, leadership fenced (libs.jobs, libs.leadership)."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta

import asyncpg
import pytest
import sqlalchemy as sa

from libs.clock import FixedClock
from libs.db import Database, UnitOfWork, to_plain_url
from libs.jobs import Every, Job, JobAlreadyDone, JobScheduler, recent_runs, run_job
from libs.leadership import Leadership
from services.ordering.models import TABLES
from tests.platform.conftest import hit, hits, unique

HOURLY = Every(timedelta(hours=1))


def counting_job(name: str) -> Job:
    async def work(uow: UnitOfWork, as_of: date) -> dict[str, int]:
        await hit(uow.session, f"{name}:{as_of}")
        return {"touched": 1}

    return Job(name, work, HOURLY)


def scheduler(
    db: Database, jobs: list[Job], clock: FixedClock, service: str = "ordering", **kw: object
) -> JobScheduler:
    return JobScheduler(service=service, db=db, job_runs=TABLES.job_runs, jobs=jobs, clock=clock, **kw)  # type: ignore[arg-type]


async def test_a_scheduled_job_runs_once_per_period_and_again_in_the_next(db: Database) -> None:
    job = counting_job(unique("hourly"))
    clock = FixedClock(datetime(2026, 11, 23, 10, 15, tzinfo=UTC))
    jobs = scheduler(db, [job], clock)

    assert await jobs.tick() == [job.name]
    assert await jobs.tick() == []  # same hour: already done
    clock.advance(timedelta(minutes=50))  # 11:05, the next period
    assert await jobs.tick() == [job.name]

    runs = await recent_runs(db, TABLES.job_runs, job.name)
    assert [(r["period"], r["outcome"], r["trigger"], r["counts"]) for r in runs] == [
        ("2026-11-23T11:00", "succeeded", "schedule", {"touched": 1}),
        ("2026-11-23T10:00", "succeeded", "schedule", {"touched": 1}),
    ]
    assert all(r["started_at"] <= r["finished_at"] for r in runs)
    assert await hits(db, job.name) == {f"{job.name}:2026-11-23": 2}


async def test_two_replicas_racing_for_one_period_apply_it_once(db: Database) -> None:
    """The fence below leadership: even two leaders at once (a split) commit one success."""
    job = counting_job(unique("race"))
    clock = FixedClock(datetime(2026, 11, 23, 10, 0, tzinfo=UTC))

    async def attempt() -> str:
        try:
            await run_job(
                db,
                TABLES.job_runs,
                job,
                as_of=clock.today(),
                trigger="schedule",
                period="2026-11-23T10:00",
                clock=clock,
                service="ordering",
            )
            return "ran"
        except JobAlreadyDone:
            return "already-done"

    outcomes = sorted(await asyncio.gather(*(attempt() for _ in range(4))))
    assert outcomes == ["already-done"] * 3 + ["ran"]
    assert await hits(db, job.name) == {f"{job.name}:2026-11-23": 1}
    runs = await recent_runs(db, TABLES.job_runs, job.name)
    assert sorted(r["outcome"] for r in runs) == ["skipped"] * 3 + ["succeeded"]


async def test_only_the_leading_replica_runs_jobs(db: Database) -> None:
    job = counting_job(unique("leader"))
    clock = FixedClock(datetime(2026, 11, 23, 10, 0, tzinfo=UTC))
    # a service name of its own: the running ordering process leads `jobs:ordering`
    service = unique("svc")
    replicas = [scheduler(db, [job], clock, service, tick_seconds=0.05) for _ in range(3)]
    stop = asyncio.Event()
    tasks = [asyncio.create_task(r.run(stop)) for r in replicas]
    try:
        for _ in range(100):
            if await hits(db, job.name):
                break
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.3)  # several ticks of every replica
        assert sum(r.leading for r in replicas) == 1
    finally:
        stop.set()
        await asyncio.gather(*tasks)
    assert await hits(db, job.name) == {f"{job.name}:2026-11-23": 1}


async def test_a_failed_run_is_recorded_and_retried_after_a_pause(db: Database) -> None:
    name = unique("flaky")
    calls: list[date] = []

    async def flaky(uow: UnitOfWork, as_of: date) -> dict[str, int]:
        calls.append(as_of)
        await hit(uow.session, name)  # rolled back with the failure
        if len(calls) == 1:
            raise RuntimeError("the bank's server is down")
        return {"done": 1}

    clock = FixedClock(datetime(2026, 11, 23, 10, 0, tzinfo=UTC))
    jobs = scheduler(db, [Job(name, flaky, HOURLY)], clock, retry_after=timedelta(minutes=5))
    assert await jobs.tick() == []
    assert await jobs.tick() == []  # not hammered: waits `retry_after`
    clock.advance(timedelta(minutes=6))
    assert await jobs.tick() == [name]

    runs = await recent_runs(db, TABLES.job_runs, name)
    assert [r["outcome"] for r in runs] == ["succeeded", "failed"]
    assert "the bank's server is down" in runs[1]["error"]
    assert await hits(db, name) == {name: 1}


async def test_leadership_is_lost_with_its_connection_and_taken_over(db: Database) -> None:
    dsn = to_plain_url(db.url)
    name = unique("lock")
    first, second = Leadership(dsn, name), Leadership(dsn, name, poll_seconds=0.05)
    stop = asyncio.Event()
    async with first.held(stop) as leading:
        assert leading and await first.confirm()
        assert first.connection is not None
        killer = await asyncpg.connect(dsn)
        try:
            # a standby is waiting; the leader's connection is cut (network, failover, an operator)
            takeover = asyncio.create_task(_lead(second, stop))
            await asyncio.sleep(0.2)
            assert not takeover.done()
            await killer.execute("SELECT pg_terminate_backend($1)", first.connection.get_server_pid())
        finally:
            await killer.close()
        assert not await first.confirm()  # the old leader knows at its next check
        assert await asyncio.wait_for(takeover, 5)


async def _lead(leadership: Leadership, stop: asyncio.Event) -> bool:
    async with leadership.held(stop) as leading:
        return leading and await leadership.confirm()


@pytest.mark.parametrize("as_of", ["2026-11-23"])
async def test_job_runs_table_allows_manual_reruns_of_a_day(db: Database, as_of: str) -> None:
    """Manual runs are not fenced by period: staff re-run a day on purpose (jobs are idempotent)."""
    job = counting_job(unique("manual"))
    clock = FixedClock(datetime(2026, 11, 23, 12, 0, tzinfo=UTC))
    for _ in range(2):
        await run_job(
            db,
            TABLES.job_runs,
            job,
            as_of=date.fromisoformat(as_of),
            trigger="manual",
            period=as_of,
            clock=clock,
            service="ordering",
        )
    async with db.unit_of_work() as uow:
        count = await uow.session.scalar(
            sa.select(sa.func.count()).select_from(TABLES.job_runs).where(TABLES.job_runs.c.job == job.name)
        )
    assert count == 2
