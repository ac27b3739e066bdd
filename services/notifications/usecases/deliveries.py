"""Webhook deliveries (R-PL-2): every platform event becomes one delivery per subscribed endpoint of
its tenant; the worker sends due deliveries signed per Standard Webhooks, in order per aggregate,
retries failures on the schedule, disables endpoints that are gone or keep failing; partners read
the log and replay.

Ordering: a delivery is not sent while an earlier event of the same aggregate (`subject`) is still
pending for that endpoint, so an order's `placed` always reaches a receiver before its `released`.
"""

from __future__ import annotations

import asyncio
import ipaddress
import json
import socket
import ssl
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

import httpx
import sqlalchemy as sa
from prometheus_client import Counter, Gauge
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from libs.auth import Caller
from libs.db import UnitOfWork, rowcount
from libs.events.envelope import CloudEvent
from libs.events.notifications import WebhookEndpointDisabled
from libs.logging import get_logger
from libs.pagination import PageQuery, paginate
from libs.repository import load_or_404
from services.notifications.config import NotificationsConfig
from services.notifications.domain import retry
from services.notifications.domain.payloads import for_subscriber, tenant_of
from services.notifications.domain.signatures import signature_header
from services.notifications.domain.statuses import DeliveryStatus, EndpointStatus
from services.notifications.domain.targets import Pinned, TargetRefused, check_url, pin
from services.notifications.errors import DeliveryNotFound, ReplayBacklog, ReplayRangeTooLong, ReplayTooLarge
from services.notifications.models import Delivery, DeliveryAttempt, WebhookEndpoint
from services.notifications.usecases import secret_box, subscriptions
from services.notifications.usecases.endpoints import drop_expired_secret, load_endpoint

log = get_logger(__name__)
ATTEMPTS = Counter("webhook_attempts_total", "Webhook delivery attempts", ["endpoint", "outcome"])
QUEUE_DEPTH = Gauge("webhook_queue_depth", "Deliveries waiting to be sent (pending)")
OLDEST_AGE = Gauge("webhook_oldest_undelivered_seconds", "How long the oldest due delivery waits")
ENDPOINT_LAG = Gauge(
    "webhook_endpoint_lag_seconds", "How long the endpoint's oldest due delivery waits", ["endpoint"]
)
EXCERPT = 500  # characters of a receiver's answer kept in the log
LEASE_MARGIN_SECONDS = 30  # a claimed delivery whose worker died is claimable again after its deadline


def webhook_id(delivery: Delivery) -> str:
    return f"msg_{delivery.id.hex}"


# --- fan-out (the consumer) --------------------------------------------------------------------

# new deliveries or mail: the workers (every replica's) wake when the transaction that made them
# commits, so at rest they poll seldom (`idle_poll_seconds`)
DUE_CHANNEL = "channelhub_notifications_due"
DUE_NOTIFY = sa.select(sa.func.pg_notify(DUE_CHANNEL, ""))


def idle_poll_seconds(config: NotificationsConfig) -> float:
    """How long a worker with nothing to do waits when no wake-up comes: long enough not to spin,
    short enough for the shortest retry delay (and the configured poll, when it is longer)."""
    shortest = min(IDLE_POLL_SECONDS, config.timeout_backoff_seconds, *config.retry_delays())
    return max(config.delivery_poll_seconds, shortest)


IDLE_POLL_SECONDS = 5.0


async def fan_out(session: AsyncSession, envelope: CloudEvent, now: datetime) -> int:
    """One delivery per active endpoint of the event's tenant subscribed to its type; a redelivered
    event makes none (unique per endpoint and event). Most events have no subscriber: the in-memory
    index says so without a query or the envelope's serialisation."""
    if envelope.resellerid is None:
        return 0
    try:
        reseller_id = uuid.UUID(envelope.resellerid)
    except ValueError:
        return 0
    if not await subscriptions.subscribed(session, reseller_id, envelope.type):
        return 0
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
        made += rowcount(result)
    if made:
        await session.execute(DUE_NOTIFY)  # wakes the workers when this commits
    return made


# --- sending (the worker) ------------------------------------------------------------------------
#
# A round claims due deliveries in a short transaction (one per endpoint not already in flight, the
# endpoint neither disabled nor backed off), leases them (`in_flight_until`) and commits; each is then
# sent in its own task, outside any transaction, within one total deadline (DNS + connect + send +
# read) and reading at most `response_cap_bytes` of the answer; a second short transaction records
# the attempt. So a receiver that trickles or streams holds only its own endpoint's slot.


