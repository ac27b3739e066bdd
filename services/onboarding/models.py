"""Onboarding's tables (schema `onboarding`)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from libs.db import EnumText, one_of, service_metadata
from libs.events.onboarding import BusinessType, CustomerKind, Edition, ResellerStatus, Standing
from libs.platform_tables import platform_tables
from libs.tenancy import TenantScope
from services.onboarding.domain.applications import ApplicationStatus
from services.onboarding.domain.statuses import (
    ApiKeyKind,
    ApiKeyRole,
    CustomerUserKind,
    TaxProfileChangeStatus,
)


class Base(DeclarativeBase):
    metadata = service_metadata("onboarding")


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
    __table_args__ = (one_of("business_type", BusinessType), one_of("status", ApplicationStatus))
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    company_name: Mapped[str] = mapped_column(sa.Text)
    contact_email: Mapped[str] = mapped_column(sa.Text)
    country: Mapped[str] = mapped_column(sa.String(2))
    state: Mapped[str | None] = mapped_column(sa.String(2))
    vat_id: Mapped[str | None] = mapped_column(sa.Text)
    business_type: Mapped[BusinessType] = mapped_column(EnumText(BusinessType))
    description: Mapped[str] = mapped_column(sa.Text)
    status: Mapped[ApplicationStatus] = mapped_column(
        EnumText(ApplicationStatus), default=ApplicationStatus.SUBMITTED
    )
    reason: Mapped[str | None] = mapped_column(sa.Text)
    reviewed_by: Mapped[str | None] = mapped_column(sa.Text)
    reviewed_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    reseller_id: Mapped[uuid.UUID | None]
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), server_default=_now())


class Reseller(Base):
    __tablename__ = "resellers"
    __table_args__ = (one_of("status", ResellerStatus), one_of("standing", Standing))
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    application_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("applications.id"), unique=True)
    program_id: Mapped[str] = mapped_column(sa.ForeignKey("programs.id"))
    company_name: Mapped[str] = mapped_column(sa.Text)
    contact_email: Mapped[str] = mapped_column(sa.Text)
    status: Mapped[ResellerStatus] = mapped_column(
        EnumText(ResellerStatus), default=ResellerStatus.PENDING_POLICY
    )
    standing: Mapped[Standing] = mapped_column(EnumText(Standing), default=Standing.NEW)
    discount_percent: Mapped[Decimal] = mapped_column(sa.Numeric(5, 2))
    paid_orders: Mapped[int] = mapped_column(default=0)
    has_overdue: Mapped[bool] = mapped_column(default=False)
    # the version of billing's newest overdue fact (domain.payment_facts): older ones change nothing
    overdue_version: Mapped[int] = mapped_column(default=0, server_default="0")
    # billing's credit balance (R-BI-9): [{amount, currency}], and the version it was told with
    credit_balance: Mapped[list[dict[str, str]]] = mapped_column(JSONB, default=list, server_default="[]")
    credit_balance_version: Mapped[int] = mapped_column(default=0, server_default="0")
    credit_limit: Mapped[Decimal] = mapped_column(Money)
    credit_currency: Mapped[str] = mapped_column(sa.String(3))
    country: Mapped[str] = mapped_column(sa.String(2))
    state: Mapped[str | None] = mapped_column(sa.String(2))
    vat_id: Mapped[str | None] = mapped_column(sa.Text)
    vat_id_valid: Mapped[bool] = mapped_column(default=False)
    policy_version_accepted: Mapped[int | None]
    # R-ON-1: {reason, decided_by, decided_at} when staff approved an applicant the rule excludes
    eligibility_override: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    version: Mapped[int] = mapped_column(default=1)  # grows with every change; events carry it
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), server_default=_now())


class PaidOrder(Base):
    """Billing's paid / payment-reversed facts, one row per order with the newest fact's version: a
    redelivered or repeated payment never counts twice towards R-ON-3, a reversal un-counts it."""

    __tablename__ = "paid_orders"
    order_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    reseller_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("resellers.id"), index=True)
    paid_on: Mapped[date]
    paid: Mapped[bool] = mapped_column(default=True, server_default=sa.true())
    fact_version: Mapped[int] = mapped_column(default=0, server_default="0")
    recorded_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), server_default=_now())


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
    __table_args__ = (one_of("kind", ApiKeyKind), one_of("role", ApiKeyRole))
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    key_hash: Mapped[str] = mapped_column(sa.Text, unique=True)
    prefix: Mapped[str] = mapped_column(sa.Text)
    name: Mapped[str] = mapped_column(sa.Text)
    kind: Mapped[ApiKeyKind] = mapped_column(EnumText(ApiKeyKind))
    role: Mapped[ApiKeyRole] = mapped_column(EnumText(ApiKeyRole))
    reseller_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    customer_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), server_default=_now())
    revoked_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))


class TaxProfileChange(Base):
    """A reseller's request to change its tax profile, applied only when staff approve it."""

    __tablename__ = "tax_profile_changes"
    __table_args__ = (one_of("status", TaxProfileChangeStatus),)
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    reseller_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("resellers.id"), index=True)
    country: Mapped[str] = mapped_column(sa.String(2))
    state: Mapped[str | None] = mapped_column(sa.String(2))
    vat_id: Mapped[str | None] = mapped_column(sa.Text)
    status: Mapped[TaxProfileChangeStatus] = mapped_column(
        EnumText(TaxProfileChangeStatus), default=TaxProfileChangeStatus.PENDING
    )
    requested_by: Mapped[str] = mapped_column(sa.Text)
    requested_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))
    decided_by: Mapped[str | None] = mapped_column(sa.Text)
    decided_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    reason: Mapped[str | None] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), server_default=_now())


