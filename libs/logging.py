"""Structured JSON logs carrying the request id and the correlation id.

The ids live in context variables: the HTTP middleware binds them per request,
the consumer runner binds the correlation id of each event it handles, and the
outbox reads it when an event is written, so one id follows a request from the
gateway through every event it causes.
"""

from __future__ import annotations

import logging
import re
import sys
from contextvars import ContextVar

import structlog
from structlog.typing import EventDict, WrappedLogger

correlation_id_var: ContextVar[str | None] = ContextVar("correlation_id", default=None)
request_id_var: ContextVar[str | None] = ContextVar("request_id", default=None)


def _add_ids(_logger: WrappedLogger, _name: str, event: EventDict) -> EventDict:
    if (cid := correlation_id_var.get()) is not None:
        event.setdefault("correlation_id", cid)
    if (rid := request_id_var.get()) is not None:
        event.setdefault("request_id", rid)
    return event


# a credential that travels in a path (the deprecated seat-activation route): never written to a log
_SECRET_IN_PATH = re.compile(r"(/seat-invitations/)(?!activate\b)[^/?#]+")


def redact_path(path: str) -> str:
    return _SECRET_IN_PATH.sub(r"\1[redacted]", path)


def _redact(_logger: WrappedLogger, _name: str, event: EventDict) -> EventDict:
    for key in ("path", "instance", "url"):
        value = event.get(key)
        if isinstance(value, str):
            event[key] = redact_path(value)
    return event


def configure_logging(service: str, level: str = "INFO", json: bool = True) -> None:
    renderer = structlog.processors.JSONRenderer() if json else structlog.dev.ConsoleRenderer()
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            _add_ids,
            _redact,
            structlog.processors.format_exc_info,
            renderer,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(level.upper())),
        logger_factory=structlog.PrintLoggerFactory(file=sys.stderr),
        cache_logger_on_first_use=True,
    )
    structlog.contextvars.bind_contextvars(service=service)
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)


def get_logger(name: str | None = None) -> structlog.stdlib.BoundLogger:
    return structlog.get_logger(name)
