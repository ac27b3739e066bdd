"""Init container of every service pod: wait until the service's schema is at this image's Alembic head.

    python deploy/wait_for_migrations.py <service>      (env: CHANNELHUB_SERVICE_DATABASE_URL)

The migrate Job (`python -m tools.devstack migrate`) runs once per release; the Deployments
roll out at the same time. This keeps a new pod from serving before its tables exist.
It connects as the service's own role, so it also fails (and keeps waiting) until the
Job has provisioned that role. A database *ahead* of the image (a revision this image
does not know, e.g. after rolling the image back) is accepted: migrations are written
expand-then-contract, so the previous release still runs on the newer schema.
"""

from __future__ import annotations

import asyncio
import os
import re
import sys
import time

import asyncpg
from alembic.script import ScriptDirectory

from libs.db import to_plain_url
from libs.migrations import alembic_config


async def current_revisions(url: str, schema: str) -> set[str]:
    conn = await asyncpg.connect(to_plain_url(url), timeout=5)
    try:
        rows = await conn.fetch(f'SELECT version_num FROM "{schema}".alembic_version')
    finally:
        await conn.close()
    return {r["version_num"] for r in rows}


def main() -> int:
    service = sys.argv[1]
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", service):
        print(f"not a service name: {service!r}", file=sys.stderr)
        return 2
    url = os.environ["CHANNELHUB_SERVICE_DATABASE_URL"]
    scripts = ScriptDirectory.from_config(alembic_config(service, url))
    heads = set(scripts.get_heads())
    deadline = time.monotonic() + float(os.environ.get("WAIT_FOR_MIGRATIONS_SECONDS", "900"))
    while True:
        try:
            current = asyncio.run(current_revisions(url, service))
            unknown = {rev for rev in current if scripts.get_revision(rev) is None} if current else set()
            if current == heads:
                print(f"{service}: schema at head {sorted(heads)}", flush=True)
                return 0
            if current and unknown == current:
                print(f"{service}: schema ahead of this image ({sorted(current)}); starting", flush=True)
                return 0
            state = f"schema at {sorted(current) or 'nothing'}, want {sorted(heads)}"
        except Exception as exc:  # role or table not there yet, database starting, ...
            if "alembic" in str(exc).lower() and "does not exist" in str(exc):
                state = "no migrations applied yet"
            else:
                state = f"{type(exc).__name__}: {exc}"
        if time.monotonic() > deadline:
            print(f"{service}: gave up waiting for migrations ({state})", file=sys.stderr, flush=True)
            return 1
        print(f"{service}: waiting for the migrate job ({state})", flush=True)
        time.sleep(3)


if __name__ == "__main__":
    sys.exit(main())
