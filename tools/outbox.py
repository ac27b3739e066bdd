"""Operators' command: `python -m tools.outbox republish SERVICE --since ISO [--until ISO]`.

Marks the service's outbox events of that range unpublished again; the running relay sends them
anew (consumers dedupe by event id). The same is available as
`POST /v1/ops/{service}/outbox/republish` through the gateway.
"""

from __future__ import annotations

import argparse
import asyncio
from datetime import datetime

from libs.db import Database
from libs.outbox.maintenance import republish_range
from libs.settings import get_settings
from services.registry import SERVICE_NAMES, spec_of


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tools.outbox")
    sub = parser.add_subparsers(dest="command", required=True)
    rep = sub.add_parser("republish")
    rep.add_argument("service", choices=SERVICE_NAMES)
    rep.add_argument("--since", type=datetime.fromisoformat, required=True)
    rep.add_argument("--until", type=datetime.fromisoformat)
    args = parser.parse_args()
    tables = spec_of(args.service).tables
    url = get_settings().service_database_url

    async def run() -> int:
        db = Database(url, pool_size=1)
        try:
            return await republish_range(db, tables.outbox, since=args.since, until=args.until)
        finally:
            await db.dispose()

    print(f"{asyncio.run(run())} events of {args.service} marked for re-publishing")


if __name__ == "__main__":
    main()
