"""Forwarding a request to its service with a pooled client per service."""

from __future__ import annotations

from typing import cast

import httpx
from fastapi import Request
from fastapi.responses import Response

from libs.auth import INTERNAL_TOKEN_HEADER
from libs.errors import ServiceUnavailable
from libs.http import CORRELATION_ID_HEADER, REQUEST_ID_HEADER
from libs.logging import correlation_id_var, request_id_var

# Never forwarded: hop-by-hop headers, the partner's credentials, and any internal
# token a client might try to smuggle in.
_DROP_REQUEST = {
    "host",
    "connection",
    "keep-alive",
    "transfer-encoding",
    "te",
    "trailer",
    "upgrade",
    "authorization",
    "content-length",
    INTERNAL_TOKEN_HEADER.lower(),
    REQUEST_ID_HEADER.lower(),
    CORRELATION_ID_HEADER.lower(),
}
_DROP_RESPONSE = {"connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding"}


class GatewayTimeout(ServiceUnavailable):
    status, code, title = 504, "upstream-timeout", "The service did not answer in time"


def new_client(base_url: str, timeout: float) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        base_url=base_url,
        timeout=httpx.Timeout(timeout, connect=2.0),
        limits=httpx.Limits(max_connections=200, max_keepalive_connections=50),
    )


async def forward(client: httpx.AsyncClient, service: str, request: Request, token: str | None) -> Response:
    headers = {k: v for k, v in request.headers.items() if k.lower() not in _DROP_REQUEST}
    headers[REQUEST_ID_HEADER] = request_id_var.get() or ""
    headers[CORRELATION_ID_HEADER] = correlation_id_var.get() or ""
    if request.client:
        headers["X-Forwarded-For"] = request.client.host
    if token:
        headers[INTERNAL_TOKEN_HEADER] = token
    body = await request.body()
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
