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

from libs.db import EnumText, one_of, service_metadata
from libs.events.billing import CreditNoteKind, InvoiceKind, InvoiceStatus
from libs.events.leasing import CommissionReason, ContractStatus
from libs.events.ordering import PaymentRequirement
from libs.outbox import Outbox
from libs.platform_tables import platform_tables
from libs.tenancy import TenantScope
from services.billing.domain.statuses import (
    InvoiceTaxRegime,
    PaymentSource,
    PaymentStatus,
    ReversalStatus,
    UndoneReason,
)


class Base(DeclarativeBase):
    metadata = service_metadata("billing")


TABLES = platform_tables(Base.metadata)
OUTBOX = Outbox(TABLES.outbox, "billing")
Amount = sa.Numeric(18, 4)
# interest accrues unrounded day by day; shown rounded (libs.late_interest)
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
    # grows with every fact told: onboarding keeps the newest, however the facts interleave on the way
    version: Mapped[int] = mapped_column(default=0, server_default="0")
    # the credit balance last told (R-BI-9), per currency, and its own version
    credit_balance: Mapped[dict[str, str]] = mapped_column(JSONB, default=dict, server_default="{}")
    balance_version: Mapped[int] = mapped_column(default=0, server_default="0")


class InvoiceCounter(Base):
    """The last invoice number of a year. Taken with `UPDATE … RETURNING` in the invoice's own
    transaction: concurrent invoices queue on the row, a rollback gives the number back — no gaps."""

    __tablename__ = "invoice_counters"
    year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    last_sequence: Mapped[int] = mapped_column(default=0)


class Invoice(Base):
    # a WaaS invoice is the distributor's to its end customer (R-BI-6): the customer's, not the partner's
    __tenant__ = TenantScope(
        reseller="reseller_id",
        customer="customer_id",
        reseller_sees=lambda m: m.kind != InvoiceKind.WAAS,
        customer_sees=lambda m: m.kind == InvoiceKind.WAAS,
    )
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
        one_of("kind", InvoiceKind),
        one_of("status", InvoiceStatus),
        one_of("payment_requirement", PaymentRequirement),
        one_of("tax_regime", InvoiceTaxRegime),
    )
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    number: Mapped[str] = mapped_column(sa.Text, unique=True)
    year: Mapped[int]
    sequence: Mapped[int]
    payment_reference: Mapped[str] = mapped_column(sa.Text, unique=True)
    kind: Mapped[InvoiceKind] = mapped_column(EnumText(InvoiceKind))
    reseller_id: Mapped[uuid.UUID]
    customer_id: Mapped[uuid.UUID | None]
    order_id: Mapped[uuid.UUID | None]
    subscription_id: Mapped[uuid.UUID | None]
    charge_id: Mapped[uuid.UUID | None]
    contract_id: Mapped[uuid.UUID | None]
    period: Mapped[str | None] = mapped_column(sa.Text)  # a WaaS instalment's month, or "termination"
    payment_requirement: Mapped[PaymentRequirement] = mapped_column(EnumText(PaymentRequirement))
    # `cancelled`: voided before credit notes existed (R-BI-8); a credited one is `credited`
    status: Mapped[InvoiceStatus] = mapped_column(EnumText(InvoiceStatus), default=InvoiceStatus.OPEN)
    currency: Mapped[str] = mapped_column(sa.String(3))
    net: Mapped[Decimal] = mapped_column(Amount)
    tax: Mapped[Decimal] = mapped_column(Amount)
    total: Mapped[Decimal] = mapped_column(Amount)
    tax_regime: Mapped[InvoiceTaxRegime] = mapped_column(EnumText(InvoiceTaxRegime))
    tax_rate: Mapped[Decimal] = mapped_column(sa.Numeric(7, 4))
    tax_note: Mapped[str | None] = mapped_column(sa.Text)
    principal_paid: Mapped[Decimal] = mapped_column(Amount, default=Decimal(0))
    # what credit notes took off the invoice (R-BI-8): the invoice itself is never changed
    credited: Mapped[Decimal] = mapped_column(Amount, default=Decimal(0), server_default="0")
    interest_paid: Mapped[Decimal] = mapped_column(Amount, default=Decimal(0))
    # interest is charged through `interest_accrued_to` (the latest dunning run or payment value date)
    # and recomputed from the money's value dates each time (libs.late_interest): a payment booked before
    # a dunning run but recorded after it never pays interest for days it was already at the bank
    interest_accrued: Mapped[Decimal] = mapped_column(ExactAmount, default=Decimal(0))
    interest_accrued_to: Mapped[date | None]
    annual_interest_rate: Mapped[Decimal] = mapped_column(sa.Numeric(6, 4))
    issue_date: Mapped[date]
    due_date: Mapped[date]
    overdue_since: Mapped[date | None]
    reminder_level: Mapped[int] = mapped_column(default=0)
    paid_on: Mapped[date | None]
    principal_paid_reported: Mapped[bool] = mapped_column(default=False)  # OrderPaid/ChargePaid sent
    # grows with every paid/unpaid fact told about the order: onboarding keeps the newest (R-ON-3)
    paid_fact_version: Mapped[int] = mapped_column(default=0, server_default="0")
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
    # what the upload answered: entries held for staff, pending/information entries, reversals
    report: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict, server_default="{}")
    uploaded_by: Mapped[str] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(Timestamp, server_default=sa.func.now())


