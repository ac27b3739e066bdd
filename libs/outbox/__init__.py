"""Transactional outbox: events are rows written in the state change's own transaction."""

from libs.outbox.record import Outbox, record_event

__all__ = ["Outbox", "record_event"]
