"""Notifications' continuous work, run by the kernel in every replica (`ServiceSpec.workers`):
sending due webhook deliveries and due mails. Each claims its rows with `FOR UPDATE SKIP LOCKED`,
so replicas share the work without sending anything twice."""

from __future__ import annotations

import asyncio
import time
import uuid

import httpx

from libs.clock import Clock
from libs.db import Database, to_plain_url
from libs.internal_client import client_for
from libs.logging import get_logger
from libs.outbox.wake import OutboxWake
from libs.service import Worker
from libs.settings import get_settings
from services.notifications.config import NotificationsConfig, notifications_config
from services.notifications.usecases import deliveries, mail

log = get_logger(__name__)


async def send_webhooks(db: Database, clock: Clock, stop: asyncio.Event) -> None:
    """Claim due deliveries (a short transaction), send each in its own task outside any transaction
    — at most `max_in_flight` at once, one per endpoint — and record each outcome in its own short
    transaction. A slow receiver holds its own endpoint's slot only; the loop claims again as soon as
    a slot frees up or the poll interval passes."""
    config = notifications_config()
    limits = httpx.Limits(
        max_connections=config.max_in_flight * 2, max_keepalive_connections=config.max_in_flight
    )
    in_flight: dict[asyncio.Task[None], uuid.UUID] = {}
    measured = 0.0
    wake = OutboxWake(to_plain_url(db.url), [deliveries.DUE_CHANNEL])
    idle = deliveries.idle_poll_seconds(config)
    async with httpx.AsyncClient(
        timeout=config.delivery_timeout_seconds, follow_redirects=False, limits=limits
    ) as http:
        try:
            while not stop.is_set():
                claimed: list[deliveries.Claimed] = []
                free = config.max_in_flight - len(in_flight)
                try:
                    async with db.unit_of_work() as uow:
                        if free > 0:
                            busy = set(in_flight.values())
                            claimed = await deliveries.claim_due(uow, config, free, busy)
                        if time.monotonic() - measured > MEASURE_SECONDS:
                            await deliveries.measure(uow.session, clock.now())
                            measured = time.monotonic()
                        await uow.commit()
                except Exception:  # a database hiccup must not end the worker; the rows stay due
                    log.exception("webhook worker round failed")
                for item in claimed:
                    in_flight[asyncio.create_task(_deliver(db, item, http, clock, config))] = item.endpoint_id
                if not claimed:
                    # at rest (nothing in flight) wait for a wake-up; while attempts are out, poll
                    await wake.listen()
                    await wake.wait(
                        stop, idle if not in_flight else config.delivery_poll_seconds, set(in_flight)
                    )
                for task in [t for t in in_flight if t.done()]:
                    del in_flight[task]
        finally:
            # stop soon: attempts still in flight are cancelled; their leases run out and the
            # deliveries are sent again (the same webhook-id) by whichever replica claims them
            for task in in_flight:
                task.cancel()
            if in_flight:
                await asyncio.wait(set(in_flight), timeout=1)
            await wake.close()


MEASURE_SECONDS = 5.0


async def _deliver(
    db: Database, item: deliveries.Claimed, http: httpx.AsyncClient, clock: Clock, config: NotificationsConfig
) -> None:
    try:
        outcome = await deliveries.send(item, http, config, clock.now())
        async with db.unit_of_work() as uow:
            await deliveries.record(uow, item, outcome, config)
            await uow.commit()
    except Exception:  # the lease runs out and the delivery is sent again (same webhook-id)
        log.exception("webhook delivery failed to record", delivery_id=str(item.delivery_id))


async def send_mail(db: Database, clock: Clock, stop: asyncio.Event) -> None:
    config = notifications_config()
    settings = get_settings()
    clients = {name: client_for(settings, name) for name in ("onboarding", "billing", "licensing")}
    wake = OutboxWake(to_plain_url(db.url), [deliveries.DUE_CHANNEL])
    idle = deliveries.idle_poll_seconds(config)
    try:
        while not stop.is_set():
            sent = 0
            try:
                async with db.unit_of_work() as uow:
                    sent = await mail.send_due(uow, clients, config, clock.now())
                    await uow.commit()
            except Exception:
                log.exception("mail worker round failed")
            if not sent:
                await wake.listen()
                await wake.wait(stop, idle)
    finally:
        await wake.close()
        for client in clients.values():
            await client.aclose()


WORKERS: list[Worker] = [send_webhooks, send_mail]
