"""Load benchmark: order placement, the partner-price catalog and event latency, through the gateway.

In one run, on one machine, it measures
  1. POST /v1/orders (5 lines, tax) through the gateway — and, meanwhile, event latency under load,
  2. the same calls straight to the ordering service (the gateway's overhead),
  3. the same SQL transaction straight through asyncpg (the database ceiling),
  4. GET /v1/skus (partner prices) through the gateway,
  5. event latency at idle: onboarding commits a customer (and its outbox row) → ordering's
     consumer has committed it into its read model,
and prints throughput and p50/p95/p99 latency, each as a ratio of the ceiling, writing the
figures to bench/results/<timestamp>.json.

The load never comes from this process: HTTP scenarios are driven by `wrk` (Debian package `wrk`,
one thread, one connection per client, with bench/wrk/report.lua), or by `python -m bench.load` in a
process of its own when wrk is not installed; the ceiling by `python -m bench.ceiling`, also apart.
The output says which was used.

    make bench                          # defaults: 16 clients, 15 s per scenario
    BENCH_CLIENTS=32 BENCH_SECONDS=30 make bench
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Awaitable
from datetime import UTC, datetime
from pathlib import Path

import asyncpg
import httpx

from bench import cpu, profile
from bench.keyset import keyset
from libs.auth import INTERNAL_TOKEN_HEADER, Caller, sign_internal_token
from libs.db import to_plain_url
from libs.testing.api import Api, Reseller
from tools.devstack.stack import Stack, StackConfig

CLIENTS = int(os.environ.get("BENCH_CLIENTS", "16"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "15"))
KEYSET_ROWS = int(os.environ.get("BENCH_KEYSET_ROWS", "1000000"))  # 0: skip the pagination scenario
IDLE_EVENT_SAMPLES = int(os.environ.get("BENCH_EVENT_SAMPLES", "100"))
# after the order load, how long the events each order caused may take to be applied; their CPU
# is charged to the orders
SETTLE_SECONDS = float(os.environ.get("BENCH_SETTLE_SECONDS", "15"))
PROFILE_DIR = os.environ.get("BENCH_PROFILE")  # a folder: py-spy profiles of the order scenario there
IDLE_SECONDS = float(os.environ.get("BENCH_IDLE_SECONDS", "20"))  # CPU at rest, measured after the settle
RESULTS = Path(__file__).parent / "results"
WRK = shutil.which("wrk")
LUA = Path(__file__).parent / "wrk" / "report.lua"
POLL_SECONDS = 0.002  # how often the event probe looks at the consumer's table
# whom the orders name: a customer id (issue 23's measurement: a domain customer that accepted the
# terms, so each order goes on at once), or `ship_to` (R-CU-9: onboarding links the end user to
# its customer on every order, one more event fanned out per order)
ORDER_BY = os.environ.get("BENCH_ORDER_BY", "customer_id")


def load_generator() -> str:
    if WRK:
        return f"wrk (own process, 1 thread, {CLIENTS} keep-alive connections, bench/wrk/report.lua)"
    return f"python -m bench.load (httpx, own process, {CLIENTS} clients; wrk not installed)"


async def http_scenario(
    name: str, method: str, url: str, headers: dict[str, str], body: bytes | None, workdir: Path
) -> dict:
    """Drive `url` with CLIENTS concurrent keep-alive clients for SECONDS, from another process."""
    body_file = ""
    if body is not None:
        path = workdir / f"body-{uuid.uuid4().hex}.json"
        path.write_bytes(body)
        body_file = str(path)
    if WRK:
        argv = [WRK, "-t1", f"-c{CLIENTS}", f"-d{round(SECONDS)}s", "--timeout", "30s", "-s", str(LUA)]
        for k, v in headers.items():
            argv += ["-H", f"{k}: {v}"]
        env = {**os.environ, "BENCH_METHOD": method, "BENCH_BODY_FILE": body_file}
        proc = await asyncio.create_subprocess_exec(
            *argv, url, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
        )
        out, err = await proc.communicate()
        line = next((x for x in out.decode().splitlines() if x.startswith("BENCH_JSON ")), None)
        if line is None:
            raise RuntimeError(f"wrk failed: {out.decode()} {err.decode()}")
        w = json.loads(line.removeprefix("BENCH_JSON "))
        ok = w["requests"] - w["status_errors"]
        return {
            "scenario": name,
            "requests": ok,
            "errors": w["status_errors"] + w["socket_errors"],
            "throughput_per_s": round(ok / (w["duration_us"] / 1e6), 1),
            "p50_ms": round(w["p50_us"] / 1000, 2),
            "p95_ms": round(w["p95_us"] / 1000, 2),
            "p99_ms": round(w["p99_us"] / 1000, 2),
        }
    argv = [sys.executable, "-m", "bench.load", method, url, str(CLIENTS), str(SECONDS), body_file]
    argv += [f"{k}: {v}" for k, v in headers.items()]
    return {"scenario": name, **await _json_of(argv)}


async def _json_of(argv: list[str]) -> dict:
    proc = await asyncio.create_subprocess_exec(
        *argv, stdout=asyncio.subprocess.PIPE, cwd=Path(__file__).parent.parent
    )
    out, _ = await proc.communicate()
    if proc.returncode != 0:
        raise RuntimeError(f"{argv[:3]} failed")
    return json.loads(out.decode().strip().splitlines()[-1])


class EventProbe:
    """Event latency, end to end: onboarding creates a customer (state + outbox row, one commit;
    its 201 comes after the commit), the relay publishes it, ordering's consumer applies it to its
    read model and commits. Measured from onboarding's answer (called directly, so that no proxy
    hop sits between the commit and the clock) until the row is visible in ordering's table
    (polled every 2 ms from this process): outbox commit → consumer effect committed."""

    def __init__(self, stack: Stack, reseller_id: str) -> None:
        self.stack = stack
        caller = Caller(
            kind="reseller", roles=("reseller_admin",), reseller_id=uuid.UUID(reseller_id), key_id="bench"
        )
        token = sign_internal_token(caller, stack.private_key, audience="onboarding", ttl_seconds=3600)
        self.headers = {INTERNAL_TOKEN_HEADER: token}
        self.onboarding = f"http://127.0.0.1:{stack.config.service_ports['onboarding']}"

    async def sample(self, client: httpx.AsyncClient, conn: asyncpg.Connection) -> float:
        response = await client.post(
            "/v1/customers",
            json={
                "kind": "team",
                "name": f"Bench {uuid.uuid4().hex[:8]}",
                "primary_email": "it@bench.example",
            },
        )
        committed = time.perf_counter()
        if response.status_code != 201:
            raise RuntimeError(f"{response.status_code}: {response.text[:200]}")
        customer = uuid.UUID(response.json()["id"])
        while not await conn.fetchval(
            "SELECT EXISTS (SELECT 1 FROM ordering.customer_views WHERE customer_id = $1)", customer
        ):
            if time.perf_counter() - committed > 30:
                raise RuntimeError("the event never arrived")
            await asyncio.sleep(POLL_SECONDS)
        return time.perf_counter() - committed

    async def run(self, *, samples: int | None = None, until: asyncio.Event | None = None) -> list[float]:
        out: list[float] = []
        conn = await asyncpg.connect(to_plain_url(self.stack.service_urls["ordering"]))
        try:
            async with httpx.AsyncClient(
                base_url=self.onboarding, headers=self.headers, timeout=30
            ) as client:
                while (samples is not None and len(out) < samples) or (
                    until is not None and not until.is_set()
                ):
                    out.append(await self.sample(client, conn))
                    await asyncio.sleep(0.05)  # a trickle of events, not a load of its own
        finally:
            await conn.close()
        return out


def suite_processes(stack: Stack) -> dict[str, int]:
    """Every process of the suite by name: services, gateway, broker, PostgreSQL (its postmaster;
    the backends it forks are its children and charged to it)."""
    pids = {name: proc.pid for name, proc in stack.processes.items()}
    if stack.broker is not None and stack.broker.process is not None:
        pids["broker (Tansu)"] = stack.broker.process.pid
    if stack.postgres is not None:
        postmaster = cpu.postmaster_pid(stack.postgres.data_dir)
        if postmaster is not None:
            pids["PostgreSQL"] = postmaster
    return pids


async def cpu_per_order(stack: Stack, scenario: Awaitable[dict]) -> tuple[dict, dict]:
    """Run the order scenario and charge each process's CPU over the load and the settle period
    after it (the events each order causes) to the orders placed: ms per order per process."""
    pids = suite_processes(stack)
    spies = []
    if PROFILE_DIR:
        python = {name: pid for name, pid in pids.items() if name in stack.processes}
        os.makedirs(PROFILE_DIR, exist_ok=True)
        spies = await profile.record(python, SECONDS + SETTLE_SECONDS, Path(PROFILE_DIR))
    before = cpu.snapshot(pids)
    started = time.perf_counter()
    result = await scenario
    await asyncio.sleep(SETTLE_SECONDS)
    spent = cpu.delta_ms(before, cpu.snapshot(pids))
    window = time.perf_counter() - started
    not_invoiced = await orders_not_invoiced(stack)
    for spy in spies:
        await spy.wait()
    orders = max(result["requests"], 1)
    per_order = {name: round(ms / orders, 2) for name, ms in sorted(spent.items(), key=lambda x: -x[1])}
    return result, {
        "scenario": "CPU ms per order (load + settle)",
        "orders": result["requests"],
        "settle_seconds": SETTLE_SECONDS,
        "window_seconds": round(window, 1),
        "per_process_ms": per_order,
        "total_ms": round(sum(spent.values()) / orders, 2),
        # the settle must cover the events: an order billing has not invoiced by its end would
        # have its invoicing left out of the figures (0: every order was)
        "orders_not_invoiced_after_settle": not_invoiced,
    }


async def orders_not_invoiced(stack: Stack) -> int:
    """Orders placed (all of the run's) that billing has not invoiced yet."""

    async def count(service: str, sql: str) -> int:
        conn = await asyncpg.connect(to_plain_url(stack.service_urls[service]))
        try:
            return int(await conn.fetchval(sql))
        finally:
            await conn.close()

    placed = await count("ordering", "SELECT count(*) FROM ordering.orders")
    invoiced = await count("billing", "SELECT count(*) FROM billing.invoices WHERE kind = 'order'")
    return placed - invoiced


async def idle_cpu(stack: Stack) -> dict:
    """Each process's CPU at rest, as a percentage of one core."""
    pids = suite_processes(stack)
    before = cpu.snapshot(pids)
    await asyncio.sleep(IDLE_SECONDS)
    spent = cpu.delta_ms(before, cpu.snapshot(pids))
    share = {
        name: round(ms / (IDLE_SECONDS * 10), 2) for name, ms in sorted(spent.items(), key=lambda x: -x[1])
    }
    return {
        "scenario": "idle CPU (% of one core)",
        "seconds": IDLE_SECONDS,
        "per_process_percent": share,
        "total_percent": round(sum(spent.values()) / (IDLE_SECONDS * 10), 2),
    }


def summarise(name: str, latencies: list[float]) -> dict:
    if len(latencies) > 1:
        q = statistics.quantiles(latencies, n=100, method="inclusive")
    else:
        q = [latencies[0] if latencies else 0.0] * 99
    return {
        "scenario": name,
        "samples": len(latencies),
        "p50_ms": round(q[49] * 1000, 1),
        "p95_ms": round(q[94] * 1000, 1),
        "p99_ms": round(q[98] * 1000, 1),
        "max_ms": round(max(latencies, default=0) * 1000, 1),
    }


def order_body(api: Api, reseller: Reseller, skus: list[str]) -> dict:
    body: dict = {
        "currency": "EUR",
        "payment_method": "bank_transfer",
        "lines": [{"sku": s, "quantity": 2} for s in skus],
    }
    if ORDER_BY == "ship_to":
        # a registered domain: the end user is a domain customer, which may buy every product
        # (a ship-to without one would be a team customer, refused these SKUs by R-CU-4)
        domain = f"bench-{uuid.uuid4().hex[:8]}.example.com"
        return {**body, "ship_to": {"name": "Bench BV", "email": f"it@{domain}", "domain": domain}}
    customer_id = api.create_customer(reseller.key, "Bench BV")
    # R-CU-6: with the terms accepted the order goes on at once (and ordering need not ask
    # onboarding about a customer it would otherwise hold)
    api.accept_terms(reseller.key, customer_id, accepted_by="Bench")
    return {**body, "customer_id": customer_id}


async def run(stack: Stack, api: Api, workdir: Path) -> tuple[list[dict], list[dict], list[dict]]:
    reseller = api.onboard_reseller(country="NL")
    skus = [api.create_sku()["sku"] for _ in range(5)]
    api.check_reseller_may_order(reseller)
    order = json.dumps(order_body(api, reseller, skus)).encode()
    auth = {"Authorization": f"Bearer {reseller.key}"}
    token = sign_internal_token(
        Caller(
            kind="reseller", roles=("reseller_admin",), reseller_id=uuid.UUID(reseller.id), key_id="bench"
        ),
        stack.private_key,
        audience="ordering",
        ttl_seconds=3600,
    )
    ordering = f"http://127.0.0.1:{stack.config.service_ports['ordering']}"
    probe = EventProbe(stack, reseller.id)
    results, events, costs = [], [], []

    await probe.run(samples=3)  # warm-up: the consumer group has settled, connections are open
    events.append(summarise("events at idle", await probe.run(samples=IDLE_EVENT_SAMPLES)))

    # the cost of an order: no probe running, so every CPU second of the suite is the orders'
    orders, cost = await cpu_per_order(
        stack,
        http_scenario("orders via gateway", "POST", f"{stack.gateway_url}/v1/orders", auth, order, workdir),
    )
    results.append(orders)
    idle = await idle_cpu(stack)
    # the same figures less what each process burns at rest over the same window (on a loaded
    # machine with few orders the idle cost is a large part of the raw figure)
    window = cost["window_seconds"]
    net = {
        name: round(ms - idle["per_process_percent"].get(name, 0) * 10 * window / max(cost["orders"], 1), 2)
        for name, ms in cost["per_process_ms"].items()
    }
    cost["net_of_idle_ms"] = net
    cost["net_of_idle_total_ms"] = round(sum(net.values()), 2)
    costs += [cost, idle]

    done = asyncio.Event()
    under_load = asyncio.create_task(probe.run(until=done))
    try:
        results.append(
            await http_scenario(
                "orders via gateway, with the event probe",
                "POST",
                f"{stack.gateway_url}/v1/orders",
                auth,
                order,
                workdir,
            )
        )
    finally:
        done.set()
    events.append(summarise("events while orders are placed at full rate", await under_load))
    results.append(
        await http_scenario(
            "orders straight to ordering",
            "POST",
            f"{ordering}/v1/orders",
            {INTERNAL_TOKEN_HEADER: token},
            order,
            workdir,
        )
    )
    ceiling = await _json_of(
        [
            sys.executable,
            "-m",
            "bench.ceiling",
            to_plain_url(stack.service_urls["ordering"]),
            str(CLIENTS),
            str(SECONDS),
        ]
    )
    results.append({"scenario": "database ceiling (asyncpg, same transaction)", **ceiling})
    results.append(
        await http_scenario(
            "catalog with partner prices via gateway",
            "GET",
            f"{stack.gateway_url}/v1/skus?limit=50",
            auth,
            None,
            workdir,
        )
    )
    if KEYSET_ROWS:
        keyset_result = await keyset(
            to_plain_url(stack.service_urls["ordering"]), ordering, stack.private_key, KEYSET_ROWS
        )
        events.append({"scenario": "keyset pagination", **keyset_result})
    return results, events, costs


def main() -> None:
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="channelhub-bench-") as tmp:
        config = StackConfig.for_tests(Path(tmp))
        config.extra_env["LOG_LEVEL"] = "WARNING"
        # the production timings, not the tests' quick webhook polls and retries
        for name in ("CHANNELHUB_WEBHOOK_POLL_SECONDS", "CHANNELHUB_WEBHOOK_RETRY_SCHEDULE"):
            config.extra_env.pop(name, None)
        stack = Stack(config)
        stack.start()
        try:
            with httpx.Client(base_url=stack.gateway_url, timeout=30) as client:
                results, events, costs = asyncio.run(
                    run(stack, Api(client, admin_key=config.admin_key), Path(tmp))
                )
            workers = config.extra_env.get("CHANNELHUB_WORKERS") or os.environ.get("CHANNELHUB_WORKERS", "1")
        finally:
            stack.stop()
    by_name = {r["scenario"]: r for r in results}
    top = by_name["database ceiling (asyncpg, same transaction)"]["throughput_per_s"] or 1
    for r in results:
        r["ratio_of_ceiling"] = round(r["throughput_per_s"] / top, 3)
    gateway = by_name["orders via gateway"]["throughput_per_s"]
    direct = by_name["orders straight to ordering"]["throughput_per_s"] or 1
    overhead = round(1 - gateway / direct, 3)
    print(
        f"\n{CLIENTS} clients, {SECONDS:.0f} s per scenario, {os.cpu_count()} cores, "
        f"workers per service {workers}"
    )
    print(f"load generator: {load_generator()}; the ceiling: python -m bench.ceiling (asyncpg, own process)")
    print(f"orders: 5 lines each, naming their customer by {ORDER_BY} (BENCH_ORDER_BY)")
    print(f"load average before the run: {' '.join(f'{x:.2f}' for x in load_before)}\n")
    header = ("scenario", "req/s", "p50 ms", "p95 ms", "p99 ms", "of ceiling", "errors")
    print(f"{header[0]:48} " + " ".join(f"{h:>10}" for h in header[1:]))
    for r in results:
        figures = (r["throughput_per_s"], r["p50_ms"], r["p95_ms"], r["p99_ms"], r["ratio_of_ceiling"])
        print(f"{r['scenario']:48} " + " ".join(f"{f:>10}" for f in figures) + f" {r['errors']:>10}")
    print(f"\ngateway overhead on orders (1 - via gateway / straight): {overhead:.1%}\n")
    header = ("event latency (commit → effect committed)", "samples", "p50 ms", "p95 ms", "p99 ms", "max ms")
    print(f"{header[0]:48} " + " ".join(f"{h:>10}" for h in header[1:]))
    for e in events:
        if e["scenario"] == "keyset pagination":
            continue
        figures = (e["samples"], e["p50_ms"], e["p95_ms"], e["p99_ms"], e["max_ms"])
        print(f"{e['scenario']:48} " + " ".join(f"{f:>10}" for f in figures))
    for e in events:
        if e["scenario"] == "keyset pagination":
            print("\nkeyset pagination, GET /v1/orders?limit=50 straight to ordering, median of 40 calls")
            print(
                f"({e['rows_small']} vs {e['rows_big']} orders of one reseller, "
                f"COPY-seeded in {e['seed_seconds']} s)"
            )
            for page in ("first page", "page by cursor"):
                f = e[page]
                print(
                    f"  {page:16} {f['p50_ms_small']:>8} ms vs {f['p50_ms_big']:>8} ms   ratio {f['ratio']}"
                )
    cost, idle = costs
    print(
        f"\nCPU per process: ms per order, load + {cost['settle_seconds']:.0f} s settle "
        f"({cost['orders']} orders via gateway); at rest, % of one core ({idle['seconds']:.0f} s)"
    )
    share, net = idle["per_process_percent"], cost["net_of_idle_ms"]
    print(f"  {'process':24} {'ms per order':>14} {'net of idle':>12} {'idle %':>10}")
    for name, ms in cost["per_process_ms"].items():
        print(f"  {name:24} {ms:>14} {net[name]:>12} {share.get(name, 0):>10}")
    totals = (cost["total_ms"], cost["net_of_idle_total_ms"], idle["total_percent"])
    print(f"  {'total':24} {totals[0]:>14} {totals[1]:>12} {totals[2]:>10}")
    print(f"  orders not invoiced at the end of the settle: {cost['orders_not_invoiced_after_settle']}")
    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    out = RESULTS / f"{stamp}.json"
    out.write_text(
        json.dumps(
            {
                "clients": CLIENTS,
                "seconds": SECONDS,
                "cores": os.cpu_count(),
                "workers_per_service": int(workers),
                "load_generator": load_generator(),
                "load_average_before": [round(x, 2) for x in load_before],
                "orders_by": ORDER_BY,
                "gateway_overhead": overhead,
                "results": results,
                "events": events,
                "cpu": costs,
            },
            indent=2,
        )
        + "\n"
    )
    print(f"\nwritten to {out}")


if __name__ == "__main__":
    main()
