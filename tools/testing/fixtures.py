"""Pytest fixtures shared by every test: the real stack, and clients that drive the gateway.

The stack (PostgreSQL, broker, every service, the gateway) starts once per
test session, lazily — unit tests that do not ask for it never start it.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from libs.testing.api import Api
from tools.devstack.stack import Stack, StackConfig


@pytest.fixture(scope="session")
def stack(request: pytest.FixtureRequest) -> Iterator[Stack]:
    with tempfile.TemporaryDirectory(prefix="channelhub-test-") as tmp:
        s = Stack(StackConfig.for_tests(Path(tmp)))
        s.start()
        try:
            yield s
        finally:
            s.stop()
            if request.session.testsfailed:
                _kept_logs.append(keep_logs(s.logs_dir))


# A failure seen once on a loaded CI run is only diagnosable from the services' own logs, which
# live in the session's temporary directory: on a failed session they are copied out and their
# warnings and errors printed in the terminal summary (which CI keeps).
KEPT_LOGS_DIR = Path(__file__).resolve().parents[2] / ".data" / "test-logs"
_kept_logs: list[Path] = []
_NOTEWORTHY = ("warning", "error", "exception", "traceback", "critical")


def keep_logs(logs_dir: Path) -> Path:
    target = KEPT_LOGS_DIR / datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    shutil.copytree(logs_dir, target, dirs_exist_ok=True)
    return target


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for folder in _kept_logs:
        terminalreporter.section(f"the stack's logs of this failed session: {folder}")
        for log in sorted(folder.glob("*.log")):
            lines = [
                line
                for line in log.read_text(errors="replace").splitlines()
                if any(word in line.lower() for word in _NOTEWORTHY)
            ]
            for line in lines[-40:]:
                terminalreporter.write_line(f"{log.stem}: {line[:400]}")


@pytest.fixture(scope="session")
def api(stack: Stack) -> Iterator[Api]:
    with httpx.Client(base_url=stack.gateway_url, timeout=30) as client:
        yield Api(client, admin_key=stack.config.admin_key)
