"""Load benchmark: order placement and the partner-price catalog, through the gateway.

In one run, on one machine, it measures
  1. POST /v1/orders (5 lines, tax) through the gateway,
  2. the same calls straight to the ordering service (the gateway's overhead),
  3. the same SQL transaction straight through asyncpg (the database ceiling),
  4. GET /v1/skus (partner prices) through the gateway,
and prints throughput and p50/p95/p99 latency, each as a ratio of the ceiling,
writing the figures to bench/results/<timestamp>.json.

    make bench                          # defaults: 16 clients, 15 s per scenario
    BENCH_CLIENTS=32 BENCH_SECONDS=30 make bench
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path

import asyncpg
import httpx

from libs.auth import INTERNAL_TOKEN_HEADER, Caller, sign_internal_token
from libs.db import to_plain_url
from libs.devstack.stack import Stack, StackConfig
from libs.testing.api import Api

CLIENTS = int(os.environ.get("BENCH_CLIENTS", "16"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "15"))
RESULTS = Path(__file__).parent / "results"


async def drive(name: str, call: Callable[[], Awaitable[None]]) -> dict:
    """CLIENTS concurrent loops calling `call` for SECONDS; latency of every call."""
    latencies: list[float] = []
    errors = 0
    stop_at = time.perf_counter() + SECONDS

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
    await asyncio.gather(*(client() for _ in range(CLIENTS)))
    elapsed = time.perf_counter() - started
    q = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    return {
        "scenario": name,
        "requests": len(latencies),
        "errors": errors,
        "throughput_per_s": round(len(latencies) / elapsed, 1),
        "p50_ms": round(q[49] * 1000, 2),
        "p95_ms": round(q[94] * 1000, 2),
        "p99_ms": round(q[98] * 1000, 2),
    }


def ensure_ok(response: httpx.Response, status: int) -> None:
    if response.status_code != status:
        raise RuntimeError(f"{response.status_code}: {response.text[:200]}")


async def run(stack: Stack, api: Api) -> list[dict]:
    reseller = api.onboard_reseller(country="NL")
    skus = [api.create_sku()["sku"] for _ in range(5)]
    api.check_reseller_may_order(reseller)
    order = {
        "ship_to": {"name": "Bench BV", "email": "it@bench.example.com"},
        "currency": "EUR",
        "payment_method": "bank_transfer",
        "lines": [{"sku": s, "quantity": 2} for s in skus],
    }
    auth = {"Authorization": f"Bearer {reseller.key}"}
    token = sign_internal_token(
        Caller(
            kind="reseller", roles=("reseller_admin",), reseller_id=uuid.UUID(reseller.id), key_id="bench"
        ),
        stack.private_key,
        audience="ordering",
        ttl_seconds=3600,
    )
    limits = httpx.Limits(max_connections=CLIENTS * 2)
    results = []
    async with (
        httpx.AsyncClient(base_url=stack.gateway_url, headers=auth, limits=limits, timeout=30) as gw,
        httpx.AsyncClient(
            base_url=f"http://127.0.0.1:{stack.config.service_ports['ordering']}",
            headers={INTERNAL_TOKEN_HEADER: token},
            limits=limits,
            timeout=30,
        ) as direct,
    ):

        async def via_gateway() -> None:
            ensure_ok(await gw.post("/v1/orders", json=order), 201)

        async def straight() -> None:
            ensure_ok(await direct.post("/v1/orders", json=order), 201)

        async def catalog() -> None:
            ensure_ok(await gw.get("/v1/skus", params={"limit": 50}), 200)

        results.append(await drive("orders via gateway", via_gateway))
        results.append(await drive("orders straight to ordering", straight))
        results.append(await drive("database ceiling (asyncpg, same transaction)", await ceiling(stack)))
        results.append(await drive("catalog with partner prices via gateway", catalog))
    return results


async def ceiling(stack: Stack) -> Callable[[], Awaitable[None]]:
    """The order's SQL — order row, 5 lines, outbox row, NOTIFY — in one transaction, no HTTP, no ORM."""
    pool = await asyncpg.create_pool(
        to_plain_url(stack.service_urls["ordering"]), min_size=CLIENTS, max_size=CLIENTS
    )
    reseller = uuid.uuid4()

    async def transaction() -> None:
        order_id = uuid.uuid4()
        async with pool.acquire() as conn, conn.transaction():
            await conn.execute(
                "INSERT INTO ordering.orders (id, reseller_id, status, currency, payment_method, "
                "payment_requirement, net_total, tax_total, total, tax_regime, tax_rate, placed_on) "
                "VALUES ($1, $2, 'placed', 'EUR', 'bank_transfer', 'prepay', 100, 21, 121, 'eu_vat', 0.21, "
                "current_date)",
                order_id,
                reseller,
            )
            await conn.executemany(
                "INSERT INTO ordering.order_lines (id, order_id, line_no, sku, product, quantity, unit_msrp, "
                "discount_percent, unit_price, net, tax, total) "
                "VALUES ($1, $2, $3, 'S', 'P', 2, 10, 10, 9, 18, 3.78, 21.78)",
                [(uuid.uuid4(), order_id, n) for n in range(1, 6)],
            )
            await conn.execute(
                "INSERT INTO ordering.outbox (event_id, topic, key, event_type, envelope, published_at) "
                "VALUES ($1, 'bench', $2, 'bench', '{}'::jsonb, now())",
                uuid.uuid4(),
                str(order_id),
            )
            await conn.execute("SELECT pg_notify('bench', '')")

    return transaction


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="channelhub-bench-") as tmp:
        config = StackConfig.for_tests(Path(tmp))
        config.extra_env["LOG_LEVEL"] = "WARNING"
        stack = Stack(config)
        stack.start()
        try:
            with httpx.Client(base_url=stack.gateway_url, timeout=30) as client:
                results = asyncio.run(run(stack, Api(client, admin_key=config.admin_key)))
        finally:
            stack.stop()
    top = next(r for r in results if r["scenario"].startswith("database ceiling"))["throughput_per_s"] or 1
    print(f"\n{CLIENTS} clients, {SECONDS:.0f} s per scenario, {os.cpu_count()} cores\n")
    header = ("scenario", "req/s", "p50 ms", "p95 ms", "p99 ms", "of ceiling", "errors")
    print(f"{header[0]:48} " + " ".join(f"{h:>10}" for h in header[1:]))
    for r in results:
        r["ratio_of_ceiling"] = round(r["throughput_per_s"] / top, 3)
        figures = (r["throughput_per_s"], r["p50_ms"], r["p95_ms"], r["p99_ms"], r["ratio_of_ceiling"])
        print(f"{r['scenario']:48} " + " ".join(f"{f:>10}" for f in figures) + f" {r['errors']:>10}")
    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    out = RESULTS / f"{stamp}.json"
    out.write_text(
        json.dumps(
            {"clients": CLIENTS, "seconds": SECONDS, "cores": os.cpu_count(), "results": results}, indent=2
        )
        + "\n"
    )
    print(f"\nwritten to {out}")


if __name__ == "__main__":
    main()
