"""Leasing's tables (schema `leasing`): bundles (the price list), hardware requests, contracts,
commissions, and read models of onboarding's resellers and customers."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from libs.db import EnumText, JSONBOf, one_of, service_metadata
from libs.events.leasing import ContractStatus
from libs.outbox import Outbox
from libs.platform_tables import platform_tables
from libs.tenancy import TenantScope
from services.leasing.domain.contracts import ExtensionStatus, HardwareRequestStatus
from services.leasing.domain.records import CreditCheck, ReturnRecord, Signatures


class Base(DeclarativeBase):
    metadata = service_metadata("leasing")


TABLES = platform_tables(Base.metadata)
OUTBOX = Outbox(TABLES.outbox, "leasing")
Amount = sa.Numeric(18, 4)
Timestamp = sa.DateTime(timezone=True)


class ResellerView(Base):
    __tablename__ = "reseller_views"
    reseller_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    version: Mapped[int]
    company_name: Mapped[str] = mapped_column(sa.Text)
    country: Mapped[str] = mapped_column(sa.String(2))


class CustomerView(Base):
    __tablename__ = "customer_views"
    customer_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    reseller_id: Mapped[uuid.UUID] = mapped_column(index=True)
    version: Mapped[int]
    name: Mapped[str] = mapped_column(sa.Text)


class Bundle(Base):
    """A WaaS bundle of the price list (R-WA-1): hardware, Office 365, options and upgrades."""

    __tablename__ = "bundles"
    code: Mapped[str] = mapped_column(sa.Text, primary_key=True)
    name: Mapped[str] = mapped_column(sa.Text)
    manufacturer: Mapped[str] = mapped_column(sa.Text)
    hardware_model: Mapped[str] = mapped_column(sa.Text)
    currency: Mapped[str] = mapped_column(sa.String(3))
    monthly_price: Mapped[Decimal] = mapped_column(Amount)
    commission: Mapped[Decimal] = mapped_column(Amount)
    warranty_years: Mapped[int]
    max_warranty_extension_years: Mapped[int]
    office365_sku: Mapped[str] = mapped_column(sa.Text)
    office365_seats_per_unit: Mapped[int]
    options: Mapped[list[dict[str, Any]]] = mapped_column(JSONB)
    hardware_request_id: Mapped[uuid.UUID | None]  # R-WA-10: added by accepting a request
    created_at: Mapped[datetime] = mapped_column(Timestamp, server_default=sa.func.now())


class HardwareRequest(Base):
    __tenant__ = TenantScope(reseller="reseller_id", customer="customer_id")
    __tablename__ = "hardware_requests"
    __table_args__ = (one_of("status", HardwareRequestStatus),)
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    reseller_id: Mapped[uuid.UUID] = mapped_column(index=True)
    customer_id: Mapped[uuid.UUID]
    description: Mapped[str] = mapped_column(sa.Text)
    quantity: Mapped[int]
    status: Mapped[HardwareRequestStatus] = mapped_column(
        EnumText(HardwareRequestStatus), default=HardwareRequestStatus.PENDING
    )
    reason: Mapped[str | None] = mapped_column(sa.Text)
    bundle_code: Mapped[str | None] = mapped_column(sa.Text)
    decided_by: Mapped[str | None] = mapped_column(sa.Text)
    decided_at: Mapped[datetime | None] = mapped_column(Timestamp)
    created_at: Mapped[datetime] = mapped_column(Timestamp, server_default=sa.func.now())


class Contract(Base):
    """Between the distributor and the end customer (R-WA-3); `reseller_id` is the partner who sold it."""

    __tenant__ = TenantScope(reseller="reseller_id", customer="customer_id")
    __tablename__ = "contracts"
    __table_args__ = (
        sa.Index("ix_contracts_reseller_created", "reseller_id", "created_at"),
        one_of("status", ContractStatus),
    )
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    reseller_id: Mapped[uuid.UUID]
    customer_id: Mapped[uuid.UUID] = mapped_column(index=True)
    customer_country: Mapped[str] = mapped_column(sa.String(2))
    reseller_country: Mapped[str] = mapped_column(sa.String(2))
    customer_vat_id: Mapped[str | None] = mapped_column(sa.Text)  # checked (format, checksum) at creation
    billing_email: Mapped[str | None] = mapped_column(sa.Text)  # the end customer's billing contact
    status: Mapped[ContractStatus] = mapped_column(EnumText(ContractStatus), default=ContractStatus.DRAFT)
    bundle_code: Mapped[str] = mapped_column(sa.ForeignKey("bundles.code"))
    manufacturer: Mapped[str] = mapped_column(sa.Text)
    hardware_model: Mapped[str] = mapped_column(sa.Text)
    quantity: Mapped[int]
    term_months: Mapped[int]  # the total, extensions included
    delivery: Mapped[str] = mapped_column(sa.Text)  # partner | customer (R-WA-5: free either way)
    currency: Mapped[str] = mapped_column(sa.String(3))
    # the price list's lines as they stood (fixed again at activation, R-WA-4)
    bundle_price: Mapped[dict[str, Any]] = mapped_column(JSONB)
    options: Mapped[list[dict[str, Any]]] = mapped_column(JSONB)
    monthly_total: Mapped[Decimal] = mapped_column(Amount)
    commission: Mapped[Decimal | None] = mapped_column(Amount)
    warranty_years: Mapped[int]
    max_warranty_extension_years: Mapped[int]
    office365_sku: Mapped[str] = mapped_column(sa.Text)
    office365_seats: Mapped[int]
    credit_check: Mapped[CreditCheck | None] = mapped_column(JSONBOf(CreditCheck))
    signatures: Mapped[Signatures] = mapped_column(JSONBOf(Signatures), default=dict)
    start_date: Mapped[date | None]
    end_date: Mapped[date | None]
    terminated_on: Mapped[date | None]
    termination_fee: Mapped[Decimal | None] = mapped_column(Amount)
    months_remaining: Mapped[int | None]
    # R-WA-6: {effective, recorded_by, recorded_at, reason?, fee_instalments} — the platform's date,
    # or a staff correction with its reason
    termination_record: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    original_term_months: Mapped[int | None]
    # the instalments billing reported invoiced (`billing.waas_instalment.invoiced.v1`)
    billed_instalments: Mapped[list[int]] = mapped_column(
        JSONB, default=list, server_default="[]"
    )  # the term at activation (extensions earn pro rata to it)
    return_record: Mapped[ReturnRecord | None] = mapped_column(JSONBOf(ReturnRecord))
    created_at: Mapped[datetime] = mapped_column(Timestamp, server_default=sa.func.now())


class Commission(Base):
    __tablename__ = "commissions"
    __table_args__ = (sa.UniqueConstraint("contract_id", "reason", "sequence"),)
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    contract_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("contracts.id"), index=True)
    reseller_id: Mapped[uuid.UUID] = mapped_column(index=True)
    reason: Mapped[str] = mapped_column(sa.Text)  # new | renewal
    sequence: Mapped[int]  # 0 for the new contract, 1… for each extension
    amount: Mapped[Decimal] = mapped_column(Amount)
    currency: Mapped[str] = mapped_column(sa.String(3))
    earned_on: Mapped[date]
    created_at: Mapped[datetime] = mapped_column(Timestamp, server_default=sa.func.now())


class ContractExtension(Base):
    """R-WA-7: an extension the partner proposed (`proposed`) or the end customer agreed to
    (`accepted`: who and when), with the renewal commission it earned (R-WA-4)."""

    __tablename__ = "contract_extensions"
    __table_args__ = (one_of("status", ExtensionStatus),)
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    contract_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("contracts.id"), index=True)
    months: Mapped[int]
    status: Mapped[ExtensionStatus] = mapped_column(EnumText(ExtensionStatus))
    proposed_by: Mapped[str | None] = mapped_column(sa.Text)
    proposed_at: Mapped[datetime | None] = mapped_column(Timestamp)
    accepted_by: Mapped[str | None] = mapped_column(sa.Text)
    accepted_at: Mapped[datetime | None] = mapped_column(Timestamp)
    commission: Mapped[Decimal | None] = mapped_column(Amount)
    created_at: Mapped[datetime] = mapped_column(Timestamp, server_default=sa.func.now())
