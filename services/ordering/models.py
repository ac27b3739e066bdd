"""Ordering's tables (schema `ordering`): catalog, price lists, orders, and read models."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from libs.db import EnumText, one_of, service_metadata
from libs.events.onboarding import ResellerStatus, Standing
from libs.events.ordering import SubscriptionStatus
from libs.outbox import Outbox
from libs.platform_tables import platform_tables
from libs.tenancy import TenantScope
from services.ordering.domain.order_states import OrderStatus
from services.ordering.domain.subscription_states import ChargeStatus


class Base(DeclarativeBase):
    metadata = service_metadata("ordering")


TABLES = platform_tables(Base.metadata)
OUTBOX = Outbox(TABLES.outbox, "ordering")
Amount = sa.Numeric(18, 4)
Percent = sa.Numeric(5, 2)
Timestamp = sa.DateTime(timezone=True)


class Product(Base):
    __tablename__ = "products"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    code: Mapped[str] = mapped_column(sa.Text, unique=True)
    name: Mapped[str] = mapped_column(sa.Text)
    family: Mapped[str] = mapped_column(sa.Text)
    team_customers_allowed: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(Timestamp, server_default=sa.func.now())


class Sku(Base):
    __tablename__ = "skus"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    sku: Mapped[str] = mapped_column(sa.Text, unique=True)
    product_code: Mapped[str] = mapped_column(sa.ForeignKey("products.code"))
    name: Mapped[str] = mapped_column(sa.Text)
    billing_plan: Mapped[str] = mapped_column(sa.Text)
    seat_based: Mapped[bool] = mapped_column(default=False)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(Timestamp, server_default=sa.func.now())
    prices: Mapped[list[SkuPrice]] = relationship(lazy="raise", order_by="SkuPrice.effective_from")


class SkuPrice(Base):
    """A price-list entry: MSRP per currency from a date on. Orders copy the price they used."""

    __tablename__ = "sku_prices"
    __table_args__ = (sa.UniqueConstraint("sku_id", "currency", "effective_from"),)
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    sku_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("skus.id"), index=True)
    currency: Mapped[str] = mapped_column(sa.String(3))
    amount: Mapped[Decimal] = mapped_column(Amount)
    effective_from: Mapped[date]
    created_at: Mapped[datetime] = mapped_column(Timestamp, server_default=sa.func.now())


class ResellerView(Base):
    """What ordering knows of a reseller, built from onboarding's events (never by asking it)."""

    __tablename__ = "reseller_views"
    reseller_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    version: Mapped[int]
    company_name: Mapped[str] = mapped_column(sa.Text)
    status: Mapped[ResellerStatus] = mapped_column(EnumText(ResellerStatus))
    standing: Mapped[Standing] = mapped_column(EnumText(Standing))
    discount_percent: Mapped[Decimal] = mapped_column(Percent)
    credit_limit: Mapped[Decimal] = mapped_column(Amount)
    credit_currency: Mapped[str] = mapped_column(sa.String(3))
    country: Mapped[str] = mapped_column(sa.String(2))
    state: Mapped[str | None] = mapped_column(sa.String(2))
    vat_id: Mapped[str | None] = mapped_column(sa.Text)
    vat_id_valid: Mapped[bool]
    policy_version_accepted: Mapped[int | None]
    exemption: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    updated_at: Mapped[datetime] = mapped_column(Timestamp, server_default=sa.func.now())


class PolicyView(Base):
    """The current reseller policy version, from onboarding's events."""

    __tablename__ = "policy_views"
    policy: Mapped[str] = mapped_column(sa.Text, primary_key=True)
    version: Mapped[int]


class CustomerView(Base):
    """Which reseller owns which customer, from onboarding's customer events."""

    __tablename__ = "customer_views"
    customer_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    reseller_id: Mapped[uuid.UUID] = mapped_column(index=True)
    version: Mapped[int]
    kind: Mapped[str] = mapped_column(sa.Text)
    name: Mapped[str] = mapped_column(sa.Text)
    domain: Mapped[str | None] = mapped_column(sa.Text)
    # R-CU-1: only a customer on a commercial edition can be sold to
    edition: Mapped[str] = mapped_column(sa.Text, default="commercial", server_default="commercial")
    # R-CU-6: a customer's first order is not fulfilled before it accepted the terms of service
    terms_accepted: Mapped[bool] = mapped_column(default=False, server_default=sa.false())


