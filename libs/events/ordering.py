"""Events published by ordering: catalog, orders, subscriptions."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict

from libs.events.base import Event


class SubscriptionStatus(StrEnum):
    """A seat subscription's status (R-OR-6/7/10): ordering's column, its API and its events."""

    ACTIVE = "active"
    TRIAL = "trial"
    EXPIRED = "expired"
    CANCELLED = "cancelled"
    PENDING_PAYMENT = "pending_payment"


class PaymentRequirement(StrEnum):
    """Whether an order or a subscription charge is paid before it is released (`prepay`, R-BI-2)
    or goes on the reseller's credit line (`on_account`, R-BI-3, R-ON-6): ordering decides it,
    its events carry it, billing's invoices keep it."""

    PREPAY = "prepay"
    ON_ACCOUNT = "on_account"


CATALOG = "ordering.catalog"
ORDERS = "ordering.orders"
SUBSCRIPTIONS = "ordering.subscriptions"


class SkuCreated(Event):
    event_type = "ordering.sku.created.v1"
    topic = CATALOG
    subject_field = "sku"
    sku: str
    product: str
    name: str
    billing_plan: Literal["perpetual", "monthly", "yearly"]
    seat_based: bool


class OrderLineData(BaseModel):
    model_config = ConfigDict(frozen=True)
    sku: str
    product: str
    quantity: int
    unit_msrp: Decimal
    discount_percent: Decimal
    unit_price: Decimal
    net: Decimal
    tax: Decimal
    total: Decimal


class ShipToData(BaseModel):
    model_config = ConfigDict(frozen=True)
    name: str
    email: str
    domain: str | None = None
    address: str | None = None


class OrderEvent(Event):
    topic = ORDERS
    subject_field = "order_id"
    order_id: uuid.UUID
    reseller_id: uuid.UUID


class OrderPlaced(OrderEvent):
    """Everything billing and licensing need: prices, tax, payment requirement, ship-to."""

    event_type = "ordering.order.placed.v1"
    customer_id: uuid.UUID | None
    ship_to: ShipToData | None
    currency: str
    payment_method: Literal["bank_transfer"]
    payment_requirement: PaymentRequirement
    lines: list[OrderLineData]
    net_total: Decimal
    tax_total: Decimal
    total: Decimal
    tax_regime: str
    tax_rate: Decimal
    tax_note: str | None
    placed_on: date


class OrderReleased(OrderEvent):
    event_type = "ordering.order.released.v1"
    customer_id: uuid.UUID | None


class OrderCustomerLinked(OrderEvent):
    """An order placed with a ship-to instead of a customer id now has its customer (R-CU-9): the
    licensee of its licenses, and what the customer's own key sees."""

    event_type = "ordering.order.customer_linked.v1"
    customer_id: uuid.UUID


class OrderFulfilled(OrderEvent):
    event_type = "ordering.order.fulfilled.v1"


class OrderCancelled(OrderEvent):
    event_type = "ordering.order.cancelled.v1"
    reason: str


class OrderHandedOver(OrderEvent):
    event_type = "ordering.order.handed_over.v1"
    note: str | None


class ChargeData(BaseModel):
    """What billing invoices for a subscription change: net, tax (decided by ordering) and total,
    billed to the event's reseller. `payment_requirement` as for orders (R-ON-3/6): a prepaid charge
    is usable once billing reports it paid (`billing.subscription.charge_paid.v1`, naming
    `charge_id`); an on-account one at once, and it uses the credit line until it is paid."""

    model_config = ConfigDict(frozen=True)
    charge_id: uuid.UUID
    payment_requirement: PaymentRequirement
    net: Decimal
    tax: Decimal
    total: Decimal
    tax_regime: str
    tax_rate: Decimal
    tax_note: str | None


class SubscriptionEvent(Event):
    """Every subscription event carries what licensing (seats, period) and billing (amounts) need."""

    topic = SUBSCRIPTIONS
    subject_field = "subscription_id"
    subscription_id: uuid.UUID
    reseller_id: uuid.UUID
    customer_id: uuid.UUID
    sku: str
    product: str
    seats: int
    term_months: Literal[1, 12]
    status: SubscriptionStatus
    seats_pending_payment: int = 0  # of `seats`, bought under prepay and not paid yet: not usable
    period_start: date
    period_end: date
    currency: str
    unit_price: Decimal  # partner price per seat per term


class SubscriptionCreated(SubscriptionEvent):
    event_type = "ordering.subscription.created.v1"
    trial: bool
    charge: ChargeData | None  # None for a free trial (R-OR-10)


class SubscriptionRenewed(SubscriptionEvent):
    event_type = "ordering.subscription.renewed.v1"
    period_number: int
    charge: ChargeData


class SubscriptionSeatsAdded(SubscriptionEvent):
    """Seats bought during a period, charged for the remaining whole months (R-OR-7)."""

    event_type = "ordering.subscription.seats_added.v1"
    added: int
    as_of: date
    months_charged: int
    unit_price_per_month: Decimal
    charge: ChargeData | None  # None while the subscription is a free trial


class SubscriptionConverted(SubscriptionEvent):
    """A trial became a paid subscription; its first paid period starts on the conversion day."""

    event_type = "ordering.subscription.converted.v1"
    charge: ChargeData


class SubscriptionExpired(SubscriptionEvent):
    """A trial ended without being converted: its seats must be released."""

    event_type = "ordering.subscription.expired.v1"


class SubscriptionChargeReleased(SubscriptionEvent):
    """Billing reported a prepaid charge paid: what it paid for is usable now — the subscription
    (`initial`, `conversion`: status active), the seats (`seats`) or the renewed period (`renewal`)."""

    event_type = "ordering.subscription.charge_released.v1"
    charge_id: uuid.UUID
    kind: Literal["initial", "conversion", "renewal", "seats"]
    charge_reseller_id: uuid.UUID  # bill-to of the charge (the subscription may have moved since)


class SubscriptionTransferred(SubscriptionEvent):
    """The customer was imported by another reseller (R-CU-5): the subscription and its future
    charges now belong to `reseller_id`; charges made before stay billed to `from_reseller_id`."""

    event_type = "ordering.subscription.transferred.v1"
    from_reseller_id: uuid.UUID
