"""Billing's tables (schema `billing`): invoices and their numbering, payments and their
allocations, bank statements, monthly statements, and read models of onboarding's resellers."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from libs.db import service_metadata
from libs.outbox import Outbox
from libs.platform_tables import platform_tables


class Base(DeclarativeBase):
    metadata = service_metadata("billing")


TABLES = platform_tables(Base.metadata)
OUTBOX = Outbox(TABLES.outbox, "billing")
Amount = sa.Numeric(18, 4)
# interest accrues unrounded day by day; shown rounded (domain.interest)
ExactAmount = sa.Numeric(28, 12)
Timestamp = sa.DateTime(timezone=True)


class ResellerAccount(Base):
    """Read model of onboarding's reseller snapshot: who invoices are billed to, and on which terms."""

    __tablename__ = "reseller_accounts"
    reseller_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    version: Mapped[int]
    company_name: Mapped[str] = mapped_column(sa.Text)
    contact_email: Mapped[str] = mapped_column(sa.Text)
    country: Mapped[str] = mapped_column(sa.String(2))
    state: Mapped[str | None] = mapped_column(sa.String(2))
    vat_id: Mapped[str | None] = mapped_column(sa.Text)
    payment_terms_days: Mapped[int]
    annual_interest_rate: Mapped[Decimal] = mapped_column(sa.Numeric(6, 4))


class OverdueState(Base):
    """What billing last told onboarding about a reseller (R-BI-4): published only on a change."""

    __tablename__ = "overdue_states"
    reseller_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    has_overdue: Mapped[bool] = mapped_column(default=False)
    changed_on: Mapped[date]


class InvoiceCounter(Base):
    """The last invoice number of a year. Taken with `UPDATE … RETURNING` in the invoice's own
    transaction: concurrent invoices queue on the row, a rollback gives the number back — no gaps."""

    __tablename__ = "invoice_counters"
    year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    last_sequence: Mapped[int] = mapped_column(default=0)


class Invoice(Base):
    __tablename__ = "invoices"
    __table_args__ = (
        sa.UniqueConstraint("year", "sequence"),
        # one invoice per order and per subscription charge, however often the event arrives
        sa.Index("uq_invoices_order", "order_id", unique=True, postgresql_where=sa.text("kind = 'order'")),
        sa.Index(
            "uq_invoices_charge", "charge_id", unique=True, postgresql_where=sa.text("charge_id IS NOT NULL")
        ),
        # one WaaS invoice per contract and month (and one for a termination fee)
        sa.Index(
            "uq_invoices_waas",
            "contract_id",
            "period",
            unique=True,
            postgresql_where=sa.text("kind = 'waas'"),
        ),
        sa.Index("ix_invoices_reseller_created", "reseller_id", "created_at"),
        sa.Index(
            "ix_invoices_open_due",
            "due_date",
            postgresql_where=sa.text("status IN ('open', 'partially_paid', 'overdue')"),
        ),
    )
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    number: Mapped[str] = mapped_column(sa.Text, unique=True)
    year: Mapped[int]
    sequence: Mapped[int]
    payment_reference: Mapped[str] = mapped_column(sa.Text, unique=True)
    kind: Mapped[str] = mapped_column(sa.Text)  # order | subscription | waas (to the end customer, R-BI-6)
    reseller_id: Mapped[uuid.UUID]
    customer_id: Mapped[uuid.UUID | None]
    order_id: Mapped[uuid.UUID | None]
    subscription_id: Mapped[uuid.UUID | None]
    charge_id: Mapped[uuid.UUID | None]
    contract_id: Mapped[uuid.UUID | None]
    period: Mapped[str | None] = mapped_column(sa.Text)  # a WaaS instalment's month, or "termination"
    payment_requirement: Mapped[str] = mapped_column(sa.Text)  # prepay | on_account
    status: Mapped[str] = mapped_column(sa.Text, default="open")  # open|partially_paid|paid|overdue|cancelled
    currency: Mapped[str] = mapped_column(sa.String(3))
    net: Mapped[Decimal] = mapped_column(Amount)
    tax: Mapped[Decimal] = mapped_column(Amount)
    total: Mapped[Decimal] = mapped_column(Amount)
    tax_regime: Mapped[str] = mapped_column(sa.Text)
    tax_rate: Mapped[Decimal] = mapped_column(sa.Numeric(7, 4))
    tax_note: Mapped[str | None] = mapped_column(sa.Text)
    principal_paid: Mapped[Decimal] = mapped_column(Amount, default=Decimal(0))
    interest_paid: Mapped[Decimal] = mapped_column(Amount, default=Decimal(0))
    interest_accrued: Mapped[Decimal] = mapped_column(ExactAmount, default=Decimal(0))
    interest_accrued_to: Mapped[date | None]  # the last day interest was counted for
    annual_interest_rate: Mapped[Decimal] = mapped_column(sa.Numeric(6, 4))
    issue_date: Mapped[date]
    due_date: Mapped[date]
    overdue_since: Mapped[date | None]
    reminder_level: Mapped[int] = mapped_column(default=0)
    paid_on: Mapped[date | None]
    principal_paid_reported: Mapped[bool] = mapped_column(default=False)  # OrderPaid/ChargePaid sent
    bill_to: Mapped[dict[str, Any]] = mapped_column(JSONB)
    ship_to: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    lines: Mapped[list[dict[str, Any]]] = mapped_column(JSONB)
    created_at: Mapped[datetime] = mapped_column(Timestamp, server_default=sa.func.now())


