"""Events published by billing: payments received for orders and subscription charges (R-BI-1, R-BI-2),
invoices and their payments, overdue facts and reminders (R-BI-4), monthly statements (R-BI-3)."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from libs.events.base import Event
from libs.events.ordering import PaymentRequirement


class InvoiceStatus(StrEnum):
    """An invoice's status (R-BI-1…4, R-BI-8): billing's column and API, its invoice events, and the
    receivables reports keeps of them."""

    OPEN = "open"
    PARTIALLY_PAID = "partially_paid"
    PAID = "paid"
    OVERDUE = "overdue"
    CANCELLED = "cancelled"
    CREDITED = "credited"


class InvoiceKind(StrEnum):
    """What an invoice bills: an order or a subscription charge, to the reseller (R-BI-1), or a WaaS
    contract's instalment, termination fee or pick-up, to the end customer (`waas`, R-BI-6).
    Billing's column and API, its invoice events."""

    ORDER = "order"
    SUBSCRIPTION = "subscription"
    WAAS = "waas"


class CreditNoteKind(StrEnum):
    """What a credit note takes back (R-BI-8): a cancelled order, a handover to the vendor's sales
    team (R-OR-9), an expired prepay order — one each per invoice, automatically — or a staff
    correction. Billing's column and API, `billing.credit_note.issued.v1`."""

    CANCELLATION = "cancellation"
    HANDOVER = "handover"
    EXPIRY = "expiry"
    CORRECTION = "correction"


PAYMENTS = "billing.payments"


class OrderPaid(Event):
    """A bank transfer matched to an order was accepted: a prepaid order may now be released
    (R-BI-2); an on-account order is settled (R-BI-3). Keyed by the order, so the payments of
    one order keep their order on the topic."""

    event_type = "billing.order.paid.v1"
    topic = PAYMENTS
    subject_field = "order_id"
    order_id: uuid.UUID
    reseller_id: uuid.UUID
    amount: Decimal
    currency: str
    received_on: date
    invoice_id: uuid.UUID | None = None
    # grows with every paid/unpaid fact of the order (a reversal makes it unpaid again): a consumer
    # keeps the newest fact, whatever order the facts arrive in
    fact_version: int = 0


class OrderPaymentReversed(Event):
    """The bank reversed or returned the transfer that paid the order (R-BI-9): it is no longer paid
    and no longer counts towards R-ON-3. For a prepay order whose license was released on that
    payment this is also the flag to staff: the license is neither kept silently nor revoked here."""

    event_type = "billing.order.payment_reversed.v1"
    topic = PAYMENTS
    subject_field = "order_id"
    order_id: uuid.UUID
    reseller_id: uuid.UUID
    invoice_id: uuid.UUID
    payment_requirement: PaymentRequirement
    amount: Decimal  # what of the order's principal is due again
    currency: str
    reversed_on: date
    fact_version: int


class PrepaymentExpired(Event):
    """A prepay order was not paid within the program's period: its invoice is credited (R-BI-8)
    and ordering cancels the order. Nothing had been delivered, so nothing is dunned."""

    event_type = "billing.order.prepayment_expired.v1"
    topic = PAYMENTS
    subject_field = "order_id"
    order_id: uuid.UUID
    reseller_id: uuid.UUID
    invoice_id: uuid.UUID
    credit_note_id: uuid.UUID
    expired_on: date


class SubscriptionChargePaid(Event):
    """A bank transfer for a subscription charge (`ordering.subscription.*` events' `charge`) was
    accepted: a prepaid charge is released, an on-account one leaves the credit line (R-ON-3/6).
    `reseller_id` is the charge's bill-to. Keyed by the subscription."""

    event_type = "billing.subscription.charge_paid.v1"
    topic = PAYMENTS
    subject_field = "subscription_id"
    subscription_id: uuid.UUID
    charge_id: uuid.UUID
    reseller_id: uuid.UUID
    amount: Decimal
    currency: str
    received_on: date
    invoice_id: uuid.UUID | None = None


INVOICES = "billing.invoices"
RESELLER_ACCOUNTS = "billing.reseller_accounts"
STATEMENTS = "billing.statements"


class InvoiceData(BaseModel):
    """An invoice as every `billing.invoice.*` event carries it (the state after the change).

    Exactly one of `order_id`, `subscription_id` (with `charge_id`) or `contract_id` (a WaaS
    end-customer invoice, R-BI-6) names what it bills. `reseller_id` is the bill-to for order and
    subscription invoices, and the selling partner of a WaaS invoice (whose bill-to is the end
    customer, `customer_id`)."""

    model_config = ConfigDict(frozen=True)
    number: str
    kind: InvoiceKind
    reseller_id: uuid.UUID
    customer_id: uuid.UUID | None = None
    order_id: uuid.UUID | None = None
    subscription_id: uuid.UUID | None = None
    charge_id: uuid.UUID | None = None
    contract_id: uuid.UUID | None = None
    status: InvoiceStatus
    currency: str
    net: Decimal
    tax: Decimal
    total: Decimal
    interest: Decimal
    amount_paid: Decimal
    amount_due: Decimal  # total + interest - amount_paid - credited
    credited: Decimal = Decimal(0)  # what credit notes took off (R-BI-8)
    # whether late-payment interest accrues on it (R-BI-4: on-account and WaaS invoices), and at
    # which annual rate: a reader can compute what was owed on any day from the movements
    accrues_interest: bool = False
    annual_interest_rate: Decimal = Decimal(0)
    payment_reference: str  # ISO 11649 RF structured reference
    issue_date: date
    due_date: date