@dataclass(frozen=True)
class Claimed:
    """A leased delivery, with everything the send needs (no ORM object crosses transactions)."""

    delivery_id: uuid.UUID
    endpoint_id: uuid.UUID
    url: str
    secrets: list[str]
    webhook_id: str
    body: bytes
    trigger: str


@dataclass(frozen=True)
class Outcome:
    started_at: datetime
    duration_ms: int
    status_code: int | None = None
    excerpt: str | None = None
    error: str | None = None  # a category partners see: timeout, refused, tls, dns, target, http_status
    retry_after: str | None = None


Resolver = Callable[[str, int], Awaitable[list[str]]]


async def system_resolver(host: str, port: int) -> list[str]:
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


async def pinned_target(url: str, config: NotificationsConfig, resolve: Resolver = system_resolver) -> Pinned:
    """Resolve the URL's host once, check every address, and name the checked one (DNS rebinding)."""
    host, port = check_url(url, allow_insecure=config.dev_mode)
    try:
        ipaddress.ip_address(host)
        addresses = [host]
    except ValueError:
        try:
            addresses = await resolve(host, port)
        except socket.gaierror as exc:
            raise DnsFailure(host) from exc
    return pin(url, addresses, allow_insecure=config.dev_mode, allow_loopback=config.dev_mode)


class DnsFailure(Exception):
    pass


