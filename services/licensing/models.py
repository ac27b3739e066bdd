"""Licensing's tables (schema `licensing`): licenses, seat assignments and their users, and read
models of ordering's orders and subscriptions and of onboarding's customers."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from libs.db import EnumText, one_of, service_metadata
from libs.events.ordering import SubscriptionStatus
from libs.outbox import Outbox
from libs.platform_tables import platform_tables
from libs.tenancy import TenantScope
from services.licensing.domain.licenses import LicenseStatus
from services.licensing.domain.seats import SeatStatus


class Base(DeclarativeBase):
    metadata = service_metadata("licensing")


TABLES = platform_tables(Base.metadata)
OUTBOX = Outbox(TABLES.outbox, "licensing")
Timestamp = sa.DateTime(timezone=True)


class CustomerView(Base):
    """Onboarding's customer snapshot: the licensee, and whose customer it is (R-LI-6)."""

    __tablename__ = "customer_views"
    customer_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    reseller_id: Mapped[uuid.UUID] = mapped_column(index=True)
    version: Mapped[int]
    name: Mapped[str] = mapped_column(sa.Text)
    domain: Mapped[str | None] = mapped_column(sa.Text)


class OrderView(Base):
    """What licensing keeps of an order: its lines (what to license), its customer, and whether it
    was released (R-LI-1) or is still awaiting its prepayment (R-LI-3)."""

    __tablename__ = "order_views"
    order_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    reseller_id: Mapped[uuid.UUID] = mapped_column(index=True)
    customer_id: Mapped[uuid.UUID | None]
    ship_to_name: Mapped[str | None] = mapped_column(sa.Text)
    payment_requirement: Mapped[str] = mapped_column(sa.Text)
    lines: Mapped[list[dict[str, Any]]] = mapped_column(JSONB)  # [{sku, product, quantity}]
    status: Mapped[str] = mapped_column(sa.Text)  # placed | released | cancelled
    placed_on: Mapped[date]


class SubscriptionView(Base):
    """Ordering's subscription as its latest event carried it (one topic key: events in order)."""

    __tablename__ = "subscription_views"
    subscription_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    reseller_id: Mapped[uuid.UUID] = mapped_column(index=True)
    customer_id: Mapped[uuid.UUID] = mapped_column(index=True)
    sku: Mapped[str] = mapped_column(sa.Text)
    seats: Mapped[int]
    seats_pending_payment: Mapped[int]
    status: Mapped[SubscriptionStatus] = mapped_column(EnumText(SubscriptionStatus))
    period_start: Mapped[date]
    period_end: Mapped[date]


class License(Base):
    __tenant__ = TenantScope(reseller="reseller_id", customer="customer_id")
    __tablename__ = "licenses"
    __table_args__ = (
        # R-LI-1 exactly once: one permanent license per order line, one per subscription / contract
        sa.Index(
            "uq_licenses_order_line",
            "order_id",
            "line_no",
            unique=True,
            postgresql_where=sa.text("kind = 'order' AND NOT temporary"),
        ),
        # R-LI-3: at most one active temporary license per order
        sa.Index(
            "uq_licenses_active_temporary",
            "order_id",
            unique=True,
            postgresql_where=sa.text("temporary AND status = 'active'"),
        ),
        sa.Index(
            "uq_licenses_subscription",
            "subscription_id",
            unique=True,
            postgresql_where=sa.text("kind = 'subscription'"),
        ),
        sa.Index(
            "uq_licenses_contract", "contract_id", unique=True, postgresql_where=sa.text("kind = 'waas'")
        ),
        sa.Index("ix_licenses_reseller_created", "reseller_id", "created_at"),
        sa.Index("ix_licenses_customer", "customer_id"),
        one_of("status", LicenseStatus),
    )
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    kind: Mapped[str] = mapped_column(sa.Text)  # order | subscription | waas
    order_id: Mapped[uuid.UUID | None]
    line_no: Mapped[int | None]
    subscription_id: Mapped[uuid.UUID | None]
    contract_id: Mapped[uuid.UUID | None]
    reseller_id: Mapped[uuid.UUID]
    customer_id: Mapped[uuid.UUID]
    licensee: Mapped[str] = mapped_column(sa.Text)
    sku: Mapped[str] = mapped_column(sa.Text)
    quantity: Mapped[int | None]
    seats: Mapped[int | None]
    temporary: Mapped[bool] = mapped_column(default=False)
    status: Mapped[LicenseStatus] = mapped_column(EnumText(LicenseStatus), default=LicenseStatus.ACTIVE)
    valid_from: Mapped[date]
    valid_until: Mapped[date | None]  # None: perpetual
    issued_at: Mapped[datetime] = mapped_column(Timestamp)
    replaced_by: Mapped[uuid.UUID | None]
    ended_reason: Mapped[str | None] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(Timestamp, server_default=sa.func.now())


class User(Base):
    """A person who holds seats: created by the first activation of an e-mail (R-LI-4)."""

    __tablename__ = "users"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    email: Mapped[str] = mapped_column(sa.Text, unique=True)
    created_at: Mapped[datetime] = mapped_column(Timestamp, server_default=sa.func.now())


class SeatAssignment(Base):
    __tablename__ = "seat_assignments"
    __table_args__ = (
        # one live assignment per e-mail and subscription; removed and expired ones stay as history
        sa.Index(
            "uq_seat_assignments_live",
            "subscription_id",
            "email",
            unique=True,
            postgresql_where=sa.text("status IN ('invited', 'active')"),
        ),
        one_of("status", SeatStatus),
    )
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    subscription_id: Mapped[uuid.UUID] = mapped_column(index=True)
    email: Mapped[str] = mapped_column(sa.Text)
    status: Mapped[SeatStatus] = mapped_column(EnumText(SeatStatus))
    invitation_token_hash: Mapped[str] = mapped_column(sa.Text, unique=True)  # the token itself is never kept
    invitation_expires_at: Mapped[datetime] = mapped_column(Timestamp)
    user_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("users.id"))
    assigned_by: Mapped[str] = mapped_column(sa.Text)
    assigned_at: Mapped[datetime] = mapped_column(Timestamp)
    activated_at: Mapped[datetime | None] = mapped_column(Timestamp)
    removed_at: Mapped[datetime | None] = mapped_column(Timestamp)