class Order(Base):
    # a reseller's orders; a customer the orders shipped to it
    __tenant__ = TenantScope(reseller="reseller_id", customer="customer_id")
    __tablename__ = "orders"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    reseller_id: Mapped[uuid.UUID] = mapped_column(index=True)  # bill-to
    customer_id: Mapped[uuid.UUID | None] = mapped_column(index=True)  # ship-to / licensee
    ship_to: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    status: Mapped[OrderStatus] = mapped_column(EnumText(OrderStatus), default=OrderStatus.PLACED)
    currency: Mapped[str] = mapped_column(sa.String(3))
    payment_method: Mapped[str] = mapped_column(sa.Text)
    payment_requirement: Mapped[str] = mapped_column(sa.Text)
    net_total: Mapped[Decimal] = mapped_column(Amount)
    tax_total: Mapped[Decimal] = mapped_column(Amount)
    total: Mapped[Decimal] = mapped_column(Amount)
    tax_regime: Mapped[str] = mapped_column(sa.Text)
    tax_rate: Mapped[Decimal] = mapped_column(sa.Numeric())  # exact: 0.06875 (MN) must not round
    tax_note: Mapped[str | None] = mapped_column(sa.Text)
    placed_on: Mapped[date]
    handed_over_note: Mapped[str | None] = mapped_column(sa.Text)
    cancellation_reason: Mapped[str | None] = mapped_column(sa.Text)
    paid_on: Mapped[date | None]  # billing's OrderPaid (R-BI-2/3)
    license_id: Mapped[uuid.UUID | None]  # the permanent license from licensing (R-LI-1)
    # R-CU-6: released (paid or on account) but its customer has not accepted the terms of service
    # yet (or is not known yet): licensing is told of the release once it has
    awaiting_terms: Mapped[bool] = mapped_column(default=False, server_default=sa.false())
    created_at: Mapped[datetime] = mapped_column(Timestamp, server_default=sa.func.now())
    lines: Mapped[list[OrderLine]] = relationship(lazy="raise", order_by="OrderLine.line_no")

    # keyset pages (libs.pagination: newest first by created_at, id) read an index range, never
    # the whole tenant: a page costs the same at 10^6 orders as at 10^3 (bench/keyset.py)
    __table_args__ = (
        sa.Index("ix_orders_reseller_page", "reseller_id", "created_at", "id"),
        sa.Index("ix_orders_page", "created_at", "id"),
    )


class OrderLine(Base):
    __tablename__ = "order_lines"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    order_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("orders.id"), index=True)
    line_no: Mapped[int]
    sku: Mapped[str] = mapped_column(sa.Text)
    product: Mapped[str] = mapped_column(sa.Text)
    quantity: Mapped[int]
    unit_msrp: Mapped[Decimal] = mapped_column(Amount)
    discount_percent: Mapped[Decimal] = mapped_column(Percent)
    unit_price: Mapped[Decimal] = mapped_column(Amount)
    net: Mapped[Decimal] = mapped_column(Amount)
    tax: Mapped[Decimal] = mapped_column(Amount)
    total: Mapped[Decimal] = mapped_column(Amount)


class Subscription(Base):
    """A seat subscription of a customer, bought and billed through its reseller (R-OR-6/7/10).

    The unit price (partner price per seat per term) is copied at creation: later price-list
    changes never alter a running subscription.
    """

    # a reseller's subscriptions; a customer the ones it holds
    __tenant__ = TenantScope(reseller="reseller_id", customer="customer_id")
    __tablename__ = "subscriptions"
    __table_args__ = (
        sa.CheckConstraint("seats >= 1", name="seats_positive"),
        sa.CheckConstraint("term_months IN (1, 12)", name="term_months_allowed"),
        one_of("status", SubscriptionStatus),
    )
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    reseller_id: Mapped[uuid.UUID] = mapped_column(index=True)
    customer_id: Mapped[uuid.UUID] = mapped_column(index=True)
    sku: Mapped[str] = mapped_column(sa.Text)
    product: Mapped[str] = mapped_column(sa.Text)
    seats: Mapped[int]
    # seats bought under prepay whose charge is not paid yet: not usable until it is (R-ON-3)
    seats_pending_payment: Mapped[int] = mapped_column(default=0, server_default="0")
    term_months: Mapped[int]
    period_start: Mapped[date]
    period_end: Mapped[date]  # exclusive
    status: Mapped[SubscriptionStatus] = mapped_column(EnumText(SubscriptionStatus))
    trial: Mapped[bool] = mapped_column(default=False)
    converted_on: Mapped[date | None]
    currency: Mapped[str] = mapped_column(sa.String(3))
    unit_msrp: Mapped[Decimal] = mapped_column(Amount)
    discount_percent: Mapped[Decimal] = mapped_column(Percent)
    unit_price: Mapped[Decimal] = mapped_column(Amount)  # partner price per seat per term
    created_at: Mapped[datetime] = mapped_column(Timestamp, server_default=sa.func.now())
    updated_at: Mapped[datetime] = mapped_column(
        Timestamp, server_default=sa.func.now(), onupdate=sa.func.now()
    )
    periods: Mapped[list[SubscriptionPeriod]] = relationship(
        lazy="raise", order_by="SubscriptionPeriod.number"
    )
    seat_purchases: Mapped[list[SeatPurchase]] = relationship(
        lazy="raise", order_by="SeatPurchase.created_at"
    )
    charges: Mapped[list[SubscriptionCharge]] = relationship(
        lazy="raise", order_by="SubscriptionCharge.created_at"
    )


