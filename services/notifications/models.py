"""Notifications' tables (schema `notifications`): webhook endpoints, their deliveries and every
attempt, outbound mail, and a read model of resellers' contact addresses."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from libs.db import EnumText, one_of, service_metadata
from libs.outbox import Outbox
from libs.platform_tables import platform_tables
from libs.tenancy import TenantScope
from services.notifications.domain.statuses import DeliveryStatus, EndpointStatus, MailStatus


class Base(DeclarativeBase):
    metadata = service_metadata("notifications")


TABLES = platform_tables(Base.metadata)
OUTBOX = Outbox(TABLES.outbox, "notifications")
Timestamp = sa.DateTime(timezone=True)


class ResellerContact(Base):
    """Onboarding's reseller snapshot, as far as mail needs it."""

    __tablename__ = "reseller_contacts"
    reseller_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    version: Mapped[int]
    company_name: Mapped[str] = mapped_column(sa.Text)
    contact_email: Mapped[str] = mapped_column(sa.Text)


class WaasBillingContact(Base):
    """Leasing's contracts as notifications needs them (R-BI-6): where the end customer's invoices
    and reminders go. A contract naming no billing contact makes no mail."""

    __tablename__ = "waas_billing_contacts"
    contract_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    customer_id: Mapped[uuid.UUID]
    billing_email: Mapped[str | None] = mapped_column(sa.Text)


class WebhookEndpoint(Base):
    __tenant__ = TenantScope(reseller="reseller_id")
    __tablename__ = "webhook_endpoints"
    __table_args__ = (one_of("status", EndpointStatus),)
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    reseller_id: Mapped[uuid.UUID] = mapped_column(index=True)
    url: Mapped[str] = mapped_column(sa.Text)
    description: Mapped[str | None] = mapped_column(sa.Text)
    event_types: Mapped[list[str]] = mapped_column(ARRAY(sa.Text))
    # HMAC keys must be usable to sign, so they are kept (in the service's own schema, its role only)
    secret: Mapped[str] = mapped_column(sa.Text)
    previous_secret: Mapped[str | None] = mapped_column(sa.Text)
    previous_secret_expires_at: Mapped[datetime | None] = mapped_column(Timestamp)
    status: Mapped[EndpointStatus] = mapped_column(EnumText(EndpointStatus), default=EndpointStatus.ACTIVE)
    disabled_reason: Mapped[str | None] = mapped_column(sa.Text)
    # an endpoint that keeps timing out is backed off (not sent to until `paused_until`), alone
    consecutive_timeouts: Mapped[int] = mapped_column(default=0, server_default="0")
    paused_until: Mapped[datetime | None] = mapped_column(Timestamp)
    created_at: Mapped[datetime] = mapped_column(Timestamp, server_default=sa.func.now())
    deleted_at: Mapped[datetime | None] = mapped_column(Timestamp)


class Delivery(Base):
    """One platform event for one endpoint: its `webhook-id`, its payload, where its retries stand."""

    __tablename__ = "deliveries"
    __table_args__ = (
        sa.UniqueConstraint("endpoint_id", "event_id"),  # a redelivered platform event: no second delivery
        sa.Index("ix_deliveries_due", "next_attempt_at", postgresql_where=sa.text("status = 'pending'")),
        one_of("status", DeliveryStatus),
        sa.Index("ix_deliveries_endpoint_created", "endpoint_id", "created_at"),
        sa.Index("ix_deliveries_order", "endpoint_id", "subject", "event_time"),
    )
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    endpoint_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("webhook_endpoints.id"))
    event_id: Mapped[uuid.UUID]
    event_type: Mapped[str] = mapped_column(sa.Text)
    subject: Mapped[str] = mapped_column(sa.Text)  # the aggregate: its events go out in order
    event_time: Mapped[datetime] = mapped_column(Timestamp)
    payload: Mapped[dict[str, Any]] = mapped_column(JSONB)
    status: Mapped[DeliveryStatus] = mapped_column(EnumText(DeliveryStatus), default=DeliveryStatus.PENDING)
    attempts: Mapped[int] = mapped_column(default=0)
    # attempts made before the current retry schedule began (a range replay starts a new schedule)
    schedule_start: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(Timestamp)
    # claimed by a worker that is sending it (outside any transaction) until then; after, claimable again
    in_flight_until: Mapped[datetime | None] = mapped_column(Timestamp)
    # what the next attempt is recorded as: schedule | replay (a replay is queued, never sent in the request)
    next_trigger: Mapped[str] = mapped_column(sa.Text, default="schedule", server_default="schedule")
    last_status_code: Mapped[int | None]
    delivered_at: Mapped[datetime | None] = mapped_column(Timestamp)
    created_at: Mapped[datetime] = mapped_column(Timestamp, server_default=sa.func.now())


class DeliveryAttempt(Base):
    __tablename__ = "delivery_attempts"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    delivery_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("deliveries.id"), index=True)
    number: Mapped[int]
    trigger: Mapped[str] = mapped_column(sa.Text)  # schedule | replay
    started_at: Mapped[datetime] = mapped_column(Timestamp)
    duration_ms: Mapped[int]
    status_code: Mapped[int | None]
    response_excerpt: Mapped[str | None] = mapped_column(sa.Text)
    error: Mapped[str | None] = mapped_column(sa.Text)
    succeeded: Mapped[bool]


class OutboundMail(Base):
    """A mail to send, made from an event: composed and sent by the mail worker (its attachments are
    fetched from billing or licensing then), retried while the SMTP server or a source is down."""

    __tablename__ = "outbound_mail"
    __table_args__ = (
        sa.Index("ix_outbound_mail_due", "next_attempt_at", postgresql_where=sa.text("status = 'pending'")),
        one_of("status", MailStatus),
    )
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    dedupe_key: Mapped[str] = mapped_column(sa.Text, unique=True)  # the event and the mail it makes
    kind: Mapped[str] = mapped_column(sa.Text)  # invoice_paid | license_issued | seat_invitation | …
    reseller_id: Mapped[uuid.UUID | None]
    recipient: Mapped[str | None] = mapped_column(
        sa.Text
    )  # None: the reseller's contact, looked up when sent
    params: Mapped[dict[str, Any]] = mapped_column(JSONB)
    status: Mapped[MailStatus] = mapped_column(EnumText(MailStatus), default=MailStatus.PENDING)
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(Timestamp)
    subject: Mapped[str | None] = mapped_column(sa.Text)
    attachments: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, default=list)  # name, type, size
    last_error: Mapped[str | None] = mapped_column(sa.Text)
    sent_at: Mapped[datetime | None] = mapped_column(Timestamp)
    created_at: Mapped[datetime] = mapped_column(Timestamp, server_default=sa.func.now())
