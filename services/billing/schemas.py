"""Billing's request and response shapes (API.md "Billing")."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from libs.money import MoneyIn, MoneyOut

InvoiceStatus = Literal["open", "partially_paid", "paid", "overdue", "cancelled"]
PaymentStatus = Literal["matched", "partial", "unmatched"]


class InvoiceLine(BaseModel):
    description: str
    sku: str
    quantity: int
    unit_price: MoneyOut
    net: MoneyOut
    tax: MoneyOut
    total: MoneyOut


class Party(BaseModel):
    name: str
    country: str | None = None
    vat_id: str | None = None
    email: str | None = None
    domain: str | None = None
    address: str | None = None


class BankDetails(BaseModel):
    account_holder: str
    iban: str
    bic: str


class Invoice(BaseModel):
    id: uuid.UUID
    number: str
    kind: Literal["order", "subscription", "waas"]
    order_id: uuid.UUID | None
    subscription_id: uuid.UUID | None
    charge_id: uuid.UUID | None
    contract_id: uuid.UUID | None  # a WaaS invoice to the end customer (R-BI-6)
    period: str | None  # its month, or "termination"
    reseller_id: uuid.UUID
    customer_id: uuid.UUID | None
    status: InvoiceStatus
    payment_requirement: Literal["prepay", "on_account"]
    bill_to: Party
    ship_to: Party | None
    lines: list[InvoiceLine]
    net: MoneyOut
    tax: MoneyOut
    total: MoneyOut
    interest: MoneyOut  # late-payment interest accrued so far (R-BI-4), its own amount
    amount_paid: MoneyOut
    amount_due: MoneyOut
    tax_regime: str
    tax_rate: str
    tax_note: str | None
    payment_reference: str
    bank_details: BankDetails
    issue_date: date
    due_date: date
    overdue_since: date | None
    reminder_level: int
    paid_on: date | None
    created_at: datetime


class PaymentCreate(BaseModel):
    """A bank transfer staff saw arrive (R-BI-1): the structured reference it quoted, what came in."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    reference: Annotated[str, Field(min_length=1, max_length=64)]
    amount: MoneyIn
    received_on: date
    debtor: Annotated[str | None, Field(max_length=200)] = None


class PaymentAssign(BaseModel):
    model_config = ConfigDict(extra="forbid")
    invoice_id: uuid.UUID


class AllocationOut(BaseModel):
    invoice_id: uuid.UUID
    invoice_number: str
    amount: MoneyOut


class Payment(BaseModel):
    id: uuid.UUID
    source: Literal["manual", "bank_statement"]
    reference: str | None
    amount: MoneyOut | None  # None only for an unmatched entry in an unknown currency
    received_on: date
    debtor: str | None
    status: PaymentStatus
    unapplied: MoneyOut | None  # unmatched money, or an overpayment kept as credit
    reseller_id: uuid.UUID | None
    allocations: list[AllocationOut]
    created_at: datetime


class BankStatementResult(BaseModel):
    id: uuid.UUID
    statement_key: str
    duplicate: bool  # this statement was uploaded before: nothing was applied again
    entries: int  # credit entries read
    matched: int
    partial: int
    unmatched: int
    already_recorded: int  # entries seen in an earlier upload
    debit_entries_ignored: int
    payments: list[Payment]


class StatementItem(BaseModel):
    invoice_id: uuid.UUID
    number: str
    issue_date: date
    due_date: date
    status: InvoiceStatus
    amount_due: MoneyOut


class Statement(BaseModel):
    id: uuid.UUID
    reseller_id: uuid.UUID
    month: str
    issue_date: date
    currency: str
    open_total: MoneyOut
    items: list[StatementItem]
    created_at: datetime


class CommissionLine(BaseModel):
    commission_id: uuid.UUID
    contract_id: uuid.UUID
    reason: Literal["new", "renewal"]
    earned_on: date
    amount: MoneyOut


class CommissionStatement(BaseModel):
    id: uuid.UUID
    reseller_id: uuid.UUID
    month: str
    issue_date: date
    total: MoneyOut
    lines: list[CommissionLine]


class Commission(BaseModel):
    commission_id: uuid.UUID
    contract_id: uuid.UUID
    reason: Literal["new", "renewal"]
    earned_on: date
    amount: MoneyOut
    statement_id: uuid.UUID | None  # None: earned, not paid out yet
