"""Webhook deliveries (R-PL-2): every platform event becomes one delivery per subscribed endpoint of
its tenant; the worker sends due deliveries signed per Standard Webhooks, in order per aggregate,
retries failures on the schedule, disables endpoints that are gone or keep failing; partners read
the log and replay.

Ordering: a delivery is not sent while an earlier event of the same aggregate (`subject`) is still
pending for that endpoint, so an order's `placed` always reaches a receiver before its `released`.
"""

from __future__ import annotations

import asyncio
import json
import socket
import time
import uuid
from datetime import datetime

import httpx
import sqlalchemy as sa
from prometheus_client import Counter, Gauge
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from libs.auth import Caller
from libs.clock import Clock
from libs.events.envelope import CloudEvent
from libs.events.notifications import WebhookEndpointDisabled
from libs.logging import get_logger
from libs.pagination import PageQuery, paginate
from libs.repository import load_or_404
from libs.webhook_verify import signature_header
from services.notifications.config import NotificationsConfig
from services.notifications.domain import retry
from services.notifications.domain.payloads import for_subscriber, tenant_of
from services.notifications.domain.targets import TargetRefused, check_address, check_url
from services.notifications.errors import DeliveryNotFound
from services.notifications.models import OUTBOX, Delivery, DeliveryAttempt, WebhookEndpoint
from services.notifications.usecases.endpoints import load_endpoint

log = get_logger(__name__)
ATTEMPTS = Counter("webhook_attempts_total", "Webhook delivery attempts", ["endpoint", "outcome"])
QUEUE_DEPTH = Gauge("webhook_queue_depth", "Deliveries waiting to be sent (pending)")
OLDEST_AGE = Gauge("webhook_oldest_undelivered_seconds", "Age of the oldest pending delivery")
EXCERPT = 500  # characters of a receiver's answer kept in the log


def webhook_id(delivery: Delivery) -> str:
    return f"msg_{delivery.id.hex}"


# --- fan-out (the consumer) --------------------------------------------------------------------


async def fan_out(session: AsyncSession, envelope: CloudEvent, now: datetime) -> int:
    """One delivery per active endpoint of the event's tenant subscribed to its type; a redelivered
    event makes none (unique per endpoint and event)."""
    raw = envelope.model_dump(mode="json", exclude_none=True)
    tenant = tenant_of(raw)
    if tenant is None:
        return 0
    endpoints = await session.scalars(
        sa.select(WebhookEndpoint.id).where(
            WebhookEndpoint.reseller_id == uuid.UUID(tenant),
            WebhookEndpoint.status == "active",
            WebhookEndpoint.deleted_at.is_(None),
            WebhookEndpoint.event_types.contains([envelope.type]),
        )
    )
    payload = for_subscriber(raw)
    made = 0
    for endpoint_id in endpoints:
        result = await session.execute(
            pg_insert(Delivery)
            .values(
                id=uuid.uuid4(),
                endpoint_id=endpoint_id,
                event_id=envelope.id,
                event_type=envelope.type,
                subject=envelope.subject,
                event_time=envelope.time,
                payload=payload,
                status="pending",
                attempts=0,
                schedule_start=0,
                next_attempt_at=now,
            )
            .on_conflict_do_nothing(index_elements=["endpoint_id", "event_id"])
        )
        made += result.rowcount or 0  # type: ignore[attr-defined]
    return made


# --- sending (the worker) ------------------------------------------------------------------------


async def _refuse_private_target(url: str, config: NotificationsConfig) -> None:
    """DNS may have changed since the endpoint was created: check the addresses again now."""
    host, port = check_url(url, allow_insecure=config.dev_mode)
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    for info in infos:
        check_address(str(info[4][0]), allow_loopback=config.dev_mode)


async def attempt(
    session: AsyncSession,
    delivery: Delivery,
    endpoint: WebhookEndpoint,
    http: httpx.AsyncClient,
    clock: Clock,
    config: NotificationsConfig,
    trigger: str,
) -> DeliveryAttempt:
    """Send the delivery once, record the attempt, and decide what comes next."""
    now = clock.now()
    timestamp = int(now.timestamp())
    body = json.dumps(delivery.payload, separators=(",", ":")).encode()
    in_force = [endpoint.secret]
    if (
        endpoint.previous_secret
        and endpoint.previous_secret_expires_at
        and endpoint.previous_secret_expires_at > now
    ):
        in_force.append(endpoint.previous_secret)
    headers = {
        "content-type": "application/json",
        "webhook-id": webhook_id(delivery),
        "webhook-timestamp": str(timestamp),
        "webhook-signature": signature_header(in_force, webhook_id(delivery), timestamp, body),
        "user-agent": "ChannelHub-Webhooks/1",
    }
    status_code: int | None = None
    excerpt = error = None
    retry_after = None
    started = time.perf_counter()
    try:
        await _refuse_private_target(endpoint.url, config)
        response = await http.post(endpoint.url, content=body, headers=headers)
        status_code = response.status_code
        excerpt = response.text[:EXCERPT]
        retry_after = retry.parse_retry_after(response.headers.get("retry-after"), now)
    except TargetRefused as exc:
        error = f"refused target: {exc}"
    except (httpx.HTTPError, OSError) as exc:
        error = f"{type(exc).__name__}: {exc}"[:EXCERPT]
    duration_ms = int((time.perf_counter() - started) * 1000)
    succeeded = status_code is not None and retry.is_success(status_code)
    delivery.attempts += 1
    record = DeliveryAttempt(
        id=uuid.uuid4(),
        delivery_id=delivery.id,
        number=delivery.attempts,
        trigger=trigger,
        started_at=now,
        duration_ms=duration_ms,
        status_code=status_code,
        response_excerpt=excerpt,
        error=error,
        succeeded=succeeded,
    )
    session.add(record)
    delivery.last_status_code = status_code
    ATTEMPTS.labels(str(endpoint.id), "succeeded" if succeeded else "failed").inc()
    if succeeded:
        delivery.status, delivery.delivered_at, delivery.next_attempt_at = "succeeded", now, None
    elif status_code is not None and retry.disables_endpoint(status_code):
        delivery.status, delivery.next_attempt_at = "failed", None
        await disable(session, endpoint, "the receiver answered 410 Gone")
    elif trigger == "schedule":
        failed = delivery.attempts - delivery.schedule_start
        following = retry.next_attempt(failed, now, config.retry_delays(), retry_after=retry_after)
        if following is None:
            delivery.status, delivery.next_attempt_at = "failed", None
            await disable(
                session, endpoint, f"a delivery failed {failed} times over its whole retry schedule"
            )
        else:
            delivery.next_attempt_at = following
    await session.flush()
    return record


