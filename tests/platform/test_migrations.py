"""Every service's models match what its migrations built (no forgotten migration)."""

from __future__ import annotations

import asyncio

import pytest

from libs.migrations import schema_drift
from services.registry import spec_of
from tools.devstack.stack import SERVICES, Stack


@pytest.mark.parametrize("service", SERVICES)
def test_models_and_migrations_agree(stack: Stack, service: str) -> None:
    metadata = spec_of(service).tables.outbox.metadata
    assert asyncio.run(schema_drift(metadata, stack.service_urls[service])) == []
