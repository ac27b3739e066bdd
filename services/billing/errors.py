"""Billing's business errors, each rendered as problem+json."""

from libs.errors import Conflict, DomainError, NotFound, Unprocessable


class InvoiceNotFound(NotFound):
    code, title = "invoice-not-found", "No such invoice"


class PaymentNotFound(NotFound):
    code, title = "payment-not-found", "No such payment"


class StatementNotFound(NotFound):
    code, title = "statement-not-found", "No such statement"


class ResellerNotFound(NotFound):
    code, title = "reseller-not-found", "No such reseller"


class BankStatementRefused(Unprocessable):
    code, title = "bank-statement-refused", "The file is not a CAMT.053 statement that can be read safely"


class BankStatementTooLarge(DomainError):
    status, code, title = 413, "bank-statement-too-large", "The bank statement file is too large"


class UnsupportedMediaType(DomainError):
    status, code, title = 415, "unsupported-media-type", "Send the bank statement as application/xml"


class NothingToAssign(Conflict):
    code, title = "nothing-to-assign", "The payment has no unapplied amount left"


class InvoiceNotPayable(Conflict):
    code, title = "invoice-not-payable", "The invoice takes no payment (paid in full or cancelled)"


class CurrencyMismatch(Unprocessable):
    code, title = "currency-mismatch", "The payment's currency is not the invoice's"


class NotForCustomers(NotFound):
    """Billing is between the vendor and its resellers: a customer's key finds nothing here."""

    code, title = "not-found", "Not found"


class CreditNoteNotFound(NotFound):
    code, title = "credit-note-not-found", "No such credit note"


class InvoiceNotCreditable(Unprocessable):
    code, title = "invoice-not-creditable", "The invoice cannot be credited by that amount"


class BankStatementAccountUnknown(Unprocessable):
    code, title = "bank-statement-account-unknown", "The statement is not of one of the vendor's accounts"


class RefundTooLarge(Unprocessable):
    code, title = "refund-exceeds-credit-balance", "The refund is larger than the reseller's credit balance"
