"""Pytest fixtures shared by every test: the real stack, and clients that drive the gateway.

The stack (PostgreSQL, broker, every service, the gateway) starts once per
test session, lazily — unit tests that do not ask for it never start it.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from libs.testing.api import Api
from tools.devstack.stack import Stack, StackConfig


@pytest.fixture(scope="session")
def stack() -> Iterator[Stack]:
    with tempfile.TemporaryDirectory(prefix="channelhub-test-") as tmp:
        s = Stack(StackConfig.for_tests(Path(tmp)))
        s.start()
        try:
            yield s
        finally:
            s.stop()


@pytest.fixture(scope="session")
def api(stack: Stack) -> Iterator[Api]:
    with httpx.Client(base_url=stack.gateway_url, timeout=30) as client:
        yield Api(client, admin_key=stack.config.admin_key)