class Payment(Base):
    """A bank transfer received: matched to an invoice by its structured reference, partially
    applied, or kept unmatched for staff to assign. Never dropped."""

    # a reseller's own money; customers see none
    __tenant__ = TenantScope(reseller="reseller_id")
    __tablename__ = "payments"
    __table_args__ = (
        sa.Index("ix_payments_status_created", "status", "created_at"),
        one_of("source", PaymentSource),
        one_of("status", PaymentStatus),
    )
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    source: Mapped[PaymentSource] = mapped_column(EnumText(PaymentSource))
    # the bank's identity of the entry: a second upload of it is recognised and changes nothing
    entry_key: Mapped[str | None] = mapped_column(sa.Text, unique=True)
    bank_statement_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("bank_statements.id"))
    reference: Mapped[str | None] = mapped_column(sa.Text)
    # every structured reference the transfer quoted (one transfer may pay several invoices)
    references: Mapped[list[str]] = mapped_column(JSONB, default=list, server_default="[]")
    end_to_end_id: Mapped[str | None] = mapped_column(sa.Text, index=True)
    bank_reference: Mapped[str | None] = mapped_column(sa.Text, index=True)
    amount: Mapped[Decimal] = mapped_column(Amount)
    currency: Mapped[str | None] = mapped_column(sa.String(3))
    received_on: Mapped[date]  # the value date: the day the money was at the bank (interest stops)
    debtor: Mapped[str | None] = mapped_column(sa.Text)
    status: Mapped[PaymentStatus] = mapped_column(EnumText(PaymentStatus))
    # money of the payment no invoice took: unmatched (no reseller known) or the reseller's credit
    # balance (R-BI-9), applied to its oldest open invoices
    unapplied: Mapped[Decimal] = mapped_column(Amount)
    reseller_id: Mapped[uuid.UUID | None] = mapped_column(index=True)  # whose money it is
    reversed_on: Mapped[date | None]
    recorded_by: Mapped[str] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(Timestamp, server_default=sa.func.now())


class Allocation(Base):
    """Money of a payment put on an invoice, split into principal and interest, dated by the money's
    value date. Undone (never deleted) when the payment is reversed or a credit note frees it."""

    __tablename__ = "allocations"
    __table_args__ = (one_of("undone_reason", UndoneReason),)
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    payment_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("payments.id"), index=True)
    invoice_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("invoices.id"), index=True)
    amount: Mapped[Decimal] = mapped_column(Amount)
    principal: Mapped[Decimal] = mapped_column(Amount, default=Decimal(0), server_default="0")
    interest: Mapped[Decimal] = mapped_column(Amount, default=Decimal(0), server_default="0")
    value_date: Mapped[date | None]
    # "reference", "credit-balance" or the staff member who assigned it
    assigned_by: Mapped[str] = mapped_column(sa.Text)
    undone_on: Mapped[date | None]
    undone_reason: Mapped[UndoneReason | None] = mapped_column(EnumText(UndoneReason))
    created_at: Mapped[datetime] = mapped_column(Timestamp, server_default=sa.func.now())


class PaymentReversal(Base):
    """A booked debit that reverses (RvslInd) or returns (RtrInf) an earlier credit: it undoes the
    payment it names. One per bank transaction; one that names no payment is kept for staff."""

    __tablename__ = "payment_reversals"
    __table_args__ = (one_of("status", ReversalStatus),)
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    entry_key: Mapped[str] = mapped_column(sa.Text, unique=True)
    bank_statement_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("bank_statements.id"))
    payment_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("payments.id"))
    amount: Mapped[Decimal] = mapped_column(Amount)
    currency: Mapped[str] = mapped_column(sa.String(3))
    booked_on: Mapped[date]
    reason: Mapped[str | None] = mapped_column(sa.Text)
    status: Mapped[ReversalStatus] = mapped_column(EnumText(ReversalStatus))
    created_at: Mapped[datetime] = mapped_column(Timestamp, server_default=sa.func.now())