def _category(exc: BaseException) -> str:
    """What partners see of a failed attempt: a category, never a socket message (no port scanner)."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLError):
            return "tls"
        seen = seen.__cause__ or seen.__context__
    if isinstance(exc, httpx.TimeoutException | TimeoutError):
        return "timeout"
    if "ssl" in str(exc).lower() or "certificate" in str(exc).lower():
        return "tls"
    return "refused"


async def send(
    claimed: Claimed,
    http: httpx.AsyncClient,
    config: NotificationsConfig,
    now: datetime,
    resolve: Resolver = system_resolver,
) -> Outcome:
    """One attempt, bounded in time and in what is read; never raises."""
    timestamp = int(now.timestamp())
    headers = {
        "content-type": "application/json",
        "webhook-id": claimed.webhook_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": signature_header(claimed.secrets, claimed.webhook_id, timestamp, claimed.body),
        "user-agent": "ChannelHub-Webhooks/1",
    }
    started = time.perf_counter()
    status_code: int | None = None
    excerpt = error = retry_after = None
    try:
        async with asyncio.timeout(config.delivery_timeout_seconds):
            target = await pinned_target(claimed.url, config, resolve)
            request = http.build_request(
                "POST",
                target.url,
                content=claimed.body,
                headers={**headers, "host": target.host_header},
                extensions={"sni_hostname": target.host},
            )
            response = await http.send(request, stream=True)
            try:
                status_code = response.status_code
                retry_after = response.headers.get("retry-after")
                read = bytearray()
                async for chunk in response.aiter_raw():
                    read += chunk
                    if len(read) >= config.response_cap_bytes:
                        break  # enough: close the connection, whatever the receiver still sends
                excerpt = bytes(read[: config.response_cap_bytes]).decode("utf-8", "replace")[:EXCERPT]
            finally:
                await response.aclose()
    except TargetRefused:
        error = "target"
    except DnsFailure:
        error = "dns"
    except TimeoutError:
        error = "timeout"  # the total deadline (status and part of the answer may be known)
    except (httpx.HTTPError, OSError) as exc:
        error = _category(exc)
    if error is None and status_code is not None and not retry.is_success(status_code):
        error = "http_status"
    duration_ms = int((time.perf_counter() - started) * 1000)
    return Outcome(now, duration_ms, status_code, excerpt, error, retry_after)


async def claim_due(
    uow: UnitOfWork, config: NotificationsConfig, limit: int, busy: set[uuid.UUID]
) -> list[Claimed]:
    """Lease up to `limit` due deliveries, at most one per endpoint, none of an endpoint in flight
    (here: `busy`; in another replica: a live lease) or backed off."""
    session = uow.session
    now = uow.clock.now()
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
    leased = aliased(Delivery)
    in_flight = (
        sa.select(leased.id)
        .where(
            leased.endpoint_id == Delivery.endpoint_id,
            leased.status == "pending",
            leased.in_flight_until > now,
        )
        .exists()
    )
    stmt = (
        sa.select(Delivery)
        .join(WebhookEndpoint, WebhookEndpoint.id == Delivery.endpoint_id)
        .where(
            Delivery.status == "pending",
            Delivery.next_attempt_at <= now,
            ~held,
            ~in_flight,
            sa.or_(WebhookEndpoint.paused_until.is_(None), WebhookEndpoint.paused_until <= now),
        )
        .order_by(Delivery.next_attempt_at)
        .limit(limit * 4)
        .with_for_update(of=Delivery, skip_locked=True)
    )
    if busy:
        stmt = stmt.where(Delivery.endpoint_id.not_in(busy))
    claimed: list[Claimed] = []
    taken: set[uuid.UUID] = set()
    lease = now + timedelta(seconds=config.delivery_timeout_seconds + LEASE_MARGIN_SECONDS)
    for delivery in (await session.scalars(stmt)).all():
        if len(claimed) >= limit:
            break
        if delivery.endpoint_id in taken:
            continue
        endpoint = await session.get(WebhookEndpoint, delivery.endpoint_id)
        assert endpoint is not None
        if endpoint.status != "active" or endpoint.deleted_at is not None:
            delivery.status, delivery.next_attempt_at = DeliveryStatus.FAILED, None
            continue
        taken.add(delivery.endpoint_id)
        drop_expired_secret(endpoint, now)
        delivery.in_flight_until = lease
        claimed.append(
            Claimed(
                delivery_id=delivery.id,
                endpoint_id=endpoint.id,
                url=endpoint.url,
                secrets=signing_secrets(endpoint, now),
                webhook_id=webhook_id(delivery),
                body=json.dumps(delivery.payload, separators=(",", ":")).encode(),
                trigger=delivery.next_trigger,
            )
        )
    await session.flush()
    return claimed


def signing_secrets(endpoint: WebhookEndpoint, now: datetime) -> list[str]:
    """The secret, and the previous one while the rotation overlap lasts."""
    in_force = [secret_box.open_secret(endpoint.secret)]
    if (
        endpoint.previous_secret
        and endpoint.previous_secret_expires_at
        and endpoint.previous_secret_expires_at > now
    ):
        in_force.append(secret_box.open_secret(endpoint.previous_secret))
    return in_force


async def record(
    uow: UnitOfWork, claimed: Claimed, outcome: Outcome, config: NotificationsConfig
) -> DeliveryAttempt | None:
    """Record the attempt and decide what comes next (retry, give up, back the endpoint off)."""
    session = uow.session
    delivery = await session.get(Delivery, claimed.delivery_id, with_for_update=True)
    endpoint = await session.get(WebhookEndpoint, claimed.endpoint_id, with_for_update=True)
    if delivery is None or endpoint is None:
        return None
    now = uow.clock.now()
    delivery.in_flight_until = None
    delivery.next_trigger = "schedule"
    status_code = outcome.status_code if outcome.error in (None, "http_status") else None
    succeeded = status_code is not None and retry.is_success(status_code)
    delivery.attempts += 1
    attempt_row = DeliveryAttempt(
        id=uuid.uuid4(),
        delivery_id=delivery.id,
        number=delivery.attempts,
        trigger=claimed.trigger,
        started_at=outcome.started_at,
        duration_ms=outcome.duration_ms,
        status_code=status_code,
        response_excerpt=outcome.excerpt if status_code is not None else None,
        error=outcome.error,
        succeeded=succeeded,
    )
    session.add(attempt_row)
    delivery.last_status_code = status_code
    ATTEMPTS.labels(str(endpoint.id), "succeeded" if succeeded else (outcome.error or "failed")).inc()
    if outcome.error == "timeout":  # keeps timing out: this endpoint alone waits longer and longer
        endpoint.consecutive_timeouts += 1
        pause = min(
            config.timeout_backoff_seconds * 2 ** (endpoint.consecutive_timeouts - 1),
            config.timeout_backoff_max_seconds,
        )
        endpoint.paused_until = now + timedelta(seconds=pause)
    elif outcome.status_code is not None:
        endpoint.consecutive_timeouts, endpoint.paused_until = 0, None
    if delivery.status != "pending":
        pass  # changed meanwhile (the endpoint was deleted): only the attempt is recorded
    elif succeeded:
        delivery.status, delivery.delivered_at, delivery.next_attempt_at = DeliveryStatus.SUCCEEDED, now, None
    elif status_code is not None and retry.disables_endpoint(status_code):
        delivery.status, delivery.next_attempt_at = DeliveryStatus.FAILED, None
        await disable(uow, endpoint, "the receiver answered 410 Gone")
    else:
        failed = delivery.attempts - delivery.schedule_start
        retry_after = retry.parse_retry_after(outcome.retry_after, now)
        following = retry.next_attempt(failed, now, config.retry_delays(), retry_after=retry_after)
        if following is None:
            delivery.status, delivery.next_attempt_at = DeliveryStatus.FAILED, None
            await disable(uow, endpoint, f"a delivery failed {failed} times over its whole retry schedule")
        else:
            delivery.next_attempt_at = following
    await session.flush()
    return attempt_row


async def disable(uow: UnitOfWork, endpoint: WebhookEndpoint, reason: str) -> None:
    if endpoint.status == "disabled":
        return
    endpoint.status, endpoint.disabled_reason = EndpointStatus.DISABLED, reason
    await uow.emit(
        WebhookEndpointDisabled(
            endpoint_id=endpoint.id, reseller_id=endpoint.reseller_id, url=endpoint.url, reason=reason
        ),
        reseller_id=endpoint.reseller_id,
    )


async def measure(session: AsyncSession, now: datetime) -> None:
    """Queue depth and age, overall and per endpoint (its lag: how long its oldest due delivery waits)."""
    rows = (
        await session.execute(
            sa.select(Delivery.endpoint_id, sa.func.count(), sa.func.min(Delivery.next_attempt_at))
            .where(Delivery.status == "pending")
            .group_by(Delivery.endpoint_id)
        )
    ).all()
    QUEUE_DEPTH.set(sum(r[1] for r in rows))
    oldest = min((r[2] for r in rows if r[2] is not None), default=None)
    OLDEST_AGE.set(max((now - oldest).total_seconds(), 0) if oldest else 0)
    ENDPOINT_LAG.clear()
    for endpoint_id, _count, due in rows:
        ENDPOINT_LAG.labels(str(endpoint_id)).set(max((now - due).total_seconds(), 0) if due else 0)


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


async def replay(uow: UnitOfWork, caller: Caller, endpoint_id: uuid.UUID, delivery_id: uuid.UUID) -> Delivery:
    """Queue this delivery again — the same payload and `webhook-id` — for the worker (never sent
    inside the request): a new attempt, recorded as a replay, on a fresh retry schedule."""
    session = uow.session
    endpoint = await load_endpoint(session, caller, endpoint_id, lock=True)
    delivery = await load_or_404(
        session,
        sa.select(Delivery).where(Delivery.id == delivery_id, Delivery.endpoint_id == endpoint.id),
        DeliveryNotFound,
        lock=True,
    )
    if delivery.in_flight_until is None or delivery.status != "pending":
        delivery.status, delivery.next_attempt_at = DeliveryStatus.PENDING, uow.clock.now()
        delivery.schedule_start, delivery.next_trigger = delivery.attempts, "replay"
    await session.flush()
    return delivery


async def replay_range(
    uow: UnitOfWork,
    caller: Caller,
    endpoint_id: uuid.UUID,
    start: datetime,
    end: datetime,
    config: NotificationsConfig,
) -> int:
    """Queue every delivery made in [start, end) again (the worker sends them, in order), within
    the limits: a range of at most `replay_max_days`, at most `replay_max_deliveries` deliveries,
    and not while the endpoint still has `replay_max_pending` deliveries waiting (429)."""
    session = uow.session
    endpoint = await load_endpoint(session, caller, endpoint_id, lock=True)  # another's: 404 first
    if end - start > timedelta(days=config.replay_max_days):
        raise ReplayRangeTooLong(f"replay at most {config.replay_max_days} days at a time")
    in_range = (
        Delivery.endpoint_id == endpoint.id,
        Delivery.created_at >= start,
        Delivery.created_at < end,
    )
    count = await session.scalar(sa.select(sa.func.count()).where(*in_range))
    if (count or 0) > config.replay_max_deliveries:
        raise ReplayTooLarge(
            f"{count} deliveries in the range; replay at most {config.replay_max_deliveries} at a time"
        )
    waiting = await session.scalar(
        sa.select(sa.func.count()).where(Delivery.endpoint_id == endpoint.id, Delivery.status == "pending")
    )
    if (waiting or 0) >= config.replay_max_pending:
        raise ReplayBacklog(
            f"{waiting} deliveries of this endpoint are still waiting; replay again when they are sent",
            headers={"Retry-After": "60"},
        )
    result = await session.execute(
        sa.update(Delivery)
        .where(*in_range, Delivery.in_flight_until.is_(None) | (Delivery.status != "pending"))
        .values(
            status="pending",
            next_attempt_at=uow.clock.now(),
            schedule_start=Delivery.attempts,
            next_trigger="replay",
        )
    )
    return rowcount(result)