class BankStatement(Base):
    """An uploaded CAMT.053 file, once per message + statement id."""

    __tablename__ = "bank_statements"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    statement_key: Mapped[str] = mapped_column(sa.Text, unique=True)
    account_iban: Mapped[str | None] = mapped_column(sa.Text)
    entries: Mapped[int]
    uploaded_by: Mapped[str] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(Timestamp, server_default=sa.func.now())


class Payment(Base):
    """A bank transfer received: matched to an invoice by its structured reference, partially
    applied, or kept unmatched for staff to assign. Never dropped."""

    __tablename__ = "payments"
    __table_args__ = (sa.Index("ix_payments_status_created", "status", "created_at"),)
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    source: Mapped[str] = mapped_column(sa.Text)  # manual | bank_statement
    # the bank's identity of the entry: a second upload of it is recognised and changes nothing
    entry_key: Mapped[str | None] = mapped_column(sa.Text, unique=True)
    bank_statement_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("bank_statements.id"))
    reference: Mapped[str | None] = mapped_column(sa.Text)
    amount: Mapped[Decimal] = mapped_column(Amount)
    currency: Mapped[str | None] = mapped_column(sa.String(3))
    received_on: Mapped[date]
    debtor: Mapped[str | None] = mapped_column(sa.Text)
    status: Mapped[str] = mapped_column(sa.Text)  # matched | partial | unmatched
    unapplied: Mapped[Decimal] = mapped_column(Amount)  # unmatched money or an overpayment's credit
    reseller_id: Mapped[uuid.UUID | None] = mapped_column(index=True)  # whose invoice it paid
    recorded_by: Mapped[str] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(Timestamp, server_default=sa.func.now())


class Allocation(Base):
    __tablename__ = "allocations"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    payment_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("payments.id"), index=True)
    invoice_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("invoices.id"), index=True)
    amount: Mapped[Decimal] = mapped_column(Amount)
    assigned_by: Mapped[str] = mapped_column(sa.Text)  # "reference" or the staff member
    created_at: Mapped[datetime] = mapped_column(Timestamp, server_default=sa.func.now())


class Statement(Base):
    """A reseller's monthly statement of open items (R-BI-3): one per reseller, month and currency."""

    __tablename__ = "statements"
    __table_args__ = (sa.UniqueConstraint("reseller_id", "month", "currency"),)
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    reseller_id: Mapped[uuid.UUID] = mapped_column(index=True)
    month: Mapped[str] = mapped_column(sa.String(7))
    issue_date: Mapped[date]
    currency: Mapped[str] = mapped_column(sa.String(3))
    open_total: Mapped[Decimal] = mapped_column(Amount)
    items: Mapped[list[dict[str, Any]]] = mapped_column(JSONB)
    created_at: Mapped[datetime] = mapped_column(Timestamp, server_default=sa.func.now())


class CustomerAccount(Base):
    """Read model of onboarding's customers: the bill-to of WaaS invoices (R-BI-6)."""

    __tablename__ = "customer_accounts"
    customer_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    reseller_id: Mapped[uuid.UUID]
    version: Mapped[int]
    name: Mapped[str] = mapped_column(sa.Text)
    domain: Mapped[str | None] = mapped_column(sa.Text)


class WaasContract(Base):
    """Read model of leasing's contracts: what the end customer is invoiced each month (R-BI-6)."""

    __tablename__ = "waas_contracts"
    contract_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    reseller_id: Mapped[uuid.UUID]
    customer_id: Mapped[uuid.UUID]
    customer_country: Mapped[str | None] = mapped_column(sa.String(2))
    status: Mapped[str] = mapped_column(sa.Text)
    bundle: Mapped[str] = mapped_column(sa.Text)
    quantity: Mapped[int]
    currency: Mapped[str] = mapped_column(sa.String(3))
    monthly_total: Mapped[Decimal] = mapped_column(Amount)
    start_date: Mapped[date | None]
    end_date: Mapped[date | None]
    # leasing's one instalment schedule ([{n, period_start, period_end, due_date, amount}]): billing
    # invoices exactly these (R-WA-6); nothing falls due after a termination's effective date
    schedule: Mapped[list[dict[str, Any]] | None] = mapped_column(JSONB)
    terminated_on: Mapped[date | None]
    # the end customer as the contract names it (R-BI-6): VAT follows it, invoices are mailed to it
    customer_vat_id: Mapped[str | None] = mapped_column(sa.Text)
    billing_email: Mapped[str | None] = mapped_column(sa.Text)


class CommissionEntry(Base):
    """A partner commission leasing reported earned (R-WA-4), until a statement pays it out (R-BI-7)."""

    __tablename__ = "commission_entries"
    commission_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    contract_id: Mapped[uuid.UUID]
    reseller_id: Mapped[uuid.UUID] = mapped_column(index=True)
    reason: Mapped[str] = mapped_column(sa.Text)
    amount: Mapped[Decimal] = mapped_column(Amount)
    currency: Mapped[str] = mapped_column(sa.String(3))
    earned_on: Mapped[date]
    statement_id: Mapped[uuid.UUID | None]


class CommissionStatement(Base):
    """A partner's monthly commission statement: what is paid out (R-BI-7); one per month and currency."""

    __tablename__ = "commission_statements"
    __table_args__ = (sa.UniqueConstraint("reseller_id", "month", "currency"),)
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    reseller_id: Mapped[uuid.UUID] = mapped_column(index=True)
    month: Mapped[str] = mapped_column(sa.String(7))
    issue_date: Mapped[date]
    currency: Mapped[str] = mapped_column(sa.String(3))
    total: Mapped[Decimal] = mapped_column(Amount)
    lines: Mapped[list[dict[str, Any]]] = mapped_column(JSONB)
    created_at: Mapped[datetime] = mapped_column(Timestamp, server_default=sa.func.now())