class SubscriptionPeriod(Base):
    """The history of a subscription's periods: trial, first term, renewals, conversion."""

    __tablename__ = "subscription_periods"
    __table_args__ = (sa.UniqueConstraint("subscription_id", "number"),)
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    subscription_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("subscriptions.id"), index=True)
    number: Mapped[int]
    kind: Mapped[str] = mapped_column(sa.Text)  # initial | trial | renewal | conversion
    start: Mapped[date]
    end: Mapped[date]
    seats: Mapped[int]
    unit_price: Mapped[Decimal] = mapped_column(Amount)
    net: Mapped[Decimal] = mapped_column(Amount)
    tax: Mapped[Decimal] = mapped_column(Amount)
    total: Mapped[Decimal] = mapped_column(Amount)
    tax_regime: Mapped[str] = mapped_column(sa.Text)
    tax_rate: Mapped[Decimal] = mapped_column(sa.Numeric())  # exact: 0.06875 (MN) must not round
    charge_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("subscription_charges.id"))
    created_at: Mapped[datetime] = mapped_column(Timestamp, server_default=sa.func.now())


class SeatPurchase(Base):
    """Seats added during a period, charged for the remaining months only (R-OR-7)."""

    __tablename__ = "seat_purchases"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    subscription_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("subscriptions.id"), index=True)
    added: Mapped[int]
    as_of: Mapped[date]
    months_charged: Mapped[int]
    unit_price: Mapped[Decimal] = mapped_column(Amount)  # per seat per month, for information
    # per seat for the months charged: net = price_per_seat x added (null before it was recorded)
    price_per_seat: Mapped[Decimal | None] = mapped_column(Amount, nullable=True)
    # staff who dated the purchase other than the day it was made (a correction), else null
    date_corrected_by: Mapped[str | None] = mapped_column(sa.Text)
    net: Mapped[Decimal] = mapped_column(Amount)
    tax: Mapped[Decimal] = mapped_column(Amount)
    total: Mapped[Decimal] = mapped_column(Amount)
    tax_regime: Mapped[str] = mapped_column(sa.Text)
    tax_rate: Mapped[Decimal] = mapped_column(sa.Numeric())  # exact: 0.06875 (MN) must not round
    charge_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("subscription_charges.id"))
    created_at: Mapped[datetime] = mapped_column(Timestamp, server_default=sa.func.now())


class SubscriptionCharge(Base):
    """What a subscription change costs its reseller (R-ON-3/6): creation, conversion, renewal or
    seats. Billed to the reseller that owned the subscription when it was charged; prepaid ones
    are `pending_payment` until billing's payment, on-account ones `released` at once and on the
    credit line until paid (like orders)."""

    __tablename__ = "subscription_charges"
    __table_args__ = (
        sa.CheckConstraint("kind IN ('initial', 'conversion', 'renewal', 'seats')", name="charge_kind_known"),
        sa.CheckConstraint(
            "payment_requirement IN ('prepay', 'on_account')", name="charge_requirement_known"
        ),
        one_of("status", ChargeStatus, name="charge_status_known"),
    )
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    subscription_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("subscriptions.id"), index=True)
    reseller_id: Mapped[uuid.UUID] = mapped_column(index=True)  # bill-to when charged
    kind: Mapped[str] = mapped_column(sa.Text)
    seats: Mapped[int]  # the seats this charge pays for (added seats for `seats`)
    currency: Mapped[str] = mapped_column(sa.String(3))
    net: Mapped[Decimal] = mapped_column(Amount)
    tax: Mapped[Decimal] = mapped_column(Amount)
    total: Mapped[Decimal] = mapped_column(Amount)
    payment_requirement: Mapped[str] = mapped_column(sa.Text)
    status: Mapped[ChargeStatus] = mapped_column(EnumText(ChargeStatus))
    charged_on: Mapped[date]
    paid_on: Mapped[date | None]  # billing's payment (R-BI-2/3)
    created_at: Mapped[datetime] = mapped_column(Timestamp, server_default=sa.func.now())
