"""Consuming other services' events with an exactly-once effect."""

from libs.consumer.runner import ConsumerRunner, Handler, HandlerMap

__all__ = ["ConsumerRunner", "Handler", "HandlerMap"]
