"""Keyset pagination proven at scale: a list page costs the same at 10⁶ orders as at 10³.

Seeds two resellers' orders straight into ordering's table with COPY (10³ and `BENCH_KEYSET_ROWS`,
default 10⁶), then asks ordering for `GET /v1/orders?limit=50` as each — the first page and a page
by cursor — and compares the median latency of sequential calls.
"""

from __future__ import annotations

import statistics
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import asyncpg
import httpx

from libs.auth import INTERNAL_TOKEN_HEADER, Caller, sign_internal_token

COLUMNS = (
    "id reseller_id status currency payment_method payment_requirement net_total tax_total total "
    "tax_regime tax_rate placed_on created_at"
).split()
CALLS = 40


async def seed(conn: asyncpg.Connection, reseller: uuid.UUID, rows: int) -> None:
    start = datetime(2020, 1, 1, tzinfo=UTC)
    amount, rate, day = Decimal("100.00"), Decimal("0.21"), date(2020, 1, 1)

    def records():  # type: ignore[no-untyped-def]
        for n in range(rows):
            yield (
                uuid.uuid4(), reseller, "placed", "EUR", "bank_transfer", "prepay",
                amount, Decimal("21.00"), Decimal("121.00"), "eu_vat", rate, day,
                start + timedelta(seconds=n),
            )  # fmt: skip

    await conn.copy_records_to_table("orders", schema_name="ordering", columns=COLUMNS, records=records())


async def page_latency(ordering_url: str, private_key: str, reseller: uuid.UUID, *, deep: bool) -> float:
    caller = Caller(kind="reseller", roles=("reseller_admin",), reseller_id=reseller, key_id="bench")
    token = sign_internal_token(caller, private_key, audience="ordering", ttl_seconds=3600)
    async with httpx.AsyncClient(base_url=ordering_url, headers={INTERNAL_TOKEN_HEADER: token}) as client:
        params: dict[str, str | int] = {"limit": 50}
        if deep:  # a page by cursor, 200 rows down
            first = (await client.get("/v1/orders", params={"limit": 200})).json()
            cursor = first["next_cursor"]
            params["cursor"] = cursor
        timings = []
        for _ in range(CALLS):
            started = time.perf_counter()
            response = await client.get("/v1/orders", params=params)
            timings.append(time.perf_counter() - started)
            if response.status_code != 200:
                raise RuntimeError(f"{response.status_code}: {response.text[:200]}")
    return statistics.median(timings)


async def keyset(database_url: str, ordering_url: str, private_key: str, big_rows: int) -> dict:
    small, big = uuid.uuid4(), uuid.uuid4()
    conn = await asyncpg.connect(database_url)
    try:
        started = time.perf_counter()
        await seed(conn, small, 1_000)
        await seed(conn, big, big_rows)
        # vacuumed and analysed now, so that autovacuum of the fresh rows does not run during the timing
        await conn.execute("VACUUM (ANALYZE) ordering.orders")
        seeded_in = time.perf_counter() - started
    finally:
        await conn.close()
    out: dict = {"rows_small": 1_000, "rows_big": big_rows, "seed_seconds": round(seeded_in, 1)}
    for deep in (False, True):
        name = "page by cursor" if deep else "first page"
        a = await page_latency(ordering_url, private_key, small, deep=deep)
        b = await page_latency(ordering_url, private_key, big, deep=deep)
        out[name] = {
            "p50_ms_small": round(a * 1000, 2),
            "p50_ms_big": round(b * 1000, 2),
            "ratio": round(b / a, 2),
        }
    return out
