"""A closed-loop load generator in Python, for what wrk cannot drive (the asyncpg ceiling) and as
the HTTP fallback when wrk is not installed. Always run in a process of its own.

    python -m bench.load <method> <url> <clients> <seconds> [<body file>] [<header: value> ...]
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import httpx


async def drive(call: Callable[[], Awaitable[None]], clients: int, seconds: float) -> dict:
    """`clients` concurrent loops calling `call` for `seconds`; the latency of every call."""
    latencies: list[float] = []
    errors = 0
    stop_at = time.perf_counter() + seconds

    async def client() -> None:
        nonlocal errors
        while time.perf_counter() < stop_at:
            started = time.perf_counter()
            try:
                await call()
                latencies.append(time.perf_counter() - started)
            except Exception:
                errors += 1

    started = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    elapsed = time.perf_counter() - started
    q = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    return {
        "requests": len(latencies),
        "errors": errors,
        "throughput_per_s": round(len(latencies) / elapsed, 1),
        "p50_ms": round(q[49] * 1000, 2),
        "p95_ms": round(q[94] * 1000, 2),
        "p99_ms": round(q[98] * 1000, 2),
    }


async def http_load(
    method: str, url: str, clients: int, seconds: float, body: bytes | None, headers: dict[str, str]
) -> dict:
    expected = 201 if method == "POST" else 200
    if body is not None:
        headers = {**headers, "Content-Type": "application/json"}
    async with httpx.AsyncClient(limits=httpx.Limits(max_connections=clients * 2), timeout=30) as client:

        async def call() -> None:
            response = await client.request(method, url, content=body, headers=headers)
            if response.status_code != expected:
                raise RuntimeError(response.status_code)

        return await drive(call, clients, seconds)


def main() -> None:
    method, url, clients, seconds = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
    rest = sys.argv[5:]
    body = Path(rest[0]).read_bytes() if rest and rest[0] else None
    headers = dict(h.split(": ", 1) for h in rest[1:])
    print(json.dumps(asyncio.run(http_load(method, url, clients, seconds, body, headers))))


if __name__ == "__main__":
    main()
