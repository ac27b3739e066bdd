"""Notifications' request and response shapes (API.md "Webhooks and reports")."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from libs.events import CONTRACT_EVENT_TYPES
from libs.idempotency import shown_once
from libs.jsonschema import examples
from libs.params import IsoDateTime
from services.notifications.domain.statuses import DeliveryStatus, EndpointStatus

# An endpoint subscribes to event types of the catalog (`GET /v1/webhook-event-types`): the enum.
EventTypes = Annotated[
    list[
        Annotated[
            str,
            Field(min_length=1, max_length=200, json_schema_extra={"enum": sorted(CONTRACT_EVENT_TYPES)}),
        ]
    ],
    Field(min_length=1, max_length=100),
]
Url = Annotated[str, Field(min_length=8, max_length=2000)]


class EventType(BaseModel):
    type: str
    description: str


class EventTypeCatalog(BaseModel):
    data: list[EventType]


class EndpointCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        json_schema_extra=examples(
            {
                "url": "https://erp.vandenberg-it.nl/hooks/channelhub",
                "event_types": [
                    "billing.invoice.issued.v1",
                    "billing.invoice.paid.v1",
                    "ordering.order.fulfilled.v1",
                ],
                "description": "ERP: invoices and fulfilled orders",
            }
        ),
    )
    url: Url
    event_types: EventTypes
    description: Annotated[str | None, Field(max_length=500)] = None


class EndpointPatch(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        json_schema_extra=examples(
            {
                "event_types": [
                    "billing.invoice.issued.v1",
                    "billing.invoice.paid.v1",
                    "billing.invoice.overdue.v1",
                    "ordering.order.fulfilled.v1",
                ],
                "description": "ERP: invoices (with dunning) and fulfilled orders",
            },
            {"status": "disabled"},
        ),
    )
    url: Url | None = None
    event_types: EventTypes | None = None
    description: Annotated[str | None, Field(max_length=500)] = None
    status: EndpointStatus | None = None


class Endpoint(BaseModel):
    id: uuid.UUID
    reseller_id: uuid.UUID
    url: str
    description: str | None
    event_types: list[str]
    status: EndpointStatus
    disabled_reason: str | None
    created_at: datetime
    secret: str | None = shown_once("the signing secret `whsec_…` (on creation and on rotation)")
    previous_secret_expires_at: datetime | None = None


class Attempt(BaseModel):
    number: int
    trigger: Literal["schedule", "replay"]
    started_at: datetime
    duration_ms: int
    status_code: int | None
    response_excerpt: str | None
    error: str | None
    succeeded: bool


class Delivery(BaseModel):
    id: uuid.UUID
    webhook_id: str
    event_id: uuid.UUID
    event_type: str
    subject: str
    status: DeliveryStatus
    attempts: int
    next_attempt_at: datetime | None
    last_status_code: int | None
    delivered_at: datetime | None
    created_at: datetime
    attempt_log: list[Attempt]
    payload: dict[str, Any]


class ReplayRange(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra=examples({"from": "2026-11-27T00:00:00Z", "to": "2026-11-28T00:00:00Z"}),
    )
    from_: IsoDateTime = Field(alias="from")
    to: IsoDateTime


class ReplayedRange(BaseModel):
    replayed: int


class MailAttachment(BaseModel):
    filename: str
    content_type: str
    size: int


class Mail(BaseModel):
    id: str
    subject: str
    sender: str
    recipients: list[str]
    received_at: datetime
    attachments: list[MailAttachment]


class MailWithBody(Mail):
    text: str | None
    html: str | None
