"""A lean HTTP/1.1 client for forwarding: pooled keep-alive connections to one service.

Chosen by measurement (bench/README.md): with httpx, half of the gateway's CPU per proxied
request went to httpx and httpcore (URL and header models, the anyio backend, pool bookkeeping).
The gateway forwards bytes it has already checked to a service it knows, so it needs far less:
write the request, parse the answer with `httptools` (uvicorn's own parser, already installed),
keep the connection for the next request.

A reused connection the service closed meanwhile (idle timeout) fails before any answer byte is
read; then the request is sent once more on a new connection — the service never saw it.
Idle connections older than `IDLE_SECONDS` (well below uvicorn's 5-s keep-alive) are not reused.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httptools

IDLE_SECONDS = 2.0  # well under uvicorn's 5 s: a loaded event loop notices an idle connection late


class UpstreamError(Exception):
    """The service could not be reached or broke the connection."""


class UpstreamTimeout(UpstreamError):
    pass


@dataclass
class UpstreamResponse:
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes


@dataclass
class _Parsed:
    headers: list[tuple[bytes, bytes]] = field(default_factory=list)
    body: list[bytes] = field(default_factory=list)
    complete: bool = False

    def on_header(self, name: bytes, value: bytes) -> None:
        self.headers.append((name, value))

    def on_body(self, body: bytes) -> None:
        self.body.append(body)

    def on_message_complete(self) -> None:
        self.complete = True


class _Connection:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer
        self.idle_since = time.monotonic()

    def close(self) -> None:
        self.writer.close()


class _StaleConnection(Exception):
    """A reused connection closed by the service before it answered: safe to send again."""


class UpstreamPool:
    def __init__(
        self, host: str, port: int, *, timeout: float, connect_timeout: float = 2.0, max_idle: int = 64
    ) -> None:
        self.host = host
        self.port = port
        self.timeout = timeout
        self.connect_timeout = connect_timeout
        self.max_idle = max_idle
        self._idle: deque[_Connection] = deque()
        self._host_header = f"{host}:{port}".encode()

    async def request(
        self, method: str, target: str, headers: list[tuple[str, str]], body: bytes
    ) -> UpstreamResponse:
        """`target` is the path with its query string, already checked by the caller."""
        head = [f"{method} {target} HTTP/1.1\r\n".encode("latin-1"), b"host: ", self._host_header, b"\r\n"]
        for name, value in headers:
            head.append(f"{name}: {value}\r\n".encode("latin-1"))
        head.append(b"content-length: %d\r\n\r\n" % len(body))
        payload = b"".join(head) + body
        try:
            async with asyncio.timeout(self.timeout):
                conn = self._reusable()
                if conn is not None:
                    try:
                        return await self._exchange(conn, payload, reused=True)
                    except _StaleConnection:
                        pass
                return await self._exchange(await self._connect(), payload, reused=False)
        except TimeoutError as exc:
            raise UpstreamTimeout(f"no answer within {self.timeout} s") from exc

    def _reusable(self) -> _Connection | None:
        now = time.monotonic()
        while self._idle:
            conn = self._idle.pop()  # the most recently used: the least likely to have timed out
            if now - conn.idle_since < IDLE_SECONDS and not conn.reader.at_eof():
                return conn
            conn.close()
        return None

    async def _connect(self) -> _Connection:
        try:
            reader, writer = await asyncio.wait_for(
                asyncio.open_connection(self.host, self.port), self.connect_timeout
            )
        except (OSError, TimeoutError) as exc:
            raise UpstreamError(f"cannot connect to {self.host}:{self.port}") from exc
        return _Connection(reader, writer)

    async def _exchange(self, conn: _Connection, payload: bytes, *, reused: bool) -> UpstreamResponse:
        parsed = _Parsed()
        parser = httptools.HttpResponseParser(parsed)
        received = False
        try:
            conn.writer.write(payload)
            await conn.writer.drain()
            while not parsed.complete:
                data = await conn.reader.read(65536)
                if not data:
                    if reused and not received:
                        raise _StaleConnection()
                    raise UpstreamError("the service closed the connection")
                received = True
                parser.feed_data(data)
        except _StaleConnection:
            conn.close()
            raise
        except (OSError, httptools.HttpParserError) as exc:
            conn.close()
            if reused and not received and isinstance(exc, ConnectionError):
                raise _StaleConnection() from exc
            raise UpstreamError(repr(exc)) from exc
        except BaseException:  # cancelled or timed out mid-answer: the connection is unusable
            conn.close()
            raise
        if parser.should_keep_alive() and len(self._idle) < self.max_idle:
            conn.idle_since = time.monotonic()
            self._idle.append(conn)
        else:
            conn.close()
        return UpstreamResponse(parser.get_status_code(), parsed.headers, b"".join(parsed.body))

    async def aclose(self) -> None:
        while self._idle:
            self._idle.pop().close()


class HttpxUpstream:
    """The same interface over httpx, for a service behind TLS (the lean pool speaks plain HTTP)."""

    def __init__(self, base_url: str, *, timeout: float) -> None:
        import httpx

        self._httpx = httpx
        self.client = httpx.AsyncClient(
            base_url=base_url,
            timeout=httpx.Timeout(timeout, connect=2.0),
            limits=httpx.Limits(max_connections=200, max_keepalive_connections=50),
        )

    async def request(
        self, method: str, target: str, headers: list[tuple[str, str]], body: bytes
    ) -> UpstreamResponse:
        try:
            r = await self.client.request(method, target, content=body, headers=headers)
        except self._httpx.TimeoutException as exc:
            raise UpstreamTimeout(repr(exc)) from exc
        except self._httpx.TransportError as exc:
            raise UpstreamError(repr(exc)) from exc
        return UpstreamResponse(r.status_code, list(r.headers.raw), r.content)

    async def aclose(self) -> None:
        await self.client.aclose()


Upstream = UpstreamPool | HttpxUpstream


def upstream_for(base_url: str, *, timeout: float) -> Upstream:
    parts = urlsplit(base_url)
    if parts.scheme == "http" and parts.hostname and not parts.path.strip("/"):
        return UpstreamPool(parts.hostname, parts.port or 80, timeout=timeout)
    return HttpxUpstream(base_url, timeout=timeout)
