"""The whole suite on one machine: PostgreSQL, broker, migrations, services, gateway.

Used by `make run` (long-lived, data kept under `.data/`) and by the test
suite (throw-away data, free ports). `DATABASE_URL` / `KAFKA_BOOTSTRAP_SERVERS`
point it at real servers instead of the embedded ones.
"""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx

from libs.auth import generate_keypair
from libs.db import Database
from libs.events.base import all_topics
from libs.kafka import ensure_topics, wait_for_broker
from libs.migrations import upgrade_service
from libs.outbox.maintenance import republish_range
from services.registry import SERVICE_NAMES as SERVICES
from services.registry import spec_of
from tools.devstack.broker import EmbeddedBroker
from tools.devstack.mail import CaptureSmtp
from tools.devstack.postgres import EmbeddedPostgres
from tools.devstack.provision import create_database, drop_database, provision_service, with_database

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class StackConfig:
    data_dir: Path
    gateway_port: int = 8000
    service_ports: dict[str, int] = field(default_factory=dict)
    database_url: str | None = None  # external PostgreSQL (admin URL); None → embedded
    kafka_bootstrap: str | None = None  # external Kafka; None → embedded Tansu
    postgres_port: int = 55432
    broker_port: int = 59092
    admin_key: str = ""
    fresh_database: str | None = None  # external server: create (and later drop) this database
    extra_env: dict[str, str] = field(default_factory=dict)
    # embedded server settings beyond the defaults (e.g. bench.statements' pg_stat_statements)
    postgres_settings: dict[str, str] = field(default_factory=dict)
    ready_timeout: float = 60.0  # seconds for every process to answer /readyz at start

    @classmethod
    def for_tests(cls, data_dir: Path) -> StackConfig:
        db_url = os.environ.get("DATABASE_URL") or None
        return cls(
            data_dir=data_dir,
            gateway_port=free_port(),
            service_ports={s: free_port() for s in SERVICES},
            database_url=db_url,
            kafka_bootstrap=os.environ.get("KAFKA_BOOTSTRAP_SERVERS") or None,
            postgres_port=free_port(),
            broker_port=free_port(),
            admin_key="chk_admin_" + secrets.token_urlsafe(24),
            fresh_database=f"channelhub_test_{secrets.token_hex(4)}" if db_url else None,
            extra_env={
                "CONSUMER_BACKOFF_BASE_SECONDS": "0.05",
                "CONSUMER_MAX_ATTEMPTS": "3",
                # tests create many resellers from one address; the limit itself is tested on its own
                "CHANNELHUB_PUBLIC_RATE_LIMIT": "100000",
                "CHANNELHUB_FAILED_AUTH_RATE_LIMIT": "100000",
                "CHANNELHUB_KEY_RATE_LIMIT": "1000000",
                # webhook retries in fractions of a second: the tests watch a whole schedule run out
                # (the production schedule is checked with an injected clock in unit tests)
                "CHANNELHUB_WEBHOOK_RETRY_SCHEDULE": "0.2,0.2,0.2,0.2",
                "CHANNELHUB_WEBHOOK_POLL_SECONDS": "0.05",
                # a revoked key or a suspension reaches the gateway within this (production: 15 s);
                # the tests that revoke and suspend wait it out, so short keeps make test short
                "CHANNELHUB_API_KEY_CACHE_SECONDS": "2",
            },
        )


