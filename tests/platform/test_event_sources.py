"""Every event type names its producer, and every service's handlers consume other services'
events only — the rule the consumer runner enforces on each record's `source` and topic."""

from __future__ import annotations

import importlib

import pytest

from libs.events.base import EVENT_TYPES, producer_of
from tools.devstack.stack import SERVICES


def test_every_event_type_starts_with_the_service_that_produces_it() -> None:
    assert producer_of("billing.order.paid.v1") == "billing"
    for event_type, model in EVENT_TYPES.items():
        assert model.event_type.startswith(producer_of(event_type) + ".")
    with pytest.raises(ValueError):
        producer_of("orderpaid")


@pytest.mark.parametrize("service", SERVICES)
def test_a_service_handles_only_other_services_events(service: str) -> None:
    handlers = importlib.import_module(f"services.{service}.handlers").HANDLERS
    producers = {producer_of(t) for t in handlers}
    assert service not in producers
    assert all(t in EVENT_TYPES for t in handlers)
