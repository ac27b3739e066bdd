"""Events published by billing: payments received for orders and subscription charges (R-BI-1, R-BI-2)."""

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


class SubscriptionChargePaid(Event):
    """A bank transfer for a subscription charge (`ordering.subscription.*` events' `charge`) was
    accepted: a prepaid charge is released, an on-account one leaves the credit line (R-ON-3/6).
    `reseller_id` is the charge's bill-to. Keyed by the subscription."""

    event_type = "billing.subscription.charge_paid.v1"
    topic = PAYMENTS
    subject_field = "subscription_id"
    subscription_id: uuid.UUID
    charge_id: uuid.UUID
    reseller_id: uuid.UUID
    amount: Decimal
    currency: str
    received_on: date
    invoice_id: uuid.UUID | None = None
