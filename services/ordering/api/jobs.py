"""/v1/ordering/jobs/{name}/run — staff run a scheduled job for a given day."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Request

from libs.auth import Staff
from services.ordering import schemas
from services.ordering.jobs import JOBS

router = APIRouter(prefix="/v1/ordering/jobs", tags=["ordering-jobs"])


@router.post("/{name}/run", response_model=schemas.JobResult, name="ordering-jobs-run")
async def run_job(
    name: Literal["expire-trials"], body: schemas.JobRun, request: Request, _staff: Staff
) -> Any:
    """Run a job as of a day: `expire-trials` expires unconverted trials whose period has ended."""
    affected = await JOBS[name](request.app.state.db, body.as_of)
    return schemas.JobResult(job=name, as_of=body.as_of, affected=len(affected))
