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
    receive it. Events of no tenant (the catalog) go to no partner endpoint, nor do `billing.invoice.*`
    events of WaaS invoices (the distributor's to its end customer, R-BI-6)."""
    value = envelope.get("resellerid")
    if str(envelope.get("type", "")).startswith("billing.invoice."):
        # R-BI-6: a WaaS invoice is the distributor's to the end customer; the partner cannot read it
        data = envelope.get("data")
        invoice = data.get("invoice") if isinstance(data, dict) else None
        if isinstance(invoice, dict) and invoice.get("kind") == "waas":
            return None
    return str(value) if value else None
