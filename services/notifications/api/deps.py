"""Dependencies shared by notifications' routers."""

from __future__ import annotations

from typing import Annotated

import httpx
from fastapi import Depends, Request

from services.notifications.config import NotificationsConfig, notifications_config

Config = Annotated[NotificationsConfig, Depends(notifications_config)]


async def _http(request: Request) -> httpx.AsyncClient:
    """The process's client for partners' endpoints (replays are sent from the request)."""
    state = request.app.state
    client: httpx.AsyncClient | None = getattr(state, "webhook_http", None)
    if client is None:
        client = state.webhook_http = httpx.AsyncClient(
            timeout=notifications_config().delivery_timeout_seconds, follow_redirects=False
        )
    return client


WebhookHttp = Annotated[httpx.AsyncClient, Depends(_http)]