class CreditRefund(Base):
    """Credit balance paid back to the reseller by staff (R-BI-9), taken from the payments that hold it."""

    __tablename__ = "credit_refunds"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    reseller_id: Mapped[uuid.UUID] = mapped_column(index=True)
    currency: Mapped[str] = mapped_column(sa.String(3))
    amount: Mapped[Decimal] = mapped_column(Amount)
    reason: Mapped[str] = mapped_column(sa.Text)
    refunded_on: Mapped[date]
    refunded_by: Mapped[str] = mapped_column(sa.Text)
    sources: Mapped[list[dict[str, Any]]] = mapped_column(JSONB)  # [{payment_id, amount}]
    created_at: Mapped[datetime] = mapped_column(Timestamp, server_default=sa.func.now())


class CreditNoteCounter(Base):
    """The last credit-note number of a year: its own gapless series (R-BI-8), taken like invoices'."""

    __tablename__ = "credit_note_counters"
    year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    last_sequence: Mapped[int] = mapped_column(default=0)


class CreditNote(Base):
    """What takes (part of) an issued invoice back (R-BI-8): a cancellation, a handover, an expired
    prepay order, a correction. The invoice is never changed; it counts what was credited."""

    # as its invoice: a WaaS invoice's credit notes are not the partner's
    __tenant__ = TenantScope(
        reseller="reseller_id",
        reseller_sees=lambda m: m.invoice_id.not_in(
            sa.select(Invoice.id).where(Invoice.kind == InvoiceKind.WAAS)
        ),
    )
    __tablename__ = "credit_notes"
    __table_args__ = (
        sa.UniqueConstraint("year", "sequence"),
        # one automatic credit note per invoice and cause, however often the cause's event arrives
        sa.Index(
            "uq_credit_notes_automatic",
            "invoice_id",
            "kind",
            unique=True,
            postgresql_where=sa.text("kind IN ('cancellation', 'handover', 'expiry')"),
        ),
        one_of("kind", CreditNoteKind, name="credit_note_kind"),
        sa.CheckConstraint("total > 0", name="credit_note_positive"),
    )
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    number: Mapped[str] = mapped_column(sa.Text, unique=True)
    year: Mapped[int]
    sequence: Mapped[int]
    invoice_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("invoices.id"), index=True)
    reseller_id: Mapped[uuid.UUID] = mapped_column(index=True)
    customer_id: Mapped[uuid.UUID | None]
    order_id: Mapped[uuid.UUID | None]
    kind: Mapped[CreditNoteKind] = mapped_column(EnumText(CreditNoteKind))
    reason: Mapped[str] = mapped_column(sa.Text)  # staff's words, or the cause's (free text)
    currency: Mapped[str] = mapped_column(sa.String(3))
    net: Mapped[Decimal] = mapped_column(Amount)
    tax: Mapped[Decimal] = mapped_column(Amount)
    total: Mapped[Decimal] = mapped_column(Amount)
    # what of it went back to the reseller's credit balance (the part already paid)
    refunded_to_balance: Mapped[Decimal] = mapped_column(Amount, default=Decimal(0))
    issue_date: Mapped[date]
    issued_by: Mapped[str] = mapped_column(sa.Text)
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
    credit_balance: Mapped[Decimal] = mapped_column(Amount, default=Decimal(0), server_default="0")
    # an RF reference for paying the statement total at once (allocated oldest item first)
    payment_reference: Mapped[str | None] = mapped_column(sa.Text, unique=True)
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
    __table_args__ = (one_of("status", ContractStatus),)
    contract_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    reseller_id: Mapped[uuid.UUID]
    customer_id: Mapped[uuid.UUID]
    customer_country: Mapped[str | None] = mapped_column(sa.String(2))
    status: Mapped[ContractStatus] = mapped_column(EnumText(ContractStatus))
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
    __table_args__ = (one_of("reason", CommissionReason),)
    commission_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    contract_id: Mapped[uuid.UUID]
    reseller_id: Mapped[uuid.UUID] = mapped_column(index=True)
    reason: Mapped[CommissionReason] = mapped_column(EnumText(CommissionReason))
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