class InvoiceEvent(Event):
    topic = INVOICES
    subject_field = "invoice_id"
    invoice_id: uuid.UUID
    invoice: InvoiceData


class DocumentLinks(BaseModel):
    """Where the document is fetched through the gateway (paths under the API's base URL, the
    caller's key decides visibility): the Factur-X PDF and the Peppol BIS 3 UBL (R-BI-10)."""

    model_config = ConfigDict(frozen=True)
    pdf: str
    ubl: str


class InvoiceIssued(InvoiceEvent):
    event_type = "billing.invoice.issued.v1"
    links: DocumentLinks | None = None  # None only in events written before R-BI-10


class InvoicePaymentApplied(InvoiceEvent):
    """A payment (or part of one) was applied to the invoice; `invoice.status` tells whether it is
    now paid in full."""

    event_type = "billing.invoice.payment_applied.v1"
    payment_id: uuid.UUID
    amount: Decimal
    received_on: date  # the money's value date: interest stops on it
    principal: Decimal = Decimal(0)  # of `amount`, what settled the principal …
    interest: Decimal = Decimal(0)  # … and what the interest


class InvoicePaid(InvoiceEvent):
    """Principal and interest are paid in full (R-BI-5: the reseller gets the invoice PDF by mail)."""

    event_type = "billing.invoice.paid.v1"
    paid_on: date


class InvoiceCancelled(InvoiceEvent):
    """The order behind an unpaid invoice was cancelled: nothing is due any more."""

    event_type = "billing.invoice.cancelled.v1"
    reason: str


class InvoicePaymentReversed(InvoiceEvent):
    """The bank reversed or returned a payment applied to the invoice: that money is due again."""

    event_type = "billing.invoice.payment_reversed.v1"
    payment_id: uuid.UUID
    amount: Decimal
    reversed_on: date
    principal: Decimal = Decimal(0)
    interest: Decimal = Decimal(0)


class CreditNoteIssued(InvoiceEvent):
    """A credit note took (part of) the invoice back (R-BI-8): a cancellation, a handover (R-OR-9),
    an expired prepay order or a staff correction. `refunded_to_balance` is what of it had been paid
    and went to the reseller's credit balance (R-BI-9). Mailed like an invoice."""

    event_type = "billing.credit_note.issued.v1"
    credit_note_id: uuid.UUID
    number: str
    kind: CreditNoteKind
    reason: str
    currency: str
    net: Decimal
    tax: Decimal
    total: Decimal
    refunded_to_balance: Decimal
    issue_date: date
    links: DocumentLinks | None = None  # the credit note's PDF and UBL (R-BI-10)


class InvoiceOverdue(InvoiceEvent):
    """The due date passed with something still due (R-BI-4)."""

    event_type = "billing.invoice.overdue.v1"
    as_of: date


class InvoiceReminderDue(InvoiceEvent):
    """A dunning reminder level was reached (e.g. 7, 14, 30 days overdue); notifications mails it."""

    event_type = "billing.invoice.reminder_due.v1"
    level: int
    days_overdue: int
    as_of: date


class WaasInstalmentInvoiced(Event):
    """Instalment `n` of a WaaS contract's schedule (leasing's, R-WA-6) is invoiced to the end
    customer: leasing marks it invoiced, so a termination's fee never counts it again. Published
    without a tenant — it is the distributor's invoice to its customer, not the partner's (R-BI-6)."""

    event_type = "billing.waas_instalment.invoiced.v1"
    topic = INVOICES
    subject_field = "contract_id"
    contract_id: uuid.UUID
    n: int
    invoice_id: uuid.UUID
    issue_date: date


class ResellerOverdueChanged(Event):
    """Whether anything of the reseller is overdue changed (R-BI-4): onboarding makes it
    `prepay_required` while it is, and lifts that once principal and interest are paid."""

    event_type = "billing.reseller.overdue_changed.v1"
    topic = RESELLER_ACCOUNTS
    subject_field = "reseller_id"
    reseller_id: uuid.UUID
    has_overdue: bool
    overdue_invoices: int
    as_of: date
    # grows with every fact told: a consumer keeps the newest, whatever order facts arrive in
    version: int = 0


class Balance(BaseModel):
    model_config = ConfigDict(frozen=True)
    currency: str
    amount: Decimal


class CreditBalanceChanged(Event):
    """The reseller's credit balance (R-BI-9: money no invoice needed) changed, per currency; an
    empty list is no credit. `version` grows with every change."""

    event_type = "billing.reseller.credit_balance_changed.v1"
    topic = RESELLER_ACCOUNTS
    subject_field = "reseller_id"
    reseller_id: uuid.UUID
    balances: list[Balance]
    version: int


class StatementIssued(Event):
    """The monthly statement of a reseller's open items (R-BI-3), one per reseller and month."""

    event_type = "billing.statement.issued.v1"
    topic = STATEMENTS
    subject_field = "statement_id"
    statement_id: uuid.UUID
    reseller_id: uuid.UUID
    month: str  # YYYY-MM
    issue_date: date
    currency: str
    open_total: Decimal
    invoice_count: int


class CommissionStatementIssued(Event):
    """A partner's monthly commission statement (R-BI-7): the WaaS commissions earned
    (`leasing.commission.earned.v1`) that it pays out, one statement per partner and month."""

    event_type = "billing.commission_statement.issued.v1"
    topic = STATEMENTS
    subject_field = "statement_id"
    statement_id: uuid.UUID
    reseller_id: uuid.UUID
    month: str  # YYYY-MM
    issue_date: date
    currency: str
    total: Decimal
    commission_ids: list[uuid.UUID]
