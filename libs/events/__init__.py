"""The contract between services: the CloudEvents envelope and every event schema.

Producers and consumers import the same pydantic models from here, so a change
to an event is a change to this package, reviewed in one place; the AsyncAPI
document in `openapi/` is generated from it.
"""

from libs.events.base import EVENT_TYPES, Event, event_model_for, topics_of
from libs.events.envelope import CloudEvent

# Import the contract modules so every event type registers itself.
from libs.events import billing, leasing, licensing, notifications, onboarding, ordering  # noqa: F401  isort: skip

# The published catalog: every event type of the contract modules above, taken once they are all
# imported. Partner-facing lists (webhook event types, the OpenAPI enum) read this and not the live
# registry, so an event type a test registers in its own process never leaks into the contract.
CONTRACT_EVENT_TYPES: frozenset[str] = frozenset(EVENT_TYPES)

__all__ = ["CONTRACT_EVENT_TYPES", "EVENT_TYPES", "CloudEvent", "Event", "event_model_for", "topics_of"]
