"""Reports' read models (schema `reports`), fed only by events — no other service's schema is read —
and the sell-out reports the monthly job froze (R-WA-9)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from libs.db import EnumText, JSONBOf, one_of, service_metadata
from libs.events.billing import InvoiceStatus
from libs.events.leasing import ContractStatus
from libs.events.onboarding import ResellerStatus, Standing
from libs.events.ordering import SubscriptionStatus
from libs.outbox import Outbox
from libs.platform_tables import platform_tables
from services.reports.domain.sellout import SellOutLine


class Base(DeclarativeBase):
    metadata = service_metadata("reports")


TABLES = platform_tables(Base.metadata)
OUTBOX = Outbox(TABLES.outbox, "reports")  # reports publish nothing; the kernel's shape has one
Amount = sa.Numeric(18, 4)
Timestamp = sa.DateTime(timezone=True)


class ResellerView(Base):
    """Onboarding's resellers as their events leave them: the reports' names and standings (a
    channel manager reads "Alpha IT B.V.", not a UUID)."""

    __tablename__ = "reseller_views"
    __table_args__ = (one_of("status", ResellerStatus), one_of("standing", Standing))
    reseller_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    version: Mapped[int]
    company_name: Mapped[str] = mapped_column(sa.Text)
    status: Mapped[ResellerStatus] = mapped_column(EnumText(ResellerStatus))
    standing: Mapped[Standing] = mapped_column(EnumText(Standing))


class SaleLine(Base):
    """One line of an order (or one subscription charge), at its net partner price."""

    __tablename__ = "sale_lines"
    __table_args__ = (sa.Index("ix_sale_lines_reseller_day", "reseller_id", "sold_on"),)
    id: Mapped[str] = mapped_column(sa.Text, primary_key=True)  # order id + line, or the charge id
    source_id: Mapped[uuid.UUID] = mapped_column(index=True)  # the order or subscription
    reseller_id: Mapped[uuid.UUID]
    product: Mapped[str] = mapped_column(sa.Text)
    sku: Mapped[str] = mapped_column(sa.Text)
    quantity: Mapped[int]
    net: Mapped[Decimal] = mapped_column(Amount)
    currency: Mapped[str] = mapped_column(sa.String(3))
    sold_on: Mapped[date]
    cancelled: Mapped[bool] = mapped_column(default=False)


class Receivable(Base):
    """An invoice as its latest billing event left it: a partner's (order, subscription) or an end
    customer's WaaS instalment (`kind` waas: the distributor's risk, reported as its own group)."""

    __tablename__ = "receivables"
    __table_args__ = (one_of("status", InvoiceStatus),)
    invoice_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    reseller_id: Mapped[uuid.UUID] = mapped_column(index=True)
    kind: Mapped[str] = mapped_column(sa.Text, default="order", server_default="order")
    number: Mapped[str] = mapped_column(sa.Text)
    status: Mapped[InvoiceStatus] = mapped_column(EnumText(InvoiceStatus))
    currency: Mapped[str] = mapped_column(sa.String(3))
    total: Mapped[Decimal] = mapped_column(Amount)
    amount_due: Mapped[Decimal] = mapped_column(Amount)
    accrues_interest: Mapped[bool] = mapped_column(default=False, server_default=sa.false())
    annual_interest_rate: Mapped[Decimal] = mapped_column(sa.Numeric(6, 4), default=0, server_default="0")
    issue_date: Mapped[date]
    due_date: Mapped[date]
    # the day a credit note took all of it back (its unpaid interest is written off from then on)
    credited_on: Mapped[date | None]
    event_time: Mapped[datetime] = mapped_column(Timestamp)


class ReceivableMovement(Base):
    """What changed what an invoice is owed, on the day it counts (issue date, the money's value
    date, the credit note's date), one row per billing event: what was owed on any past day is
    the sum of the movements up to it, and its interest follows from their dates (libs.late_interest)."""

    __tablename__ = "receivable_movements"
    event_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    invoice_id: Mapped[uuid.UUID] = mapped_column(index=True)
    kind: Mapped[str] = mapped_column(sa.Text)  # issued | payment | reversal | credit_note
    payment_id: Mapped[uuid.UUID | None]  # a payment, or the payment a reversal undoes
    day: Mapped[date]
    principal: Mapped[Decimal] = mapped_column(Amount)  # + owed more, - owed less
    interest_paid: Mapped[Decimal] = mapped_column(Amount, default=0)  # + interest received


class CommissionFigure(Base):
    __tablename__ = "commission_figures"
    commission_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    reseller_id: Mapped[uuid.UUID] = mapped_column(index=True)
    contract_id: Mapped[uuid.UUID]
    amount: Mapped[Decimal] = mapped_column(Amount)
    currency: Mapped[str] = mapped_column(sa.String(3))
    earned_on: Mapped[date]
    paid_statement_id: Mapped[uuid.UUID | None]
    paid_on: Mapped[date | None]


class SeatFigure(Base):
    __tablename__ = "seat_figures"
    __table_args__ = (one_of("status", SubscriptionStatus),)
    subscription_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    reseller_id: Mapped[uuid.UUID] = mapped_column(index=True)
    customer_id: Mapped[uuid.UUID]
    sku: Mapped[str] = mapped_column(sa.Text)
    seats: Mapped[int]
    status: Mapped[SubscriptionStatus] = mapped_column(EnumText(SubscriptionStatus))


class SeatUsage(Base):
    """Seats assigned per subscription, from licensing's seat events — kept apart from `SeatFigure`
    because they may arrive before ordering's subscription event does (two topics, two producers)."""

    __tablename__ = "seat_usage"
    subscription_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    assigned: Mapped[int]  # activated seats and pending invitations
    active: Mapped[int] = mapped_column(default=0, server_default="0")  # of them: activated (in use)


class ContractFigure(Base):
    __tablename__ = "contract_figures"
    __table_args__ = (one_of("status", ContractStatus),)
    contract_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    reseller_id: Mapped[uuid.UUID] = mapped_column(index=True)
    status: Mapped[ContractStatus] = mapped_column(EnumText(ContractStatus))
    manufacturer: Mapped[str] = mapped_column(sa.Text)
    quantity: Mapped[int]
    currency: Mapped[str] = mapped_column(sa.String(3))
    monthly_total: Mapped[Decimal] = mapped_column(Amount)
    started_on: Mapped[date | None]
    created_on: Mapped[date]


class WaasSale(Base):
    """A WaaS contract whose lease started (R-WA-9), as leasing's latest contract event left it: one
    line of its manufacturer's sell-out report for the month it started."""

    __tablename__ = "waas_sales"
    __table_args__ = (sa.Index("ix_waas_sales_manufacturer_leased_on", "manufacturer", "leased_on"),)
    contract_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    reseller_id: Mapped[uuid.UUID]
    manufacturer: Mapped[str] = mapped_column(sa.Text)
    bundle: Mapped[str] = mapped_column(sa.Text)
    hardware_model: Mapped[str] = mapped_column(sa.Text)
    units: Mapped[int]
    # both absent only from events emitted before leasing sent them (the next event brings them)
    partner_country: Mapped[str | None] = mapped_column(sa.String(2))
    customer_country: Mapped[str | None] = mapped_column(sa.String(2))
    leased_on: Mapped[date]


class SellOutReport(Base):
    """A month's sell-out for one manufacturer (R-WA-9) as the monthly job froze it, once: later
    events change the sales, never a frozen report."""

    __tablename__ = "sell_out_reports"
    manufacturer: Mapped[str] = mapped_column(sa.Text, primary_key=True)
    period: Mapped[str] = mapped_column(sa.String(7), primary_key=True)  # YYYY-MM
    rows: Mapped[list[SellOutLine]] = mapped_column(JSONBOf(list[SellOutLine]))
    frozen_as_of: Mapped[date]  # the job's day
