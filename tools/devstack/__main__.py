"""`python -m tools.devstack run|migrate|revision|platform-revision` — what `make run` and `make migrate`
call, and the migrations' generators."""

from __future__ import annotations

import argparse
import os
import secrets
import signal
import sys
import threading
from pathlib import Path

from tools.devstack.stack import ROOT, SERVICES, Stack, StackConfig, free_port
from tools.devstack.supervisor import Supervisor


def _dev_admin_key(data_dir: Path) -> str:
    """CHANNELHUB_ADMIN_KEY, or a development key kept under .data/ across runs."""
    if key := os.environ.get("CHANNELHUB_ADMIN_KEY"):
        return key
    path = data_dir / "admin_key"
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        path.write_text("chk_admin_dev_" + secrets.token_urlsafe(18))
        path.chmod(0o600)
    return path.read_text().strip()


def _config() -> StackConfig:
    data_dir = Path(os.environ.get("CHANNELHUB_DATA_DIR", ROOT / ".data"))
    return StackConfig(
        data_dir=data_dir,
        gateway_port=int(os.environ.get("CHANNELHUB_PORT", "8000")),
        database_url=os.environ.get("DATABASE_URL") or None,
        kafka_bootstrap=os.environ.get("KAFKA_BOOTSTRAP_SERVERS") or None,
        admin_key=_dev_admin_key(data_dir),
        # internal ports: whatever is free (the embedded servers are reached only through the stack)
        postgres_port=free_port(),
        broker_port=free_port(),
    )


def run() -> None:
    stack = Stack(_config())
    stop = threading.Event()

    def shutdown(signum: int, _frame: object) -> None:
        stop.set()  # the supervisor's loop ends; the main thread stops everything below

    def interrupt(signum: int, _frame: object) -> None:
        raise KeyboardInterrupt  # while starting: stack.start stops what it has started

    signal.signal(signal.SIGINT, interrupt)
    signal.signal(signal.SIGTERM, interrupt)
    print("starting ChannelHub (PostgreSQL, broker, migrations, services, gateway) …", flush=True)
    try:
        stack.start()
    except KeyboardInterrupt:
        sys.exit(1)
    signal.signal(signal.SIGINT, shutdown)
    signal.signal(signal.SIGTERM, shutdown)
    print(
        f"""
ChannelHub is up.
  gateway     {stack.gateway_url}
  API docs    {stack.gateway_url}/docs
  admin key   {stack.config.admin_key}    (CHANNELHUB_ADMIN_KEY)
  services    {", ".join(f"{s}:{p}" for s, p in stack.config.service_ports.items())}
  logs        {stack.logs_dir}/
Every process is supervised: one that dies is restarted (kill -9 one and watch it come back).
Press Ctrl-C to stop everything.""",
        flush=True,
    )
    try:
        if os.environ.get("DEMO"):  # make run DEMO=1: seed the dashboard's demo data through the API
            from tools.devstack.demo import seed

            seed(stack.gateway_url, stack.config.admin_key)
        # a process that dies is restarted with backoff; one that keeps crashing is given up on
        Supervisor.for_stack(stack, max_restarts=int(os.environ.get("CHANNELHUB_MAX_RESTARTS", "5"))).run(
            stop
        )
    finally:
        print("\nstopping ChannelHub …", flush=True)
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not leave half of it running
        stack.stop()
        print("stopped.", flush=True)


def migrate() -> None:
    stack = Stack(_config())
    try:
        stack.start_database()
        stack.migrate()
        print(f"migrated: {', '.join(SERVICES)}")
    finally:
        if stack.postgres is not None:
            stack.postgres.stop()


def revision(service: str, message: str) -> None:
    """Autogenerate a migration for `service` against a throw-away embedded PostgreSQL."""
    import asyncio
    import tempfile

    from alembic import command

    from libs.migrations import alembic_config
    from tools.devstack.postgres import EmbeddedPostgres
    from tools.devstack.provision import provision_service
    from tools.devstack.stack import free_port

    with tempfile.TemporaryDirectory(prefix="channelhub-revision-") as tmp:
        postgres = EmbeddedPostgres(Path(tmp) / "pg", free_port())
        postgres.start()
        try:
            url = asyncio.run(provision_service(postgres.url, service))
            cfg = alembic_config(service, url)
            cfg.set_main_option("file_template", "%%(year)d_%%(month).2d_%%(day).2d_%%(rev)s_%%(slug)s")
            command.upgrade(cfg, "head")
            command.revision(cfg, message=message, autogenerate=True)
        finally:
            postgres.stop()


def platform_revision(version: int) -> None:
    """One migration per service applying platform-tables `version` (libs.platform_migrations)."""
    from libs import platform_migrations
    from libs.migrations import alembic_config

    for service in SERVICES:
        cfg = alembic_config(service, "postgresql://unused")  # writing a revision needs no database
        cfg.set_main_option("file_template", "%%(year)d_%%(month).2d_%%(day).2d_%%(rev)s_%%(slug)s")
        print(platform_migrations.write_revision(cfg, version))


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tools.devstack")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("run", help="start everything (make run)")
    sub.add_parser("migrate", help="apply every service's migrations (make migrate)")
    rev = sub.add_parser("revision", help="autogenerate a migration: revision SERVICE MESSAGE")
    rev.add_argument("service", choices=SERVICES)
    rev.add_argument("message")
    plat = sub.add_parser(
        "platform-revision", help="a migration in every service for a platform-tables VERSION"
    )
    plat.add_argument("version", type=int)
    args = parser.parse_args()
    if args.command == "revision":
        revision(args.service, args.message)
    elif args.command == "platform-revision":
        platform_revision(args.version)
    else:
        {"run": run, "migrate": migrate}[args.command]()


if __name__ == "__main__":
    main()
