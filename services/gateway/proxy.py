"""Forwarding a request to its service with a pooled client per service.

What comes from the client is checked before it goes anywhere: the path (no control characters,
valid UTF-8), the body's size while it is read (chunked bodies have no Content-Length to trust),
and the headers (hop-by-hop ones, credentials and forwarding claims are the gateway's to set).
"""

from __future__ import annotations

import unicodedata
from urllib.parse import quote

import httpx
from fastapi import Request
from fastapi.responses import Response

from libs.auth import INTERNAL_TOKEN_HEADER
from libs.errors import DomainError, ServiceUnavailable
from libs.http import CORRELATION_ID_HEADER, REQUEST_ID_HEADER
from libs.internal_client import service_http_client
from libs.logging import correlation_id_var, request_id_var
from services.gateway.upstream import Upstream, UpstreamError, UpstreamTimeout

# Never forwarded: hop-by-hop headers (and any the client names in `Connection`), the partner's
# credentials, what a client may claim about where it comes from (the gateway says that itself),
# and any internal token a client might try to smuggle in.
_DROP_REQUEST = {
    "host",
    "connection",
    "keep-alive",
    "proxy-connection",
    "transfer-encoding",
    "te",
    "trailer",
    "upgrade",
    "authorization",
    "proxy-authorization",
    "content-length",
    "forwarded",
    "x-forwarded-for",
    "x-forwarded-host",
    "x-forwarded-proto",
    "x-real-ip",
    INTERNAL_TOKEN_HEADER.lower(),
    REQUEST_ID_HEADER.lower(),
    CORRELATION_ID_HEADER.lower(),
}
_DROP_RESPONSE = {"connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding"}
# the gateway's own request and correlation ids go out (libs.http), not the service's copies
_DROP_RESPONSE_ALL = _DROP_RESPONSE | {REQUEST_ID_HEADER.lower(), CORRELATION_ID_HEADER.lower()}


class GatewayTimeout(ServiceUnavailable):
    status, code, title = 504, "upstream-timeout", "The service did not answer in time"


class InvalidPath(DomainError):
    status, code, title = 400, "invalid-path", "The path is not valid"


class PayloadTooLarge(DomainError):
    status, code, title = 413, "payload-too-large", "The request body is too large"


def check_path(path: str) -> None:
    """Control characters cannot be forwarded (nor be part of any id); U+FFFD is what the server
    made of bytes that were not UTF-8."""
    if "\ufffd" in path or any(unicodedata.category(c) == "Cc" for c in path):
        raise InvalidPath("the path contains control characters or bytes that are not UTF-8")


async def read_body(request: Request, limit: int) -> bytes:
    """The body, refused (413) as soon as it is larger than `limit` — by its Content-Length when it
    declares one, by counting while reading when it is chunked."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise PayloadTooLarge(f"at most {limit} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise PayloadTooLarge(f"at most {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def upstream_headers(request: Request) -> dict[str, str]:
    """The client's headers a service may see, with the gateway's own forwarding facts."""
    named = {
        name.strip().lower() for value in request.headers.getlist("connection") for name in value.split(",")
    }
    drop = _DROP_REQUEST | named if named else _DROP_REQUEST
    headers = {k: v for k, v in request.headers.items() if k not in drop}
    headers[REQUEST_ID_HEADER] = request_id_var.get() or ""
    headers[CORRELATION_ID_HEADER] = correlation_id_var.get() or ""
    headers["X-Forwarded-For"] = getattr(
        request.state, "client_address", request.client.host if request.client else "unknown"
    )
    return headers


def new_client(base_url: str, timeout: float) -> httpx.AsyncClient:
    """httpx, for the gateway's own low-volume calls (key resolution, readiness)."""
    return service_http_client(base_url, timeout=timeout, max_connections=200, max_keepalive=50)


def _target(request: Request) -> str:
    """The path and query as the client sent them (still percent-encoded), checked already."""
    raw_path = request.scope.get("raw_path")
    path = raw_path.decode("latin-1") if raw_path else quote(request.url.path)
    query = request.scope.get("query_string") or b""
    return f"{path}?{query.decode('latin-1')}" if query else path


async def forward(
    upstream: Upstream, service: str, request: Request, token: str | None, body: bytes
) -> Response:
    headers = upstream_headers(request)
    if token:
        headers[INTERNAL_TOKEN_HEADER] = token
    try:
        answer = await upstream.request(request.method, _target(request), list(headers.items()), body)
    except UpstreamTimeout as exc:
        raise GatewayTimeout(f"{service} did not answer in time") from exc
    except UpstreamError as exc:
        raise ServiceUnavailable(f"{service} is unavailable") from exc
    out_headers: dict[str, str] = {}
    for raw_name, raw_value in answer.headers:
        name = raw_name.decode("latin-1").lower()
        if name in _DROP_RESPONSE_ALL:
            continue
        value = raw_value.decode("latin-1")
        out_headers[name] = f"{out_headers[name]}, {value}" if name in out_headers else value
    return Response(content=answer.body, status_code=answer.status, headers=out_headers)
