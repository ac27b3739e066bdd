"""What an order costs the database, statement by statement: PostgreSQL's `pg_stat_statements`
over a run of orders placed through the gateway and the events they cause.

The bench's CPU table says how much PostgreSQL spends per order; this says on what. The stack is
started with the extension preloaded, `ORDERS` orders are placed by `CLIENTS` clients (after a
warm-up, with the counters reset), the run settles until billing has invoiced every order, and
then, per database role (one per service), the statements and transactions per order and the
statements that cost the most execution time are printed:

    python -m bench.statements                    # 400 orders by 8 clients
    python -m bench.statements --orders 800 --top 30
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
import time
from pathlib import Path

import asyncpg
import httpx

from bench.ab import place
from bench.orders import order_body, orders_not_invoiced
from libs.db import to_plain_url
from libs.testing.api import Api
from tools.devstack.stack import Stack, StackConfig

_BY_ROLE = """
SELECT r.rolname AS role, sum(s.calls) AS calls, sum(s.total_exec_time) AS ms
FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid
GROUP BY r.rolname ORDER BY ms DESC
"""
_TOP = """
SELECT r.rolname AS role, s.calls, s.total_exec_time AS ms, s.query
FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid
ORDER BY s.total_exec_time DESC LIMIT $1
"""
_COMMITS = "SELECT sum(xact_commit) FROM pg_stat_database"


async def _admin(stack: Stack) -> asyncpg.Connection:
    assert stack.postgres is not None, "bench.statements needs the embedded PostgreSQL"
    return await asyncpg.connect(to_plain_url(stack.postgres.url))


async def _reset(stack: Stack) -> int:
    conn = await _admin(stack)
    try:
        await conn.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements")
        await conn.execute("SELECT pg_stat_statements_reset()")
        return int(await conn.fetchval(_COMMITS))
    finally:
        await conn.close()


async def _read(stack: Stack, top: int) -> tuple[list[asyncpg.Record], list[asyncpg.Record], int]:
    conn = await _admin(stack)
    try:
        return await conn.fetch(_BY_ROLE), await conn.fetch(_TOP, top), int(await conn.fetchval(_COMMITS))
    finally:
        await conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--orders", type=int, default=400)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="channelhub-statements-") as tmp:
        config = StackConfig.for_tests(Path(tmp))
        if config.database_url is not None:
            raise SystemExit("bench.statements preloads pg_stat_statements: it needs the embedded PostgreSQL")
        config.extra_env["LOG_LEVEL"] = "WARNING"
        config.postgres_settings = {
            "shared_preload_libraries": "pg_stat_statements",
            "pg_stat_statements.track": "all",  # statements inside functions and DO blocks too
        }
        stack = Stack(config)
        try:
            stack.start()
            with httpx.Client(base_url=stack.gateway_url, timeout=30) as http:
                api = Api(http, admin_key=config.admin_key)
                reseller = api.onboard_reseller(country="NL")
                skus = [api.create_sku()["sku"] for _ in range(5)]
                api.check_reseller_may_order(reseller)
                body = json.dumps(order_body(api, reseller, skus)).encode()
            auth = {"Authorization": f"Bearer {reseller.key}", "Content-Type": "application/json"}
            asyncio.run(place(stack.gateway_url, auth, body, 40, 4))  # warm: caches, prepared statements
            while asyncio.run(orders_not_invoiced(stack)):
                time.sleep(0.2)
            time.sleep(3)
            commits_before = asyncio.run(_reset(stack))
            asyncio.run(place(stack.gateway_url, auth, body, args.orders, args.clients))
            deadline = time.monotonic() + 120
            while asyncio.run(orders_not_invoiced(stack)) and time.monotonic() < deadline:
                time.sleep(0.2)
            time.sleep(3)  # what the invoices cause in turn (reports, notifications, onboarding)
            by_role, top, commits_after = asyncio.run(_read(stack, args.top))
        finally:
            stack.stop()
    n = args.orders
    print(f"{n} orders by {args.clients} clients; per order:")
    print(f"  transactions committed (all roles): {(commits_after - commits_before) / n:.1f}")
    print(f"  {'role':<28}{'statements':>12}{'exec ms':>10}")
    for r in by_role:
        print(f"  {r['role']:<28}{r['calls'] / n:>12.1f}{r['ms'] / n:>10.3f}")
    print(f"\nthe {args.top} statements that cost the most execution time:")
    print(f"  {'role':<22}{'calls/order':>12}{'ms/order':>10}  statement")
    for r in top:
        query = " ".join(r["query"].split())[:150]
        print(f"  {r['role']:<22}{r['calls'] / n:>12.2f}{r['ms'] / n:>10.3f}  {query}")


if __name__ == "__main__":
    main()
