"""Consuming other services' events with an exactly-once effect, each type by its handlers in order."""

from libs.consumer.runner import (
    ConsumerRunner,
    DuplicateHandler,
    Handler,
    HandlerMap,
    Handles,
    handler_map,
    handles,
    handles_runs,
    then_handles,
)

__all__ = [
    "ConsumerRunner",
    "DuplicateHandler",
    "Handler",
    "HandlerMap",
    "Handles",
    "handler_map",
    "handles",
    "handles_runs",
    "then_handles",
]