class ExemptionCertificate(Base):
    """A US reseller's resale exemption certificates (R-ON-4): the current one has no
    `replaced_at`; replaced ones stay as history."""

    __tablename__ = "exemption_certificates"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    reseller_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("resellers.id"), index=True)
    state: Mapped[str] = mapped_column(sa.String(2))
    number: Mapped[str] = mapped_column(sa.Text)
    valid_from: Mapped[date]
    valid_until: Mapped[date]
    uploaded_by: Mapped[str] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))
    replaced_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    __table_args__ = (
        sa.Index(
            "uq_exemption_certificates_current",
            "reseller_id",
            unique=True,
            postgresql_where=sa.text("replaced_at IS NULL"),
        ),
    )


class Customer(Base):
    """An end customer of a reseller (R-CU-1..9). Domains are unique across all resellers."""

    # a customer key sees only itself
    __tenant__ = TenantScope(reseller="reseller_id", customer="id")
    __tablename__ = "customers"
    __table_args__ = (one_of("kind", CustomerKind), one_of("edition", Edition))
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    reseller_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("resellers.id"), index=True)
    kind: Mapped[CustomerKind] = mapped_column(EnumText(CustomerKind))
    name: Mapped[str] = mapped_column(sa.Text)
    domain: Mapped[str | None] = mapped_column(sa.Text, unique=True)
    primary_email: Mapped[str | None] = mapped_column(sa.Text, index=True)
    education: Mapped[bool] = mapped_column(default=False)
    # R-CU-1: the edition the customer runs today
    edition: Mapped[Edition] = mapped_column(
        EnumText(Edition), default=Edition.COMMERCIAL, server_default=Edition.COMMERCIAL.value
    )
    crm_id: Mapped[str | None] = mapped_column(sa.Text)
    language: Mapped[str | None] = mapped_column(sa.Text)
    time_zone: Mapped[str | None] = mapped_column(sa.Text)
    contacts: Mapped[dict | None] = mapped_column(JSONB)
    domain_verified_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    domain_verified_by: Mapped[str | None] = mapped_column(sa.Text)
    terms_accepted_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    terms_accepted_by: Mapped[str | None] = mapped_column(sa.Text)
    version: Mapped[int] = mapped_column(default=0)  # grows with every change; events carry it
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))


class CustomerUser(Base):
    """Who administers or uses a customer account (R-CU-8). The owning reseller is a row of
    kind `reseller` that occupies no seat; users are rows of kind `user`."""

    __tablename__ = "customer_users"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    customer_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("customers.id"), index=True)
    kind: Mapped[CustomerUserKind] = mapped_column(EnumText(CustomerUserKind))
    reseller_id: Mapped[uuid.UUID | None]
    email: Mapped[str | None] = mapped_column(sa.Text)
    admin: Mapped[bool]
    occupies_seat: Mapped[bool]
    reseller_discount_applies: Mapped[bool] = mapped_column(default=True)
    created_by: Mapped[str] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))
    __table_args__ = (sa.UniqueConstraint("customer_id", "email"), one_of("kind", CustomerUserKind))


class TransferToken(Base):
    """A purchase authorisation token a customer issued for one product family (R-CU-5).
    Only the SHA-256 hash of the token is stored."""

    __tablename__ = "transfer_tokens"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    customer_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("customers.id"), index=True)
    token_hash: Mapped[str] = mapped_column(sa.Text, unique=True)
    product_family: Mapped[str] = mapped_column(sa.Text)
    issued_by: Mapped[str] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))
    expires_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))
    used_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    used_by_reseller_id: Mapped[uuid.UUID | None]


from libs.outbox import Outbox  # noqa: E402

OUTBOX = Outbox(TABLES.outbox, "onboarding")
