"""An owner that cannot answer is a 503 problem for the partner, never a 500 or a refusal."""

from __future__ import annotations

import socket

import pytest

from libs.auth import generate_keypair
from libs.errors import ServiceUnavailable
from libs.events.onboarding import ResellerSnapshot
from libs.internal_client import InternalClient, client_for
from libs.settings import Settings


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # nobody listens once the socket is closed


async def test_an_unreachable_service_is_service_unavailable() -> None:
    private, _ = generate_keypair()
    client = InternalClient(
        service="ordering",
        target="onboarding",
        base_url=f"http://127.0.0.1:{_closed_port()}",
        private_key=private,
        timeout=1,
    )
    try:
        with pytest.raises(ServiceUnavailable):
            await client.get("/internal/resellers/x", ResellerSnapshot)
    finally:
        await client.aclose()


async def test_a_target_without_configuration_fails_only_when_called() -> None:
    settings = Settings(CHANNELHUB_SERVICE="ordering", CHANNELHUB_SERVICE_URLS="")
    client = client_for(settings, "onboarding")  # building it does not fail: most requests never call
    try:
        assert not client.configured
        with pytest.raises(ServiceUnavailable):
            await client.get("/internal/resellers/x", ResellerSnapshot)
    finally:
        await client.aclose()


async def test_a_connection_the_server_dropped_before_answering_is_tried_once_more() -> None:
    """uvicorn closes idle keep-alive connections: a call that meets one is sent again, not a 503."""
    import asyncio

    from libs.internal_client import send_retrying_a_dropped_connection, service_http_client

    connections = 0

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal connections
        connections += 1
        await reader.readuntil(b"\r\n\r\n")
        if connections > 1:
            writer.write(b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\ncontent-type: application/json\r\n\r\n{}")
            await writer.drain()
        writer.close()  # the first connection: closed without a byte of answer

    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    client = service_http_client(f"http://127.0.0.1:{port}", timeout=2)
    try:
        response = await send_retrying_a_dropped_connection(client, "GET", "/internal/x", headers={})
        assert response.status_code == 200
        assert connections == 2
    finally:
        await client.aclose()
        server.close()
        await server.wait_closed()
