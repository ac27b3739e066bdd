"""Transactional outbox: events are rows written in the state change's own transaction."""

from libs.outbox.record import Emission, Outbox, record_event, record_events

__all__ = ["Emission", "Outbox", "record_event", "record_events"]
