"""Calling another service's `/internal/...` endpoints, as this service.

One pooled client per target service and process. Each call carries a service token
(`libs.auth.sign_service_token`: `sub` = this service, `aud` = the target) and the request's
correlation id; the answer is parsed into the caller's pydantic model. A target that is down,
slow or answering nonsense becomes a 503 `service-unavailable` problem for the partner — never a
500, never a silent refusal. 404 means "the owner has no such thing" and is returned as None.

Routes get a client with `Depends(internal_client("onboarding"))`; the service-specific use
(what to fetch, what to do with it) stays in the calling service's use cases.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

import httpx
from fastapi import Request
from prometheus_client import Counter
from pydantic import BaseModel, ValidationError

from libs.auth import INTERNAL_TOKEN_HEADER, sign_service_token
from libs.errors import ServiceUnavailable
from libs.http import CORRELATION_ID_HEADER
from libs.logging import correlation_id_var, get_logger
from libs.settings import Settings

M = TypeVar("M", bound=BaseModel)
log = get_logger(__name__)
# how often services fall back on each other (e.g. a read model lagging a partner's write)
INTERNAL_CALLS = Counter("internal_calls_total", "Service-to-service calls", ["target", "outcome"])

TOKEN_TTL_SECONDS = 60
TOKEN_RENEW_BEFORE_SECONDS = 15  # a token is reused until this close to its expiry

# uvicorn closes a keep-alive connection after 5 s idle; httpx's default keep-alive expiry is also
# 5 s, so a request sent on a connection at that moment met "server disconnected without sending
# a response" — a 503 for the partner under load. Pooled connections expire well before the server's.
KEEPALIVE_EXPIRY_SECONDS = 2.0
# a reused connection dropped before any answer: the service never handled the request
_DROPPED = (httpx.RemoteProtocolError, httpx.ConnectError, httpx.ReadError, httpx.WriteError)


def service_http_client(
    base_url: str, *, timeout: float, max_connections: int = 50, max_keepalive: int = 20
) -> httpx.AsyncClient:
    """An httpx client for calls between this platform's processes (the gateway's too)."""
    return httpx.AsyncClient(
        base_url=base_url,
        timeout=httpx.Timeout(timeout, connect=min(timeout, 2.0)),
        limits=httpx.Limits(
            max_connections=max_connections,
            max_keepalive_connections=max_keepalive,
            keepalive_expiry=KEEPALIVE_EXPIRY_SECONDS,
        ),
    )


async def send_retrying_a_dropped_connection(
    client: httpx.AsyncClient,
    method: str,
    url: str,
    *,
    headers: dict[str, str],
    json: object | None = None,
) -> httpx.Response:
    """`client.request`, sent once more when the connection broke before an answer — only for
    calls that read (GET, key resolution, minting a token), which are safe to repeat."""
    try:
        return await client.request(method, url, headers=headers, json=json)
    except _DROPPED:
        return await client.request(method, url, headers=headers, json=json)


class InternalClient:
    def __init__(
        self, *, service: str, target: str, base_url: str | None, private_key: str, timeout: float
    ) -> None:
        self.service = service
        self.target = target
        self._private_key = private_key
        # not configured (no URL, key or own name): every call is a 503, but only when one is made —
        # most requests never need the owner, and they keep working
        self.configured = bool(base_url and private_key and service)
        self._http = service_http_client(base_url or "http://unconfigured.invalid", timeout=timeout)
        self._token = ""
        self._token_renew_at = 0.0

    def _service_token(self) -> str:
        # signing is cheap but not free: one token per minute per target, not one per call
        now = time.monotonic()
        if now >= self._token_renew_at:
            self._token = sign_service_token(
                self.service, self._private_key, audience=self.target, ttl_seconds=TOKEN_TTL_SECONDS
            )
            self._token_renew_at = now + TOKEN_TTL_SECONDS - TOKEN_RENEW_BEFORE_SECONDS
        return self._token

    async def get(self, path: str, model: type[M]) -> M | None:
        """GET `path` from the target as `model`; None when the target answers 404."""
        content = await self.get_bytes(path)
        if content is None:
            return None
        try:
            return model.model_validate_json(content)
        except ValidationError as exc:
            log.warning("internal_call_unparsable", target=self.target, path=path, error=str(exc))
            raise ServiceUnavailable(f"{self.target} gave an answer that cannot be used") from exc

    async def post(self, path: str, model: type[M]) -> M | None:
        """POST (no body) to `path` — an action of the target's, e.g. minting a one-time token —
        answered as `model`; None when the target answers 404."""
        content = await self.get_bytes(path, method="POST")
        if content is None:
            return None
        try:
            return model.model_validate_json(content)
        except ValidationError as exc:
            log.warning("internal_call_unparsable", target=self.target, path=path, error=str(exc))
            raise ServiceUnavailable(f"{self.target} gave an answer that cannot be used") from exc

    async def get_bytes(self, path: str, *, method: str = "GET") -> bytes | None:
        """GET `path` from the target as it answers (a PDF, a file); None when it answers 404."""
        if not self.configured:
            INTERNAL_CALLS.labels(self.target, "not_configured").inc()
            log.error("internal_call_not_configured", target=self.target, path=path)
            raise ServiceUnavailable(f"{self.target} is not configured for internal calls")
        headers = {INTERNAL_TOKEN_HEADER: self._service_token()}
        if correlation_id := correlation_id_var.get():
            headers[CORRELATION_ID_HEADER] = correlation_id
        try:
            response = await send_retrying_a_dropped_connection(self._http, method, path, headers=headers)
        except httpx.HTTPError as exc:
            INTERNAL_CALLS.labels(self.target, "unavailable").inc()
            log.warning("internal_call_failed", target=self.target, path=path, error=repr(exc))
            raise ServiceUnavailable(f"{self.target} is unavailable, try again shortly") from exc
        INTERNAL_CALLS.labels(self.target, str(response.status_code)).inc()
        if response.status_code == 404:
            return None
        if response.status_code != 200:
            log.warning("internal_call_refused", target=self.target, path=path, status=response.status_code)
            raise ServiceUnavailable(f"{self.target} is unavailable, try again shortly")
        return response.content

    async def aclose(self) -> None:
        await self._http.aclose()


def client_for(settings: Settings, target: str) -> InternalClient:
    return InternalClient(
        service=settings.service,
        target=target,
        base_url=settings.service_url_map().get(target),
        private_key=settings.service_token_private_key,
        timeout=settings.internal_call_timeout_seconds,
    )


def internal_client(target: str) -> Callable[[Request], Awaitable[InternalClient]]:
    """A FastAPI dependency: this process's client for `target`, made on first use and kept on
    `app.state` (one connection pool per target, per process)."""

    async def dependency(request: Request) -> InternalClient:
        state = request.app.state
        clients: dict[str, InternalClient] | None = getattr(state, "internal_clients", None)
        if clients is None:
            clients = state.internal_clients = {}
        client = clients.get(target)
        if client is None:
            client = clients[target] = client_for(state.settings, target)
        return client

    return dependency


async def close_internal_clients(state: object) -> None:
    """For a service's lifespan: close the pools `internal_client` opened."""
    for client in (getattr(state, "internal_clients", None) or {}).values():
        await client.aclose()