async def disable(session: AsyncSession, endpoint: WebhookEndpoint, reason: str) -> None:
    if endpoint.status == "disabled":
        return
    endpoint.status, endpoint.disabled_reason = "disabled", reason
    await OUTBOX.emit(
        session,
        WebhookEndpointDisabled(
            endpoint_id=endpoint.id, reseller_id=endpoint.reseller_id, url=endpoint.url, reason=reason
        ),
        reseller_id=endpoint.reseller_id,
    )


async def send_due(
    session: AsyncSession, http: httpx.AsyncClient, clock: Clock, config: NotificationsConfig, limit: int = 20
) -> int:
    """Claim and send deliveries that are due, not held behind an earlier one of their aggregate."""
    earlier = aliased(Delivery)
    held = (
        sa.select(earlier.id)
        .where(
            earlier.endpoint_id == Delivery.endpoint_id,
            earlier.subject == Delivery.subject,
            earlier.status == "pending",
            earlier.event_time < Delivery.event_time,
        )
        .exists()
    )
    due = (
        await session.scalars(
            sa.select(Delivery)
            .where(Delivery.status == "pending", Delivery.next_attempt_at <= clock.now(), ~held)
            .order_by(Delivery.next_attempt_at)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
    ).all()
    for delivery in due:
        endpoint = await session.get(WebhookEndpoint, delivery.endpoint_id, with_for_update=True)
        assert endpoint is not None
        if endpoint.status != "active":
            delivery.status, delivery.next_attempt_at = "failed", None
            continue
        await attempt(session, delivery, endpoint, http, clock, config, "schedule")
    return len(due)


async def measure(session: AsyncSession, now: datetime) -> None:
    depth, oldest = (
        await session.execute(
            sa.select(sa.func.count(), sa.func.min(Delivery.created_at)).where(Delivery.status == "pending")
        )
    ).one()
    QUEUE_DEPTH.set(depth)
    OLDEST_AGE.set((now - oldest).total_seconds() if oldest else 0)


# --- the partner's view: log and replay ------------------------------------------------------------


async def list_deliveries(
    session: AsyncSession, caller: Caller, endpoint_id: uuid.UUID, page: PageQuery
) -> tuple[list[Delivery], str | None]:
    await load_endpoint(session, caller, endpoint_id)
    return await paginate(
        session, sa.select(Delivery).where(Delivery.endpoint_id == endpoint_id), Delivery, page
    )


async def attempts_of(
    session: AsyncSession, delivery_ids: list[uuid.UUID]
) -> dict[uuid.UUID, list[DeliveryAttempt]]:
    rows = await session.scalars(
        sa.select(DeliveryAttempt)
        .where(DeliveryAttempt.delivery_id.in_(delivery_ids))
        .order_by(DeliveryAttempt.number)
    )
    found: dict[uuid.UUID, list[DeliveryAttempt]] = {}
    for row in rows:
        found.setdefault(row.delivery_id, []).append(row)
    return found


async def replay(
    session: AsyncSession,
    caller: Caller,
    endpoint_id: uuid.UUID,
    delivery_id: uuid.UUID,
    http: httpx.AsyncClient,
    clock: Clock,
    config: NotificationsConfig,
) -> Delivery:
    """Send the same payload with the same `webhook-id` again, now (a new attempt in the log)."""
    endpoint = await load_endpoint(session, caller, endpoint_id, lock=True)
    delivery = await load_or_404(
        session,
        sa.select(Delivery).where(Delivery.id == delivery_id, Delivery.endpoint_id == endpoint.id),
        DeliveryNotFound,
        lock=True,
    )
    await attempt(session, delivery, endpoint, http, clock, config, "replay")
    return delivery


async def replay_range(
    session: AsyncSession,
    caller: Caller,
    endpoint_id: uuid.UUID,
    start: datetime,
    end: datetime,
    clock: Clock,
) -> int:
    """Queue every delivery made in [start, end) again (the worker sends them, in order)."""
    endpoint = await load_endpoint(session, caller, endpoint_id, lock=True)
    result = await session.execute(
        sa.update(Delivery)
        .where(Delivery.endpoint_id == endpoint.id, Delivery.created_at >= start, Delivery.created_at < end)
        .values(status="pending", next_attempt_at=clock.now(), schedule_start=Delivery.attempts)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
