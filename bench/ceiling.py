"""The database ceiling: the order's SQL straight through asyncpg, in a process of its own.

    python -m bench.ceiling <postgresql url> <clients> <seconds>   → one JSON line on stdout

Order row, 5 lines, outbox row, NOTIFY — one transaction, no HTTP, no ORM; the same client count
as the HTTP scenarios. Run apart from the benchmark's own process so that neither's CPU shows in
the other's figures.
"""

from __future__ import annotations

import asyncio
import json
import sys
import uuid

import asyncpg

from bench.load import drive


async def ceiling(url: str, clients: int, seconds: float) -> dict:
    pool = await asyncpg.create_pool(url, min_size=clients, max_size=clients)
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

    try:
        return await drive(transaction, clients, seconds)
    finally:
        await pool.close()


if __name__ == "__main__":
    print(json.dumps(asyncio.run(ceiling(sys.argv[1], int(sys.argv[2]), float(sys.argv[3])))))
