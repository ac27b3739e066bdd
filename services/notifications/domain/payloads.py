"""What a subscriber receives of a platform event: the CloudEvents envelope as the platform carries
it, minus what is secret (a seat invitation's token is for the invitee's mailbox only)."""

from __future__ import annotations

import copy
from typing import Any

# event type → data fields never sent to webhook subscribers
SECRET_FIELDS: dict[str, frozenset[str]] = {
    "licensing.seat.assigned.v1": frozenset({"invitation_token"}),
}


def for_subscriber(envelope: dict[str, Any]) -> dict[str, Any]:
    redacted = copy.deepcopy(envelope)
    hidden = SECRET_FIELDS.get(str(redacted.get("type")), frozenset())
    data = redacted.get("data")
    if isinstance(data, dict):
        for name in hidden:
            data.pop(name, None)
    return redacted


def tenant_of(envelope: dict[str, Any]) -> str | None:
    """The reseller an event belongs to (the envelope's `resellerid` extension): only its endpoints
    receive it. Events of no tenant (the catalog) go to no partner endpoint."""
    value = envelope.get("resellerid")
    return str(value) if value else None
