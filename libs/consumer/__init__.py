"""Consuming other services' events with an exactly-once effect."""

from libs.consumer.runner import ConsumerRunner, Handler, HandlerMap, handles

__all__ = ["ConsumerRunner", "Handler", "HandlerMap", "handles"]
