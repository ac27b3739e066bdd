"""Events published by notifications: a partner's webhook endpoint was disabled (R-PL-2)."""

from __future__ import annotations

import uuid

from libs.events.base import Event

WEBHOOKS = "notifications.webhooks"


class WebhookEndpointDisabled(Event):
    """The endpoint answered 410 Gone, or a delivery failed through its whole retry schedule: nothing
    more is sent until the partner re-enables it (`PATCH … {"status": "active"}`)."""

    event_type = "notifications.webhook_endpoint.disabled.v1"
    topic = WEBHOOKS
    subject_field = "endpoint_id"
    endpoint_id: uuid.UUID
    reseller_id: uuid.UUID
    url: str
    reason: str
