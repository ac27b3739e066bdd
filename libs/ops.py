"""Operators' routes every service has, under `/v1/ops/{service}/` (staff only):
dead-lettered events (list, re-drive) and the outbox (re-publish a range, parked rows)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, ConfigDict

from libs.auth import Staff
from libs.consumer.failed import list_failed, redrive
from libs.errors import Unprocessable
from libs.jsonschema import examples
from libs.outbox.maintenance import list_parked, republish_range, unpark
from libs.params import IntId, IsoDateTime


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
    model_config = ConfigDict(
        json_schema_extra=examples({"since": "2026-11-27T08:00:00Z", "until": "2026-11-27T12:00:00Z"})
    )
    since: IsoDateTime
    until: IsoDateTime | None = None


class RepublishResult(BaseModel):
    republished: int


class ParkedRow(BaseModel):
    """An outbox row the relay does not send: parked after `attempts` refusals (`parked_at`
    set), or a later row of the same aggregate waiting behind one (`parked_at` null)."""

    id: int
    event_id: uuid.UUID
    event_type: str
    topic: str
    key: str
    created_at: datetime
    attempts: int
    last_error: str | None
    parked_at: datetime | None


class ParkedList(BaseModel):
    data: list[ParkedRow]


class UnparkResult(BaseModel):
    released: int


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

    @router.get("/outbox/parked", response_model=ParkedList, name=f"ops-{service}-outbox-parked-list")
    async def parked(request: Request, _staff: Staff) -> Any:
        return {"data": await list_parked(request.app.state.db, request.app.state.tables.outbox)}

    @router.post(
        "/outbox/parked/{row_id}/retry",
        response_model=UnparkResult,
        name=f"ops-{service}-outbox-parked-retry",
    )
    async def retry_parked(request: Request, row_id: IntId, _staff: Staff) -> Any:
        """Un-park the row's aggregate: the relay sends its rows again, in order (after the cause
        is fixed, e.g. the broker's size limit raised or the topic created)."""
        released = await unpark(request.app.state.db, request.app.state.tables.outbox, row_id)
        return {"released": released}

    return router
