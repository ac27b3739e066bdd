"""Webhook endpoints of a reseller (R-PL-2): create with a secret shown once, read, change, delete,
rotate the secret with an overlap during which deliveries carry both signatures."""

from __future__ import annotations

import asyncio
import base64
import secrets
import socket
import uuid
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from libs.auth import Caller
from libs.db import UnitOfWork
from libs.events import CONTRACT_EVENT_TYPES, EVENT_TYPES
from libs.pagination import PageQuery, paginate
from libs.repository import load_or_404
from libs.tenancy import visible
from services.notifications.config import NotificationsConfig
from services.notifications.domain.statuses import EndpointStatus
from services.notifications.domain.targets import TargetRefused, check_address, check_url
from services.notifications.errors import EndpointLimit, EndpointNotFound, UnknownEventType, UrlNotAllowed
from services.notifications.models import WebhookEndpoint
from services.notifications.schemas import EndpointCreate, EndpointPatch
from services.notifications.usecases import secret_box, subscriptions


def catalog() -> list[dict[str, str]]:
    """Every event type a partner can subscribe to, from the event contracts (`libs/events`)."""
    return [
        {"type": t, "description": " ".join((EVENT_TYPES[t].__doc__ or t).split())}
        for t in sorted(CONTRACT_EVENT_TYPES)
    ]


def _check_types(event_types: list[str]) -> list[str]:
    unknown = sorted(set(event_types) - CONTRACT_EVENT_TYPES)
    if unknown:
        raise UnknownEventType(f"not in the catalog: {', '.join(unknown)}")
    return sorted(set(event_types))


async def resolve_public(url: str, config: NotificationsConfig) -> None:
    """Refuse URLs that are not https or that reach a non-public address (checked again before
    every delivery: DNS may change after the endpoint was created)."""
    try:
        host, port = check_url(url, allow_insecure=config.dev_mode)
        infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
        if not infos:
            raise TargetRefused(f"{host} does not resolve")
        for info in infos:
            check_address(str(info[4][0]), allow_loopback=config.dev_mode)
    except socket.gaierror as exc:
        raise UrlNotAllowed(f"the host does not resolve: {exc.strerror}") from None
    except TargetRefused as exc:
        raise UrlNotAllowed(str(exc)) from None


def new_secret() -> str:
    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()


def _live(caller: Caller) -> sa.Select[tuple[WebhookEndpoint]]:
    """The caller's endpoints that are not deleted."""
    return visible(WebhookEndpoint, caller).where(WebhookEndpoint.deleted_at.is_(None))


async def load_endpoint(
    session: AsyncSession, caller: Caller, endpoint_id: uuid.UUID, *, lock: bool = False
) -> WebhookEndpoint:
    stmt = _live(caller).where(WebhookEndpoint.id == endpoint_id)
    return await load_or_404(session, stmt, EndpointNotFound, lock=lock)


async def create(
    session: AsyncSession, caller: Caller, body: EndpointCreate, config: NotificationsConfig
) -> tuple[WebhookEndpoint, str]:
    """The endpoint and its secret (shown once; stored encrypted). At most
    `max_endpoints_per_reseller` live endpoints per reseller (422 `webhook-endpoint-limit`)."""
    assert caller.reseller_id is not None
    event_types = _check_types(body.event_types)
    # one reseller's creates are serialised on its existing endpoints' rows, so the count holds
    live = await session.scalars(
        sa.select(WebhookEndpoint.id)
        .where(WebhookEndpoint.reseller_id == caller.reseller_id, WebhookEndpoint.deleted_at.is_(None))
        .with_for_update()
    )
    if len(live.all()) >= config.max_endpoints_per_reseller:
        raise EndpointLimit(f"a reseller has at most {config.max_endpoints_per_reseller} webhook endpoints")
    await resolve_public(body.url, config)
    secret = new_secret()
    endpoint = WebhookEndpoint(
        id=uuid.uuid4(),
        reseller_id=caller.reseller_id,
        url=body.url,
        description=body.description,
        event_types=event_types,
        secret=secret_box.seal(secret),
        status="active",
    )
    session.add(endpoint)
    await session.flush()
    await session.refresh(endpoint)
    await subscriptions.announce(session)
    return endpoint, secret


async def list_endpoints(
    session: AsyncSession, caller: Caller, page: PageQuery
) -> tuple[list[WebhookEndpoint], str | None]:
    return await paginate(session, _live(caller), WebhookEndpoint, page)


async def patch(
    session: AsyncSession,
    caller: Caller,
    endpoint_id: uuid.UUID,
    body: EndpointPatch,
    config: NotificationsConfig,
) -> WebhookEndpoint:
    endpoint = await load_endpoint(session, caller, endpoint_id, lock=True)
    values: dict[str, Any] = {name: getattr(body, name) for name in body.model_fields_set}
    if values.get("url") is not None:
        await resolve_public(values["url"], config)
        endpoint.url = values["url"]
    if values.get("event_types") is not None:
        endpoint.event_types = _check_types(values["event_types"])
    if "description" in values:
        endpoint.description = values["description"]
    if values.get("status") is not None and values["status"] != endpoint.status:
        endpoint.status = values["status"]
        endpoint.disabled_reason = None if values["status"] == "active" else "disabled by the partner"
    if values.get("url") is not None or values.get("status") == "active":  # a fresh start: no backoff
        endpoint.consecutive_timeouts, endpoint.paused_until = 0, None
    await session.flush()
    if "event_types" in values or "status" in values:
        await subscriptions.announce(session)
    return endpoint


async def delete(uow: UnitOfWork, caller: Caller, endpoint_id: uuid.UUID) -> None:
    """Kept for its delivery log, gone for the partner; nothing more is sent to it."""
    session = uow.session
    endpoint = await load_endpoint(session, caller, endpoint_id, lock=True)
    endpoint.deleted_at = uow.clock.now()
    endpoint.status = EndpointStatus.DISABLED
    endpoint.disabled_reason = "deleted"
    await session.flush()
    await subscriptions.announce(session)


async def rotate(
    uow: UnitOfWork, caller: Caller, endpoint_id: uuid.UUID, overlap_hours: int
) -> tuple[WebhookEndpoint, str]:
    """A new secret (returned to be shown once, stored encrypted); the old one keeps signing too
    until the overlap ends, so the partner can switch its verifier without missing a delivery. After
    the overlap the old one is dropped (`drop_expired_secret`)."""
    session = uow.session
    endpoint = await load_endpoint(session, caller, endpoint_id, lock=True)
    secret = new_secret()
    endpoint.previous_secret = secret_box.seal(secret_box.open_secret(endpoint.secret))
    endpoint.previous_secret_expires_at = uow.clock.now() + timedelta(hours=overlap_hours)
    endpoint.secret = secret_box.seal(secret)
    await session.flush()
    return endpoint, secret


def drop_expired_secret(endpoint: WebhookEndpoint, now: datetime) -> None:
    """The previous secret is kept only while the rotation overlap lasts."""
    expires = endpoint.previous_secret_expires_at
    if endpoint.previous_secret is not None and (expires is None or expires <= now):
        endpoint.previous_secret = None
