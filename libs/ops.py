"""Operators' routes every service has, under `/v1/ops/{service}/` (staff only):
dead-lettered events (list, re-drive) and the outbox (re-publish a range)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, Query, Request
from pydantic import AwareDatetime, BaseModel

from libs.auth import Staff
from libs.consumer.failed import list_failed, redrive
from libs.errors import Unprocessable
from libs.outbox.maintenance import republish_range
from libs.params import IntId


class FailedEvent(BaseModel):
    id: int
    consumer: str
    event_id: str | None
    event_type: str | None
    topic: str
    partition: int
    offset: int
    error: str
    attempts: int
    status: str
    failed_at: datetime
    redriven_at: datetime | None


class FailedEventList(BaseModel):
    data: list[FailedEvent]


class RedriveResult(BaseModel):
    id: int
    status: str
    applied: bool


class RepublishRequest(BaseModel):
    since: AwareDatetime
    until: AwareDatetime | None = None


class RepublishResult(BaseModel):
    republished: int


def ops_router(service: str) -> APIRouter:
    router = APIRouter(prefix=f"/v1/ops/{service}", tags=["operations"])

    @router.get("/failed-events", response_model=FailedEventList, name=f"ops-{service}-failed-events-list")
    async def failed_events(
        request: Request, _staff: Staff, status: str | None = Query(None, pattern="^(failed|redriven)$")
    ) -> Any:
        return {"data": await list_failed(request.app.state.consumer, status=status)}

    @router.post(
        "/failed-events/{failed_id}/redrive",
        response_model=RedriveResult,
        name=f"ops-{service}-failed-events-redrive",
    )
    async def redrive_failed(request: Request, failed_id: IntId, _staff: Staff) -> Any:
        return await redrive(request.app.state.consumer, failed_id)

    @router.post("/outbox/republish", response_model=RepublishResult, name=f"ops-{service}-outbox-republish")
    async def republish(request: Request, body: RepublishRequest, _staff: Staff) -> Any:
        if body.until is not None and body.until <= body.since:
            raise Unprocessable("until must be after since")
        app = request.app
        count = await republish_range(
            app.state.db, app.state.tables.outbox, since=body.since, until=body.until
        )
        return {"republished": count}

    return router
