"""Onboarding's tables (schema `onboarding`)."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column

from libs.db import declarative_base_for
from libs.platform_tables import platform_tables

Base = declarative_base_for("onboarding")
TABLES = platform_tables(Base.metadata)
Money = sa.Numeric(18, 4)


def _now() -> sa.sql.elements.ColumnElement:
    return sa.func.now()


class Program(Base):
    """A reseller program: the seeds' numbers are its defaults, not constants in code."""

    __tablename__ = "programs"
    id: Mapped[str] = mapped_column(sa.Text, primary_key=True)
    name: Mapped[str] = mapped_column(sa.Text)
    is_default: Mapped[bool] = mapped_column(default=False)
    default_discount_percent: Mapped[Decimal] = mapped_column(sa.Numeric(5, 2))
    prepaid_orders_required: Mapped[int]
    payment_terms_days: Mapped[int]
    annual_interest_rate: Mapped[Decimal] = mapped_column(sa.Numeric(6, 4))
    allowed_payment_methods: Mapped[list[str]] = mapped_column(ARRAY(sa.Text))
    default_credit_limit: Mapped[Decimal] = mapped_column(Money)
    credit_currency: Mapped[str] = mapped_column(sa.String(3))


class Application(Base):
    __tablename__ = "applications"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    company_name: Mapped[str] = mapped_column(sa.Text)
    contact_email: Mapped[str] = mapped_column(sa.Text)
    country: Mapped[str] = mapped_column(sa.String(2))
    state: Mapped[str | None] = mapped_column(sa.String(2))
    vat_id: Mapped[str | None] = mapped_column(sa.Text)
    business_type: Mapped[str] = mapped_column(sa.Text)
    description: Mapped[str] = mapped_column(sa.Text)
    status: Mapped[str] = mapped_column(sa.Text, default="submitted")
    reason: Mapped[str | None] = mapped_column(sa.Text)
    reviewed_by: Mapped[str | None] = mapped_column(sa.Text)
    reviewed_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    reseller_id: Mapped[uuid.UUID | None]
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), server_default=_now())


class Reseller(Base):
    __tablename__ = "resellers"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    application_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("applications.id"), unique=True)
    program_id: Mapped[str] = mapped_column(sa.ForeignKey("programs.id"))
    company_name: Mapped[str] = mapped_column(sa.Text)
    contact_email: Mapped[str] = mapped_column(sa.Text)
    status: Mapped[str] = mapped_column(sa.Text, default="pending_policy")
    standing: Mapped[str] = mapped_column(sa.Text, default="new")
    discount_percent: Mapped[Decimal] = mapped_column(sa.Numeric(5, 2))
    paid_orders: Mapped[int] = mapped_column(default=0)
    has_overdue: Mapped[bool] = mapped_column(default=False)
    credit_limit: Mapped[Decimal] = mapped_column(Money)
    credit_currency: Mapped[str] = mapped_column(sa.String(3))
    country: Mapped[str] = mapped_column(sa.String(2))
    state: Mapped[str | None] = mapped_column(sa.String(2))
    vat_id: Mapped[str | None] = mapped_column(sa.Text)
    vat_id_valid: Mapped[bool] = mapped_column(default=False)
    policy_version_accepted: Mapped[int | None]
    version: Mapped[int] = mapped_column(default=1)  # grows with every change; events carry it
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), server_default=_now())


class PolicyVersion(Base):
    __tablename__ = "policy_versions"
    version: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    text: Mapped[str] = mapped_column(sa.Text)
    published_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), server_default=_now())


class PolicyAcceptance(Base):
    __tablename__ = "policy_acceptances"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    reseller_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("resellers.id"), index=True)
    version: Mapped[int] = mapped_column(sa.ForeignKey("policy_versions.version"))
    accepted_by: Mapped[str] = mapped_column(sa.Text)
    accepted_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))


class ApiKey(Base):
    __tablename__ = "api_keys"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    key_hash: Mapped[str] = mapped_column(sa.Text, unique=True)
    prefix: Mapped[str] = mapped_column(sa.Text)
    name: Mapped[str] = mapped_column(sa.Text)
    kind: Mapped[str] = mapped_column(sa.Text)  # reseller | customer
    role: Mapped[str] = mapped_column(sa.Text)
    reseller_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    customer_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), server_default=_now())
    revoked_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))


from libs.outbox import Outbox  # noqa: E402

OUTBOX = Outbox(TABLES.outbox, "onboarding")
