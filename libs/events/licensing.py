"""Events published by licensing: licenses issued for orders (R-LI-1, R-LI-3)."""

from __future__ import annotations

import uuid

from libs.events.base import Event

LICENSES = "licensing.licenses"


class LicenseIssued(Event):
    """A license was issued for an order and attached to the customer's account. A permanent
    license (R-LI-1) fulfils the order; a temporary one, issued while a prepayment is still
    awaited (R-LI-3), does not."""

    event_type = "licensing.license.issued.v1"
    topic = LICENSES
    subject_field = "license_id"
    license_id: uuid.UUID
    order_id: uuid.UUID
    reseller_id: uuid.UUID
    customer_id: uuid.UUID
    temporary: bool
