"""Billing's closed sets of values that are its own (those other services share are in
`libs.events`: `InvoiceStatus`, `InvoiceKind`, `CreditNoteKind`, ordering's `PaymentRequirement`,
leasing's `ContractStatus` and `CommissionReason`). Each is a column stored through
`libs.db.EnumText` and checked by the database (`libs.db.one_of`), and a field of the API."""

from __future__ import annotations

from enum import StrEnum


class InvoiceTaxRegime(StrEnum):
    """The tax an invoice carries (R-OR-5, R-BI-6): US sales tax, EU VAT, EU reverse charge or
    none — and `waas_end_customer`, the regime of WaaS invoices issued before WaaS VAT followed the
    rule orders follow: no longer written, still read (their e-invoices are category S, like
    `eu_vat`)."""

    # the first four are libs.tax.TaxRegime's (what decide_tax gives; a unit test keeps them equal)

    US_SALES_TAX = "us_sales_tax"
    EU_VAT = "eu_vat"
    EU_REVERSE_CHARGE = "eu_reverse_charge"
    NONE = "none"
    WAAS_END_CUSTOMER = "waas_end_customer"


class PaymentSource(StrEnum):
    """How a payment came in: recorded by staff, or read from a bank file (camt.053/054)."""

    MANUAL = "manual"
    BANK_STATEMENT = "bank_statement"


class PaymentStatus(StrEnum):
    """A payment's status (R-BI-1, R-BI-9): `matched` — every invoice it named is settled (any rest
    is the reseller's credit balance); `partial` — an invoice it named is still owed; `unmatched` —
    no payer known, on the staff work list; `reversed` — the bank took it back."""

    MATCHED = "matched"
    PARTIAL = "partial"
    UNMATCHED = "unmatched"
    REVERSED = "reversed"


class ReversalStatus(StrEnum):
    """A booked debit that reverses or returns an earlier credit: it undid the payment it names
    (`applied`), or names none billing knows and is kept for staff (`unmatched`)."""

    APPLIED = "applied"
    UNMATCHED = "unmatched"


class UndoneReason(StrEnum):
    """Why an allocation's money left the invoice again: the bank reversed the payment, or a credit
    note freed it for the reseller's credit balance (R-BI-8/9)."""

    REVERSAL = "reversal"
    CREDIT_NOTE = "credit_note"
