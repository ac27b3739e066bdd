"""Billing's request and response shapes (API.md "Billing")."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from libs.events.billing import CreditNoteKind, InvoiceKind, InvoiceStatus
from libs.events.leasing import CommissionReason
from libs.events.ordering import PaymentRequirement
from libs.jsonschema import examples
from libs.money import MoneyIn, MoneyOut
from libs.params import IsoDate
from services.billing.domain.statuses import (
    InvoiceTaxRegime,
    PaymentSource,
    PaymentStatus,
    ReversalStatus,
    UndoneReason,
)


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


class CreditNoteRef(BaseModel):
    id: uuid.UUID
    number: str
    total: MoneyOut


class Invoice(BaseModel):
    id: uuid.UUID
    number: str
    kind: InvoiceKind
    order_id: uuid.UUID | None
    subscription_id: uuid.UUID | None
    charge_id: uuid.UUID | None
    contract_id: uuid.UUID | None  # a WaaS invoice to the end customer (R-BI-6)
    period: str | None  # its month, or "termination"
    reseller_id: uuid.UUID
    customer_id: uuid.UUID | None
    status: InvoiceStatus
    payment_requirement: PaymentRequirement
    bill_to: Party
    ship_to: Party | None
    lines: list[InvoiceLine]
    net: MoneyOut
    tax: MoneyOut
    total: MoneyOut
    interest: MoneyOut  # late-payment interest accrued so far (R-BI-4), its own amount
    amount_paid: MoneyOut
    amount_due: MoneyOut
    credited: MoneyOut  # what credit notes took off (R-BI-8)
    credit_notes: list[CreditNoteRef]
    tax_regime: InvoiceTaxRegime
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

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        json_schema_extra=examples(
            {
                "reference": "RF182026000142",
                "amount": {"amount": "1499.00", "currency": "EUR"},
                "received_on": "2026-11-27",
                "debtor": "Van den Berg IT Solutions B.V.",
            }
        ),
    )
    reference: Annotated[str, Field(min_length=1, max_length=64)]
    amount: MoneyIn
    received_on: IsoDate
    debtor: Annotated[str | None, Field(max_length=200)] = None


class PaymentAssign(BaseModel):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra=examples({"invoice_id": "7b21ccce-7f44-41a4-ad23-25aa4ff9a2f0"})
    )
    invoice_id: uuid.UUID


class AllocationOut(BaseModel):
    invoice_id: uuid.UUID
    invoice_number: str
    amount: MoneyOut
    principal: MoneyOut
    interest: MoneyOut
    value_date: date | None
    undone: UndoneReason | None  # the money left the invoice again


class Payment(BaseModel):
    id: uuid.UUID
    source: PaymentSource
    reference: str | None
    amount: MoneyOut | None  # None only for an unmatched entry in an unknown currency
    received_on: date
    debtor: str | None
    status: PaymentStatus
    unapplied: MoneyOut | None  # unmatched money, or the reseller's credit balance held by it
    reseller_id: uuid.UUID | None
    references: list[str]  # every structured reference the transfer quoted
    end_to_end_id: str | None
    reversed_on: date | None
    allocations: list[AllocationOut]
    created_at: datetime


class ReversalOut(BaseModel):
    """A booked debit that undid an earlier payment (RvslInd or a return), or — `unmatched` — one
    naming no payment we know, kept for staff."""

    id: uuid.UUID
    payment_id: uuid.UUID | None
    amount: MoneyOut
    booked_on: date
    reason: str | None
    status: ReversalStatus


class NotBookedEntry(BaseModel):
    entry_id: str
    status: str  # the bank's Sts, e.g. PDNG or INFO
    direction: Literal["credit", "debit"]
    amount: str
    currency: str


class HeldEntry(BaseModel):
    entry_id: str
    amount: str
    currency: str
    reason: str


class BankStatementResult(BaseModel):
    id: uuid.UUID
    statement_key: str
    duplicate: bool  # this statement was uploaded before: nothing was applied again
    entries: int  # credit entries read
    matched: int
    partial: int
    unmatched: int
    already_recorded: int  # transactions seen in an earlier upload
    debit_entries_ignored: int  # the vendor's own outgoing payments
    reversals: list[ReversalOut] = []
    not_booked: list[NotBookedEntry] = []  # pending / information entries: nothing booked
    held: list[HeldEntry] = []  # entries whose transactions do not add up: nothing booked, for staff
    payments: list[Payment]


class CreditNoteCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        json_schema_extra=examples(
            {
                "reason": "Two of five licences returned unused within 14 days.",
                "amount": {"amount": "599.60", "currency": "EUR"},
            },
            {"reason": "Invoiced to the wrong reseller; reissued as 2026-000318."},
        ),
    )
    reason: Annotated[str, Field(min_length=1, max_length=500)]
    amount: MoneyIn | None = None  # default: what is still due


class CreditNote(BaseModel):
    id: uuid.UUID
    number: str
    invoice_id: uuid.UUID
    invoice_number: str
    reseller_id: uuid.UUID
    order_id: uuid.UUID | None
    kind: CreditNoteKind
    reason: str
    net: MoneyOut
    tax: MoneyOut
    total: MoneyOut
    refunded_to_balance: MoneyOut  # what of it had been paid and went to the credit balance
    issue_date: date
    created_at: datetime


class CreditBalance(BaseModel):
    """Money no invoice needed (R-BI-9), per currency; applied to the oldest open invoices."""

    reseller_id: uuid.UUID
    balances: list[MoneyOut]


class RefundCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        json_schema_extra=examples(
            {
                "amount": {"amount": "250.00", "currency": "EUR"},
                "reason": "Overpayment of invoice 2026-000142 paid back by SEPA transfer.",
                "refunded_on": "2026-11-30",
            }
        ),
    )
    amount: MoneyIn
    reason: Annotated[str, Field(min_length=1, max_length=500)]
    refunded_on: IsoDate | None = None


class Refund(BaseModel):
    id: uuid.UUID
    reseller_id: uuid.UUID
    amount: MoneyOut
    reason: str
    refunded_on: date
    refunded_by: str


class StatementItem(BaseModel):
    invoice_id: uuid.UUID
    number: str
    issue_date: date
    due_date: date
    status: InvoiceStatus
    payment_reference: str | None = None  # the invoice's own RF reference
    interest: MoneyOut | None = None  # late-payment interest included in amount_due
    amount_due: MoneyOut  # on the statement's day, interest included


class Statement(BaseModel):
    id: uuid.UUID
    reseller_id: uuid.UUID
    month: str
    issue_date: date
    currency: str
    open_total: MoneyOut  # every item's amount due
    credit_balance: MoneyOut  # the reseller's credit (R-BI-9), already applied where it could be
    # quote it to pay the statement total at once: the transfer is allocated oldest item first
    payment_reference: str | None
    items: list[StatementItem]
    created_at: datetime


class CommissionLine(BaseModel):
    commission_id: uuid.UUID
    contract_id: uuid.UUID
    reason: CommissionReason
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
    reason: CommissionReason
    earned_on: date
    amount: MoneyOut
    statement_id: uuid.UUID | None  # None: earned, not paid out yet
