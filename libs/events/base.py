"""Base class of every event schema, and the registry type name → schema."""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict

EVENT_TYPES: dict[str, type[Event]] = {}


class Event(BaseModel):
    """A domain event's `data`. Subclasses set `event_type`, `topic` and `subject_field`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    event_type: ClassVar[str]  # e.g. "ordering.order.placed.v1"
    topic: ClassVar[str]  # e.g. "ordering.orders": one topic per aggregate family
    subject_field: ClassVar[str]  # the field holding the aggregate id (the Kafka key)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "event_type" in cls.__dict__:
            if cls.event_type in EVENT_TYPES:
                raise TypeError(f"event type {cls.event_type} is declared twice")
            EVENT_TYPES[cls.event_type] = cls

    @property
    def subject(self) -> str:
        return str(getattr(self, self.subject_field))


def event_model_for(event_type: str) -> type[Event] | None:
    return EVENT_TYPES.get(event_type)


def topics_of(event_types: list[str] | set[str]) -> set[str]:
    return {EVENT_TYPES[t].topic for t in event_types}


def all_topics() -> set[str]:
    return {cls.topic for cls in EVENT_TYPES.values()}
