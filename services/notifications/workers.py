"""Notifications' continuous work, run by the kernel in every replica (`ServiceSpec.workers`):
sending due webhook deliveries and due mails. Each claims its rows with `FOR UPDATE SKIP LOCKED`,
so replicas share the work without sending anything twice."""

from __future__ import annotations

import asyncio

import httpx

from libs.aio import sleep_or_stop
from libs.clock import Clock
from libs.db import Database
from libs.internal_client import client_for
from libs.logging import get_logger
from libs.service import Worker
from libs.settings import get_settings
from services.notifications.config import notifications_config
from services.notifications.usecases import deliveries, mail

log = get_logger(__name__)


async def send_webhooks(db: Database, clock: Clock, stop: asyncio.Event) -> None:
    config = notifications_config()
    async with httpx.AsyncClient(timeout=config.delivery_timeout_seconds, follow_redirects=False) as http:
        while not stop.is_set():
            sent = 0
            try:
                async with db.unit_of_work() as uow:
                    sent = await deliveries.send_due(uow.session, http, clock, config)
                    await deliveries.measure(uow.session, clock.now())
                    await uow.commit()
            except Exception:  # a database hiccup must not end the worker; the rows stay due
                log.exception("webhook worker round failed")
            if not sent:
                await sleep_or_stop(stop, config.delivery_poll_seconds)


async def send_mail(db: Database, clock: Clock, stop: asyncio.Event) -> None:
    config = notifications_config()
    settings = get_settings()
    clients = {name: client_for(settings, name) for name in ("onboarding", "billing", "licensing")}
    try:
        while not stop.is_set():
            sent = 0
            try:
                async with db.unit_of_work() as uow:
                    sent = await mail.send_due(uow.session, clients, config, clock.now())
                    await uow.commit()
            except Exception:
                log.exception("mail worker round failed")
            if not sent:
                await sleep_or_stop(stop, config.delivery_poll_seconds)
    finally:
        for client in clients.values():
            await client.aclose()


WORKERS: list[Worker] = [send_webhooks, send_mail]
