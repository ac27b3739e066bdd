"""Base class of every event schema, and the registry type name → schema."""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict

EVENT_TYPES: dict[str, type[Event]] = {}


class Event(BaseModel):
    """A domain event's `data`. Subclasses set `event_type`, `topic` and `subject_field`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    event_type: ClassVar[str]  # e.g. "ordering.order.placed.v1": its prefix names the producer
    topic: ClassVar[str]  # e.g. "ordering.orders": one topic per aggregate family
    subject_field: ClassVar[str]  # the field holding the aggregate id (the Kafka key)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "event_type" in cls.__dict__:
            if cls.event_type in EVENT_TYPES:
                raise TypeError(f"event type {cls.event_type} is declared twice")
            producer_of(cls.event_type)  # a type that names no producer is refused at import
            EVENT_TYPES[cls.event_type] = cls

    @property
    def subject(self) -> str:
        return str(getattr(self, self.subject_field))


def producer_of(event_type: str) -> str:
    """The one service that may publish `event_type`: its prefix (`billing.order.paid.v1` →
    `billing`). Consumers trust an event only when its CloudEvents `source` is that service."""
    service, dot, rest = event_type.partition(".")
    if not (service and dot and rest):
        raise ValueError(f"event type {event_type!r} does not start with its producing service")
    return service


def event_model_for(event_type: str) -> type[Event] | None:
    return EVENT_TYPES.get(event_type)


def topics_of(event_types: list[str] | set[str]) -> set[str]:
    return {EVENT_TYPES[t].topic for t in event_types}


def all_topics() -> set[str]:
    return {cls.topic for cls in EVENT_TYPES.values()}
