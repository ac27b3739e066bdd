"""/v1/webhook-event-types and /v1/webhook-endpoints — partners subscribe to platform events and
receive them signed (Standard Webhooks); they read the delivery log and replay (R-PL-2)."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Response

from libs.auth import CurrentReseller, StaffOrReseller
from libs.errors import problem_responses
from libs.pagination import Page, PageParams
from libs.service import UoW, idempotent
from services.notifications import errors, schemas
from services.notifications.api.deps import Config
from services.notifications.usecases import deliveries, endpoints
from services.notifications.usecases.views import render_delivery, render_endpoint

router = APIRouter(tags=["webhooks"])


@router.get("/v1/webhook-event-types", response_model=schemas.EventTypeCatalog, name="webhook-event-types")
async def event_types() -> Any:
    """Every CloudEvents `type` the platform publishes, from its event contracts."""
    return {"data": endpoints.catalog()}


@router.post(
    "/v1/webhook-endpoints",
    status_code=201,
    response_model=schemas.Endpoint,
    name="webhook-endpoints-create",
    responses=problem_responses(errors.UnknownEventType, errors.UrlNotAllowed, errors.EndpointLimit),
)
@idempotent
async def create_endpoint(
    body: schemas.EndpointCreate, uow: UoW, caller: CurrentReseller, config: Config
) -> Any:
    """Subscribe an https URL to event types; the answer shows the signing secret once."""

    endpoint, secret = await endpoints.create(uow.session, caller, body, config)
    return render_endpoint(endpoint, secret=secret)


@router.get("/v1/webhook-endpoints", response_model=Page[schemas.Endpoint], name="webhook-endpoints-list")
async def list_endpoints(uow: UoW, caller: StaffOrReseller, page: PageParams) -> Any:
    rows, cursor = await endpoints.list_endpoints(uow.session, caller, page)
    return Page(data=[render_endpoint(e) for e in rows], next_cursor=cursor)


@router.get(
    "/v1/webhook-endpoints/{endpoint_id}",
    response_model=schemas.Endpoint,
    name="webhook-endpoints-get",
    responses=problem_responses(errors.EndpointNotFound),
)
async def get_endpoint(endpoint_id: uuid.UUID, uow: UoW, caller: StaffOrReseller) -> Any:
    return render_endpoint(await endpoints.load_endpoint(uow.session, caller, endpoint_id))


@router.patch(
    "/v1/webhook-endpoints/{endpoint_id}",
    response_model=schemas.Endpoint,
    name="webhook-endpoints-update",
    responses=problem_responses(errors.EndpointNotFound, errors.UnknownEventType, errors.UrlNotAllowed),
)
async def patch_endpoint(
    endpoint_id: uuid.UUID, body: schemas.EndpointPatch, uow: UoW, caller: StaffOrReseller, config: Config
) -> Any:
    """Change the URL, the event types or the description; `{"status": "active"}` re-enables an
    endpoint that was disabled."""
    endpoint = await endpoints.patch(uow.session, caller, endpoint_id, body, config)
    return render_endpoint(endpoint)


@router.delete(
    "/v1/webhook-endpoints/{endpoint_id}",
    status_code=204,
    name="webhook-endpoints-delete",
    responses=problem_responses(errors.EndpointNotFound),
)
async def delete_endpoint(endpoint_id: uuid.UUID, uow: UoW, caller: StaffOrReseller) -> Response:
    await endpoints.delete(uow, caller, endpoint_id)
    return Response(status_code=204)


@router.post(
    "/v1/webhook-endpoints/{endpoint_id}/rotate-secret",
    response_model=schemas.Endpoint,
    name="webhook-endpoints-rotate-secret",
    responses=problem_responses(errors.EndpointNotFound),
)
@idempotent
async def rotate_secret(
    endpoint_id: uuid.UUID,
    uow: UoW,
    caller: StaffOrReseller,
    config: Config,
) -> Any:
    """A new secret, shown once; the old one keeps signing too until `previous_secret_expires_at`."""

    endpoint, secret = await endpoints.rotate(uow, caller, endpoint_id, config.rotation_overlap_hours)
    return render_endpoint(endpoint, secret=secret)


@router.get(
    "/v1/webhook-endpoints/{endpoint_id}/deliveries",
    response_model=Page[schemas.Delivery],
    name="webhook-deliveries-list",
    responses=problem_responses(errors.EndpointNotFound),
)
async def list_deliveries(endpoint_id: uuid.UUID, uow: UoW, caller: StaffOrReseller, page: PageParams) -> Any:
    """The delivery log, newest first: every attempt with its status, duration and answer."""
    rows, cursor = await deliveries.list_deliveries(uow.session, caller, endpoint_id, page)
    attempts = await deliveries.attempts_of(uow.session, [d.id for d in rows])
    return Page(data=[render_delivery(d, attempts.get(d.id, [])) for d in rows], next_cursor=cursor)


@router.post(
    "/v1/webhook-endpoints/{endpoint_id}/deliveries/replay",
    response_model=schemas.ReplayedRange,
    name="webhook-deliveries-replay-range",
    responses=problem_responses(
        errors.EndpointNotFound, errors.ReplayRangeTooLong, errors.ReplayTooLarge, errors.ReplayBacklog
    ),
)
async def replay_range(
    endpoint_id: uuid.UUID,
    body: schemas.ReplayRange,
    uow: UoW,
    caller: StaffOrReseller,
    config: Config,
) -> Any:
    """Queue every delivery made in [from, to) again, in order, on a fresh retry schedule (the worker
    sends them). Bounded: at most `CHANNELHUB_WEBHOOK_REPLAY_MAX_DAYS` days (422
    `replay-range-too-long`) and `CHANNELHUB_WEBHOOK_REPLAY_MAX_DELIVERIES` deliveries (422
    `replay-too-large`); 429 `replay-backlog` while the endpoint still has many waiting."""
    count = await deliveries.replay_range(uow, caller, endpoint_id, body.from_, body.to, config)
    return {"replayed": count}


@router.post(
    "/v1/webhook-endpoints/{endpoint_id}/deliveries/{delivery_id}/replay",
    response_model=schemas.Delivery,
    name="webhook-deliveries-replay",
    responses=problem_responses(errors.EndpointNotFound, errors.DeliveryNotFound),
)
async def replay(endpoint_id: uuid.UUID, delivery_id: uuid.UUID, uow: UoW, caller: StaffOrReseller) -> Any:
    """Queue this delivery again — the same payload and `webhook-id` — for the worker: it is never
    sent inside this request; its next attempt (a `replay` in the log) follows within moments."""
    delivery = await deliveries.replay(uow, caller, endpoint_id, delivery_id)
    attempts = await deliveries.attempts_of(uow.session, [delivery.id])
    return render_delivery(delivery, attempts.get(delivery.id, []))
