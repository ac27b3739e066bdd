"""Per-request context and metrics middleware shared by every service and the gateway."""

from __future__ import annotations

import os
import time
import uuid

import structlog
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from starlette.datastructures import URL
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from libs.logging import correlation_id_var, get_logger, request_id_var

REQUEST_ID_HEADER = "X-Request-ID"
CORRELATION_ID_HEADER = "X-Correlation-ID"

HTTP_REQUESTS = Counter("http_requests_total", "HTTP requests", ["method", "route", "status"])
HTTP_LATENCY = Histogram("http_request_duration_seconds", "HTTP request latency", ["method", "route"])

log = get_logger("http")

_REQUEST_ID_KEY = REQUEST_ID_HEADER.lower().encode("latin-1")
_CORRELATION_ID_KEY = CORRELATION_ID_HEADER.lower().encode("latin-1")
_UNLOGGED_ROUTES = ("/healthz", "/readyz", "/metrics")


def _clean_id(value: str | None) -> str | None:
    if value and len(value) <= 128 and value.isprintable():
        return value
    return None


class RequestContextMiddleware:
    """Binds request and correlation ids to the logs (and the outbox), times every request.

    A plain ASGI middleware (no `BaseHTTPMiddleware`: no extra task, no response streaming
    through memory channels per request). The request is timed up to its response start,
    counted and histogrammed by route template, logged once (probes aside), and its response
    carries both ids.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        sent_request_id = sent_correlation_id = None
        for key, value in scope["headers"]:  # the first of each, as Request.headers.get answers
            if key == _REQUEST_ID_KEY:
                if sent_request_id is None:
                    sent_request_id = value.decode("latin-1")
            elif key == _CORRELATION_ID_KEY and sent_correlation_id is None:
                sent_correlation_id = value.decode("latin-1")
        request_id = _clean_id(sent_request_id) or uuid.uuid4().hex
        correlation_id = _clean_id(sent_correlation_id) or request_id
        ids = [
            (_REQUEST_ID_KEY, request_id.encode("latin-1")),
            (_CORRELATION_ID_KEY, correlation_id.encode("latin-1")),
        ]
        method = scope["method"]
        started = time.perf_counter()

        async def send_with_ids(message: Message) -> None:
            if message["type"] == "http.response.start":
                elapsed = time.perf_counter() - started
                status = message["status"]
                route = scope.get("route")
                template = getattr(route, "path", "unmatched")
                HTTP_REQUESTS.labels(method, template, str(status)).inc()
                HTTP_LATENCY.labels(method, template).observe(elapsed)
                if template not in _UNLOGGED_ROUTES:
                    log.info(
                        "request",
                        method=method,
                        path=URL(scope=scope).path,
                        status=status,
                        ms=round(elapsed * 1000, 1),
                    )
                headers = [
                    (k, v)
                    for k, v in message.get("headers", ())
                    if k.lower() not in (_REQUEST_ID_KEY, _CORRELATION_ID_KEY)
                ]
                message = {**message, "headers": headers + ids}
            await send(message)

        rid_token = request_id_var.set(request_id)
        cid_token = correlation_id_var.set(correlation_id)
        try:
            with structlog.contextvars.bound_contextvars(
                request_id=request_id, correlation_id=correlation_id
            ):
                await self.app(scope, receive, send_with_ids)
        finally:
            request_id_var.reset(rid_token)
            correlation_id_var.reset(cid_token)


def render_metrics() -> tuple[bytes, str]:
    """The process's metrics — or, with several workers on one port (`tools.serve --workers`), the
    sum of every worker's, read from the directory they share."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry), CONTENT_TYPE_LATEST
    return generate_latest(), CONTENT_TYPE_LATEST


def supervisor_pid() -> int:
    """The pid of the process a supervisor started (`tools.serve`), the same from every worker."""
    return int(os.environ.get("CHANNELHUB_SUPERVISOR_PID") or os.getpid())
