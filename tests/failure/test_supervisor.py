"""`make run`'s supervisor on a small real stack (R-PL-4): PostgreSQL, the broker and one service,
each `kill -9`ed in turn — each comes back and the service serves again (waited for as a state: a new
pid answers /healthz and /readyz, never a sleep).

The stack is the test's own (killing the suite's shared one would disturb every other test)."""

from __future__ import annotations

import os
import signal
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from libs.testing.api import wait_until
from tools.devstack.stack import Stack, StackConfig
from tools.devstack.supervisor import Supervisor

pytestmark = pytest.mark.failure
SERVICE = "reports"


@pytest.fixture(scope="module")
def small_stack() -> Iterator[tuple[Stack, Supervisor, list[str]]]:
    with tempfile.TemporaryDirectory(prefix="channelhub-supervisor-") as tmp:
        stack = Stack(StackConfig.for_tests(Path(tmp)))
        console: list[str] = []
        stop = threading.Event()
        thread: threading.Thread | None = None
        try:
            stack.start_database()
            stack.start_broker()
            stack.migrate()
            stack.start_service(SERVICE)
            stack.wait_ready([SERVICE])
            supervisor = Supervisor.for_stack(stack, backoff_base=0.2, console=console.append)
            assert [u.name for u in supervisor.units] == ["postgres", "broker", SERVICE]
            thread = threading.Thread(target=supervisor.run, args=(stop,), daemon=True)
            thread.start()
            yield stack, supervisor, console
        finally:
            stop.set()
            if thread is not None:
                thread.join(30)
            stack.stop()


def serving(stack: Stack, not_pid: int) -> bool:
    base = f"http://127.0.0.1:{stack.port_of(SERVICE)}"
    try:
        pid = httpx.get(f"{base}/healthz", timeout=2).json().get("pid")
        return pid not in (None, not_pid) and httpx.get(f"{base}/readyz", timeout=2).status_code == 200
    except (httpx.HTTPError, ValueError):
        return False


def test_r_pl_4_a_killed_service_is_restarted_and_serves_again(
    small_stack: tuple[Stack, Supervisor, list[str]],
) -> None:
    stack, supervisor, console = small_stack
    old = stack.processes[SERVICE].pid
    os.kill(old, signal.SIGKILL)
    wait_until(lambda: serving(stack, old), timeout=90, what=f"{SERVICE} serving again with a new pid")
    assert supervisor.restarts(SERVICE) == 1
    assert any(line.startswith(f"{SERVICE} was killed (SIGKILL); restarting") for line in console)
    assert "[supervisor" in (stack.logs_dir / f"{SERVICE}.log").read_text()


def test_r_pl_4_a_killed_postgres_is_restarted_and_the_service_is_ready_again(
    small_stack: tuple[Stack, Supervisor, list[str]],
) -> None:
    stack, supervisor, _ = small_stack
    unit = supervisor.unit("postgres")
    old = unit.pid()
    assert old is not None
    os.kill(old, signal.SIGKILL)
    wait_until(lambda: unit.running() and unit.pid() != old, timeout=120, what="PostgreSQL started again")
    service_pid = stack.processes[SERVICE].pid
    wait_until(lambda: serving(stack, -1), timeout=60, what=f"{SERVICE} ready on the new PostgreSQL")
    assert stack.processes[SERVICE].pid == service_pid  # the service itself survived the outage


def test_r_pl_4_a_killed_broker_is_restarted_with_its_topics(
    small_stack: tuple[Stack, Supervisor, list[str]],
) -> None:
    import asyncio

    from aiokafka.admin import AIOKafkaAdminClient
    from aiokafka.errors import KafkaConnectionError

    stack, supervisor, _ = small_stack
    unit = supervisor.unit("broker")
    old = unit.pid()
    assert old is not None
    os.kill(old, signal.SIGKILL)
    wait_until(lambda: unit.running() and unit.pid() != old, timeout=60, what="the broker started again")

    async def topics() -> set[str]:
        # The new process is alive before it listens: refusing a connection
        # then is a state to wait out, not a failure.
        admin = AIOKafkaAdminClient(bootstrap_servers=stack.bootstrap)
        try:
            await admin.start()
        except KafkaConnectionError:
            await admin.close()
            return set()
        try:
            return set(await admin.list_topics())
        finally:
            await admin.close()

    wait_until(lambda: "billing.invoices" in asyncio.run(topics()), timeout=60, what="topics recreated")
