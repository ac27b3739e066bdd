"""Per-request context and metrics middleware shared by every service and the gateway."""

from __future__ import annotations

import time
import uuid

import structlog
from prometheus_client import Counter, Histogram
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import Response

from libs.logging import correlation_id_var, get_logger, request_id_var

REQUEST_ID_HEADER = "X-Request-ID"
CORRELATION_ID_HEADER = "X-Correlation-ID"

HTTP_REQUESTS = Counter("http_requests_total", "HTTP requests", ["method", "route", "status"])
HTTP_LATENCY = Histogram("http_request_duration_seconds", "HTTP request latency", ["method", "route"])

log = get_logger("http")


def _clean_id(value: str | None) -> str | None:
    if value and len(value) <= 128 and value.isprintable():
        return value
    return None


class RequestContextMiddleware(BaseHTTPMiddleware):
    """Binds request and correlation ids to the logs (and the outbox), times every request."""

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        request_id = _clean_id(request.headers.get(REQUEST_ID_HEADER)) or uuid.uuid4().hex
        correlation_id = _clean_id(request.headers.get(CORRELATION_ID_HEADER)) or request_id
        rid_token = request_id_var.set(request_id)
        cid_token = correlation_id_var.set(correlation_id)
        started = time.perf_counter()
        try:
            with structlog.contextvars.bound_contextvars(
                request_id=request_id, correlation_id=correlation_id
            ):
                response = await call_next(request)
                elapsed = time.perf_counter() - started
                route = request.scope.get("route")
                template = getattr(route, "path", "unmatched")
                HTTP_REQUESTS.labels(request.method, template, str(response.status_code)).inc()
                HTTP_LATENCY.labels(request.method, template).observe(elapsed)
                if template not in ("/healthz", "/readyz", "/metrics"):
                    log.info(
                        "request",
                        method=request.method,
                        path=request.url.path,
                        status=response.status_code,
                        ms=round(elapsed * 1000, 1),
                    )
        finally:
            request_id_var.reset(rid_token)
            correlation_id_var.reset(cid_token)
        response.headers[REQUEST_ID_HEADER] = request_id
        response.headers[CORRELATION_ID_HEADER] = correlation_id
        return response
