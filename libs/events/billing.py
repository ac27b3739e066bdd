"""Events published by billing: payments received for orders (R-BI-1, R-BI-2)."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from libs.events.base import Event

PAYMENTS = "billing.payments"


class OrderPaid(Event):
    """A bank transfer matched to an order was accepted: a prepaid order may now be released
    (R-BI-2); an on-account order is settled (R-BI-3). Keyed by the order, so the payments of
    one order keep their order on the topic."""

    event_type = "billing.order.paid.v1"
    topic = PAYMENTS
    subject_field = "order_id"
    order_id: uuid.UUID
    reseller_id: uuid.UUID
    amount: Decimal
    currency: str
    received_on: date
    invoice_id: uuid.UUID | None = None
