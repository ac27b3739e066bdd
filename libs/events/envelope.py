"""CloudEvents 1.0 structured JSON envelope.

Extension attributes must be lower-case alphanumerics in CloudEvents, so the
reseller id travels as `resellerid` and the correlation id as `correlationid`.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from libs.events.base import Event


def source_of(service: str) -> str:
    """The CloudEvents `source` of everything `service` publishes."""
    return f"/channelhub/{service}"


class CloudEvent(BaseModel):
    model_config = ConfigDict(extra="allow")

    specversion: Literal["1.0"] = "1.0"
    id: uuid.UUID = Field(default_factory=uuid.uuid4)
    source: str  # "/channelhub/ordering"
    type: str
    subject: str
    time: datetime
    datacontenttype: Literal["application/json"] = "application/json"
    data: dict[str, Any]
    resellerid: str | None = None
    correlationid: str | None = None

    @classmethod
    def wrap(
        cls,
        event: Event,
        *,
        service: str,
        at: datetime,
        reseller_id: Any = None,
        correlation_id: str | None = None,
    ) -> CloudEvent:
        return cls(
            source=source_of(service),
            type=event.event_type,
            subject=event.subject,
            time=at,
            data=event.model_dump(mode="json"),
            resellerid=str(reseller_id) if reseller_id else None,
            correlationid=correlation_id,
        )

    def to_bytes(self) -> bytes:
        return self.model_dump_json(exclude_none=True).encode()

    @classmethod
    def from_bytes(cls, raw: bytes) -> CloudEvent:
        return cls.model_validate_json(raw)