class Stack:
    def __init__(self, config: StackConfig) -> None:
        self.config = config
        self.postgres: EmbeddedPostgres | None = None
        self.broker: EmbeddedBroker | None = None
        self.smtp: CaptureSmtp | None = None
        self.processes: dict[str, subprocess.Popen[bytes]] = {}
        self.admin_url = ""
        self.service_urls: dict[str, str] = {}  # service → its own database URL
        self.private_key, self.public_key = generate_keypair()
        # service → service: a key pair per service; every service knows all the public halves
        self.service_keys: dict[str, tuple[str, str]] = {s: generate_keypair() for s in SERVICES}
        self.logs_dir = config.data_dir / "logs"
        self.logs_dir.mkdir(parents=True, exist_ok=True)
        if not config.service_ports:
            config.service_ports = {s: 8101 + i for i, s in enumerate(SERVICES)}

    # -- infrastructure ---------------------------------------------------

    @property
    def bootstrap(self) -> str:
        if self.config.kafka_bootstrap:
            return self.config.kafka_bootstrap
        assert self.broker is not None
        return self.broker.bootstrap

    def start_database(self) -> None:
        cfg = self.config
        if cfg.database_url:
            self.admin_url = cfg.database_url
        else:
            self.postgres = EmbeddedPostgres(
                cfg.data_dir / "postgres", cfg.postgres_port, settings=cfg.postgres_settings
            )
            self.postgres.start()
            self.admin_url = self.postgres.url
        if cfg.fresh_database:
            asyncio.run(create_database(self.admin_url, cfg.fresh_database))
            self.admin_url = with_database(self.admin_url, cfg.fresh_database)

    def start_broker(self, *, refill: bool = True) -> None:
        if not self.config.kafka_bootstrap:
            self.broker = EmbeddedBroker(self.config.broker_port, self.logs_dir / "broker.log")
            self.broker.start()
        asyncio.run(self._prepare_broker())
        if refill and self.broker is not None and self.service_urls:
            self.refill_broker()

    def refill_broker(self) -> None:
        """The embedded broker keeps nothing across a restart: re-publish every event still in the
        outboxes' retention window, as an operator would after losing a broker. Consumers dedupe
        by event id, so what they had already handled has no second effect."""
        retention = timedelta(days=int(os.environ.get("OUTBOX_RETENTION_DAYS", "7")))
        since = datetime.now(UTC) - retention

        async def refill() -> None:
            for service, url in self.service_urls.items():
                db = Database(url, pool_size=1)
                try:
                    await republish_range(db, spec_of(service).tables.outbox, since=since)
                finally:
                    await db.dispose()

        asyncio.run(refill())

    async def _prepare_broker(self) -> None:
        await wait_for_broker(self.bootstrap)
        await ensure_topics(self.bootstrap, all_topics())

    def stop_broker(self) -> None:
        if self.broker is not None:
            self.broker.stop()

    def start_mail(self) -> None:
        """Mail goes to SMTP_URL when it is set; otherwise to an embedded server that keeps it."""
        if not os.environ.get("SMTP_URL"):
            self.smtp = CaptureSmtp(self.config.data_dir / "mail", free_port())
            self.smtp.start()

    def migrate(self) -> None:
        for service in SERVICES:
            url = asyncio.run(provision_service(self.admin_url, service))
            upgrade_service(service, url)
            self.service_urls[service] = url

    # -- processes ----------------------------------------------------------

    def common_env(self) -> dict[str, str]:
        return {
            **os.environ,
            "KAFKA_BOOTSTRAP_SERVERS": self.bootstrap,
            "CHANNELHUB_INTERNAL_PUBLIC_KEY": self.public_key,
            "PYTHONUNBUFFERED": "1",
            **self.config.extra_env,
        }

    def service_env(self, service: str) -> dict[str, str]:
        return {
            **self.common_env(),
            **self.development_env(),
            "CHANNELHUB_SERVICE_DATABASE_URL": self.service_urls[service],
            "CHANNELHUB_SERVICE_TOKEN_PRIVATE_KEY": self.service_keys[service][0],
            "CHANNELHUB_SERVICE_TOKEN_PUBLIC_KEYS": self.service_public_keys_json(),
            "CHANNELHUB_SERVICE_URLS": self.listen_urls(),
        }

    def development_env(self) -> dict[str, str]:
        """What makes this a development stack: mail to the embedded server (read back through
        `GET /v1/outbound-mail`), webhooks allowed to reach http://127.0.0.1 receivers, links in mail
        pointing at this gateway. Production sets none of it."""
        env = {"CHANNELHUB_DEV_MODE": "true", "CHANNELHUB_PUBLIC_BASE_URL": self.gateway_url}
        if self.smtp is not None:
            env |= {"SMTP_URL": self.smtp.url, "CHANNELHUB_MAIL_CAPTURE_DIR": str(self.smtp.folder)}
        return env

    def service_public_keys_json(self) -> str:
        return json.dumps({s: public for s, (_private, public) in self.service_keys.items()})

    def listen_urls(self) -> str:
        return ",".join(f"{s}=http://127.0.0.1:{p}" for s, p in self.config.service_ports.items())

    def gateway_env(self) -> dict[str, str]:
        return {
            **self.common_env(),
            "CHANNELHUB_INTERNAL_PRIVATE_KEY": self.private_key,
            "CHANNELHUB_ADMIN_KEY": self.config.admin_key,
            "CHANNELHUB_SERVICE_URLS": self.listen_urls(),
        }

    def spawn(
        self, name: str, port: int, env: dict[str, str], *, service: str | None = None, root: Path = ROOT
    ) -> None:
        """Start `service` (default: `name`) as a process known as `name`, logging to logs/<name>.log;
        `root`: the checkout whose code it runs (`bench.ab` runs another commit's beside this one)."""
        log = (self.logs_dir / f"{name}.log").open("ab")
        self.processes[name] = subprocess.Popen(  # noqa: S603 - our own interpreter and module
            [sys.executable, "-m", "tools.serve", service or name, "--port", str(port)],
            cwd=root,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def start_service(self, service: str, *, root: Path = ROOT) -> None:
        self.spawn(service, self.config.service_ports[service], self.service_env(service), root=root)

    def start_gateway(self) -> None:
        self.spawn("gateway", self.config.gateway_port, self.gateway_env())

    def stop_process(self, name: str, sig: int = signal.SIGTERM) -> None:
        proc = self.processes.pop(name, None)
        if proc is None or proc.poll() is not None:
            return
        proc.send_signal(sig)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)

    def port_of(self, name: str) -> int:
        return self.config.gateway_port if name == "gateway" else self.config.service_ports[name]

    def wait_ready(self, names: list[str], timeout: float = 60.0) -> None:
        """Wait until each process answers /readyz — and is the process we started (its pid), not
        a stranger that happens to listen on the port."""
        deadline = time.monotonic() + timeout
        for name in names:
            base = f"http://127.0.0.1:{self.port_of(name)}"
            proc = self.processes.get(name)
            while True:
                if proc is not None and proc.poll() is not None:
                    raise RuntimeError(f"{name} exited:\n{self.log_tail(name)}")
                try:
                    health = httpx.get(f"{base}/healthz", timeout=2).json()
                    if proc is not None and health.get("pid") != proc.pid:
                        raise RuntimeError(f"another process answers on {base}: {health}")
                    if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                        break
                except (httpx.HTTPError, ValueError):
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError(f"{name} not ready after {timeout}s:\n{self.log_tail(name)}")
                time.sleep(0.1)

    def log_tail(self, name: str, lines: int = 40) -> str:
        path = self.logs_dir / f"{name}.log"
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) if path.exists() else ""

    # -- the whole ----------------------------------------------------------

    def start(self) -> None:
        try:
            self.start_database()
            self.start_broker()
            self.start_mail()
            self.migrate()
            if self.broker is not None:
                self.refill_broker()  # a second `make run`: the data is kept, the memory broker's is not
            for service in SERVICES:
                self.start_service(service)
            self.start_gateway()
            self.wait_ready([*SERVICES, "gateway"], timeout=self.config.ready_timeout)
        except BaseException:
            self.stop()
            raise

    @property
    def gateway_url(self) -> str:
        return f"http://127.0.0.1:{self.config.gateway_port}"

    def stop(self) -> None:
        for name in ["gateway", *reversed(SERVICES)]:
            self.stop_process(name)
        self.stop_broker()
        if self.smtp is not None:
            self.smtp.stop()
            self.smtp = None
        if self.config.fresh_database and self.admin_url:
            base = self.config.database_url
            assert base is not None
            try:
                asyncio.run(drop_database(base, self.config.fresh_database))
            except Exception as exc:  # leave a note rather than hide the test result
                print(f"could not drop {self.config.fresh_database}: {exc!r}", file=sys.stderr)
        if self.postgres is not None:
            self.postgres.stop()
