"""Staff routes of a service's jobs: `/v1/{service}/jobs/{name}/run` and `/v1/{service}/jobs/{name}/runs`."""

# no `from __future__ import annotations`: FastAPI must see the Literal of job names built at run time

from datetime import date, datetime
from typing import Any, Literal

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, ConfigDict, Field

from libs.auth import Staff
from libs.jobs import Job, recent_runs, run_job
from libs.jsonschema import examples
from libs.params import IsoDate


class JobRunRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra=examples({"as_of": "2026-11-30"}))
    # a business day: jobs do month arithmetic on it, which the far ends of the calendar break
    as_of: IsoDate = Field(ge=date(1970, 1, 1), le=date(2999, 12, 31))


class JobRunOut(BaseModel):
    id: int
    job: str
    trigger: Literal["schedule", "manual"]
    period: str
    as_of: date
    started_at: datetime
    finished_at: datetime | None
    outcome: Literal["running", "succeeded", "failed", "skipped"]
    counts: dict[str, int] | None
    error: str | None
    # the sum of `counts`: how many objects the run changed
    affected: int


class JobRunList(BaseModel):
    data: list[JobRunOut]


def _out(row: dict[str, Any]) -> JobRunOut:
    return JobRunOut(**row, affected=sum((row.get("counts") or {}).values()))


def jobs_router(service: str, jobs: list[Job]) -> APIRouter:
    router = APIRouter(prefix=f"/v1/{service}/jobs", tags=[f"{service}-jobs"])
    by_name = {job.name: job for job in jobs}
    # the path's `name` is a Literal of the job names, built at run time (so typed `str` for the
    # checker and annotated for FastAPI below): an unknown job is a 422 naming the allowed ones
    job_name: Any = Literal.__getitem__(tuple(by_name))
    listing = "; ".join(f"`{j.name}` ({j.schedule.describe()}): {j.description}" for j in jobs)

    async def run(name: str, body: JobRunRequest, request: Request, _staff: Staff) -> Any:
        """Run a job now for the day `as_of` (recorded as a manual run). Jobs are idempotent for a day."""
        row = await run_job(
            request.app.state.db,
            request.app.state.tables.job_runs,
            by_name[name],
            as_of=body.as_of,
            trigger="manual",
            period=body.as_of.isoformat(),
            clock=request.app.state.clock,
            service=service,
        )
        return _out(row)

    async def runs(
        name: str,
        request: Request,
        _staff: Staff,
        limit: int = Query(50, ge=1, le=200),
    ) -> Any:
        """The most recent runs of a job, newest first: scheduled and manual, with outcome and counts."""
        rows = await recent_runs(request.app.state.db, request.app.state.tables.job_runs, name, limit=limit)
        return {"data": [_out(r) for r in rows]}

    run.__doc__ = f"{run.__doc__} Jobs: {listing}"
    for endpoint in (run, runs):
        endpoint.__annotations__["name"] = job_name
    router.post("/{name}/run", response_model=JobRunOut, name=f"{service}-jobs-run")(run)
    router.get("/{name}/runs", response_model=JobRunList, name=f"{service}-jobs-runs")(runs)
    return router
