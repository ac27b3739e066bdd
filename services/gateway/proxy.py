"""Forwarding a request to its service with a pooled client per service.

What comes from the client is checked before it goes anywhere: the path (no control characters,
valid UTF-8), the body's size while it is read (chunked bodies have no Content-Length to trust),
and the headers (hop-by-hop ones, credentials and forwarding claims are the gateway's to set).
"""

from __future__ import annotations

import unicodedata
from typing import cast

import httpx
from fastapi import Request
from fastapi.responses import Response

from libs.auth import INTERNAL_TOKEN_HEADER
from libs.errors import DomainError, ServiceUnavailable
from libs.http import CORRELATION_ID_HEADER, REQUEST_ID_HEADER
from libs.logging import correlation_id_var, request_id_var

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
    headers = {k: v for k, v in request.headers.items() if k.lower() not in _DROP_REQUEST | named}
    headers[REQUEST_ID_HEADER] = request_id_var.get() or ""
    headers[CORRELATION_ID_HEADER] = correlation_id_var.get() or ""
    if request.client:
        headers["X-Forwarded-For"] = request.client.host
    return headers


def new_client(base_url: str, timeout: float) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        base_url=base_url,
        timeout=httpx.Timeout(timeout, connect=2.0),
        limits=httpx.Limits(max_connections=200, max_keepalive_connections=50),
    )


async def forward(
    client: httpx.AsyncClient, service: str, request: Request, token: str | None, body: bytes
) -> Response:
    headers = upstream_headers(request)
    if token:
        headers[INTERNAL_TOKEN_HEADER] = token
    # httpx's QueryParamTypes wants an (invariant) list of (str, primitive) pairs; str pairs qualify.
    params = cast("list[tuple[str, str | int | float | bool | None]]", request.query_params.multi_items())
    try:
        upstream = await client.request(
            request.method,
            request.url.path,
            params=params,
            content=body,
            headers=headers,
        )
    except httpx.TimeoutException as exc:
        raise GatewayTimeout(f"{service} did not answer in time") from exc
    except httpx.TransportError as exc:
        raise ServiceUnavailable(f"{service} is unavailable") from exc
    out_headers = {k: v for k, v in upstream.headers.items() if k.lower() not in _DROP_RESPONSE}
    out_headers.pop(REQUEST_ID_HEADER.lower(), None)
    out_headers.pop(CORRELATION_ID_HEADER.lower(), None)
    return Response(content=upstream.content, status_code=upstream.status_code, headers=out_headers)
