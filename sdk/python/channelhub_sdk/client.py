"""A ready client for the generated operations: the API key, retries that honour `Retry-After`, and an
`Idempotency-Key` on every create.

    from channelhub_sdk import connect, unwrap
    from channelhub_sdk.generated.api.orders import orders_create

    hub = connect("https://api.vendor.example", api_key)
    order = unwrap(orders_create.sync_detailed(client=hub, body=...))

- **Retries**: a 429 (rate limited) or 503 (a service unavailable) is retried after the answer's
  `Retry-After` (seconds or an HTTP date; capped at `max_retry_delay`), or after an exponential
  backoff when it names none, at most `max_retries` times; then the last answer is returned. A
  request is retried only when repeating it is safe: a GET, HEAD, PUT, DELETE or OPTIONS, or a POST
  carrying an `Idempotency-Key` — which every POST through this client does.
- **Idempotency**: a POST without one gets a fresh `Idempotency-Key`, the same on each of its retries,
  so a create retried after a lost answer is done once (the platform replays the first answer).
  To make a create idempotent across processes (a restart, a queue's redelivery), name the key
  yourself: `with idempotency_key(f"order-{erp_order_no}"): ...`.
"""

from __future__ import annotations

import contextvars
import email.utils
import random
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

import httpx

from channelhub_sdk.generated.client import AuthenticatedClient, Client

RETRIED_STATUSES = frozenset({429, 503})
SAFE_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})
IDEMPOTENCY_HEADER = "Idempotency-Key"

_explicit_key: contextvars.ContextVar[str | None] = contextvars.ContextVar("idempotency_key", default=None)


@contextmanager
def idempotency_key(key: str) -> Iterator[None]:
    """POSTs in this block carry `key` as their `Idempotency-Key` (one create per key: use it for one)."""
    token = _explicit_key.set(key)
    try:
        yield
    finally:
        _explicit_key.reset(token)


def retry_after_seconds(value: str | None, *, now: datetime | None = None) -> float | None:
    """`Retry-After` as seconds from now: delta-seconds or an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class RetryTransport(httpx.BaseTransport):
    """An httpx transport around another one that adds idempotency keys and retries 429/503."""

    def __init__(
        self,
        inner: httpx.BaseTransport | None = None,
        *,
        max_retries: int = 4,
        max_retry_delay: float = 60.0,
        backoff: float = 0.5,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.inner = inner or httpx.HTTPTransport()
        self.max_retries = max_retries
        self.max_retry_delay = max_retry_delay
        self.backoff = backoff
        self.sleep = sleep

    def delay(self, response: httpx.Response, attempt: int) -> float:
        named = retry_after_seconds(response.headers.get("Retry-After"))
        if named is None:  # exponential backoff with jitter: 0.5 s, 1 s, 2 s … (± 25 %)
            named = self.backoff * 2**attempt * random.uniform(0.75, 1.25)
        return min(named, self.max_retry_delay)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.method == "POST" and IDEMPOTENCY_HEADER not in request.headers:
            request.headers[IDEMPOTENCY_HEADER] = _explicit_key.get() or str(uuid.uuid4())
        retryable = request.method in SAFE_METHODS or IDEMPOTENCY_HEADER in request.headers
        if retryable:
            request.read()  # a body from a file or a generator is buffered, so it can be sent again
        attempt = 0
        while True:
            response = self.inner.handle_request(request)
            if response.status_code not in RETRIED_STATUSES or not retryable or attempt >= self.max_retries:
                return response
            wait = self.delay(response, attempt)
            response.read()
            response.close()
            self.sleep(wait)
            attempt += 1

    def close(self) -> None:
        self.inner.close()


def connect(
    base_url: str,
    api_key: str | None = None,
    *,
    timeout: float = 30.0,
    max_retries: int = 4,
    max_retry_delay: float = 60.0,
    transport: httpx.BaseTransport | None = None,
) -> AuthenticatedClient:
    """The generated client, authenticated with `api_key` (`Authorization: Bearer …`), whose requests
    go through a `RetryTransport`. Without a key (applying, the published signing keys) the public
    operations still work: no Authorization header is sent."""
    retrying = RetryTransport(transport, max_retries=max_retries, max_retry_delay=max_retry_delay)
    headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
    http = httpx.Client(base_url=base_url, headers=headers, timeout=timeout, transport=retrying)
    client = AuthenticatedClient(base_url=base_url, token=api_key or "", timeout=httpx.Timeout(timeout))
    client.set_httpx_client(http)
    return client


__all__ = [
    "IDEMPOTENCY_HEADER",
    "AuthenticatedClient",
    "Client",
    "RetryTransport",
    "connect",
    "idempotency_key",
    "retry_after_seconds",
]
