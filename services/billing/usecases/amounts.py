"""What an invoice row says in money: interest shown, paid, due — and its event shape.

The row keeps the facts (total, principal and interest paid, interest accrued unrounded); every
figure shown is derived here, once, so the API, the PDF, the events and the statements agree.
"""

from __future__ import annotations

from decimal import Decimal

from libs.events import billing as ev
from libs.events.billing import InvoiceStatus
from libs.events.ordering import PaymentRequirement
from libs.money import round_half_up
from services.billing.config import billing_config
from services.billing.models import Invoice


def accrues_interest(invoice: Invoice) -> bool:
    """Dunning and interest apply to what is owed (R-BI-4): on-account invoices and the end
    customer's WaaS invoices; an unpaid prepay order delivered nothing, so it expires instead —
    unless the program says prepay invoices are dunned too."""
    return invoice.payment_requirement != PaymentRequirement.PREPAY or billing_config().dun_prepay_invoices


def interest(invoice: Invoice) -> Decimal:
    return round_half_up(invoice.interest_accrued, invoice.currency)


def amount_paid(invoice: Invoice) -> Decimal:
    return invoice.principal_paid + invoice.interest_paid


def principal_due(invoice: Invoice) -> Decimal:
    return max(invoice.total - invoice.principal_paid - invoice.credited, Decimal(0))


def interest_due(invoice: Invoice) -> Decimal:
    return max(interest(invoice) - invoice.interest_paid, Decimal(0))


CLOSED_WITHOUT_PAYMENT = (InvoiceStatus.CANCELLED, InvoiceStatus.CREDITED)


def amount_due(invoice: Invoice) -> Decimal:
    if invoice.status in CLOSED_WITHOUT_PAYMENT:
        return Decimal(0)  # a credit note for all of it writes off its unpaid interest too
    return principal_due(invoice) + interest_due(invoice)


def settle_status(invoice: Invoice) -> InvoiceStatus:
    """The status the facts give: credited in full → `credited` (a voided one stays `cancelled`)."""
    if invoice.status == InvoiceStatus.CANCELLED:
        return InvoiceStatus.CANCELLED
    if invoice.credited >= invoice.total:
        return InvoiceStatus.CREDITED
    if amount_due(invoice) <= 0:
        return InvoiceStatus.PAID
    if invoice.overdue_since is not None:
        return InvoiceStatus.OVERDUE
    return InvoiceStatus.PARTIALLY_PAID if amount_paid(invoice) > 0 else InvoiceStatus.OPEN


def invoice_data(invoice: Invoice) -> ev.InvoiceData:
    return ev.InvoiceData(
        number=invoice.number,
        kind=invoice.kind,
        reseller_id=invoice.reseller_id,
        customer_id=invoice.customer_id,
        order_id=invoice.order_id,
        subscription_id=invoice.subscription_id,
        charge_id=invoice.charge_id,
        contract_id=invoice.contract_id,
        status=invoice.status,
        currency=invoice.currency,
        net=invoice.net,
        tax=invoice.tax,
        total=invoice.total,
        interest=interest(invoice),
        amount_paid=amount_paid(invoice),
        amount_due=amount_due(invoice),
        credited=invoice.credited,
        accrues_interest=accrues_interest(invoice),
        annual_interest_rate=invoice.annual_interest_rate,
        payment_reference=invoice.payment_reference,
        issue_date=invoice.issue_date,
        due_date=invoice.due_date,
    )
