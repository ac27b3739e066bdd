"""The one place billing's rows become response shapes."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from libs.money import MoneyOut
from services.billing import schemas
from services.billing.config import BillingConfig
from services.billing.models import (
    Allocation,
    CommissionEntry,
    CommissionStatement,
    CreditNote,
    CreditRefund,
    Invoice,
    Payment,
    PaymentReversal,
    Statement,
)
from services.billing.usecases.amounts import amount_due, amount_paid, interest


def bank_details(config: BillingConfig) -> schemas.BankDetails:
    return schemas.BankDetails(
        account_holder=config.vendor_name, iban=config.vendor_iban, bic=config.vendor_bic
    )


def _party(data: dict[str, Any] | None, fallback: str) -> schemas.Party:
    return schemas.Party(**data) if data else schemas.Party(name=fallback)


def render_invoice(
    invoice: Invoice, config: BillingConfig, notes: list[CreditNote] | None = None
) -> schemas.Invoice:
    cur = invoice.currency

    def money(value: Decimal | str) -> MoneyOut:
        return MoneyOut.of(Decimal(value), cur)

    return schemas.Invoice(
        id=invoice.id,
        number=invoice.number,
        kind=invoice.kind,
        order_id=invoice.order_id,
        subscription_id=invoice.subscription_id,
        charge_id=invoice.charge_id,
        contract_id=invoice.contract_id,
        period=invoice.period,
        reseller_id=invoice.reseller_id,
        customer_id=invoice.customer_id,
        status=invoice.status,
        payment_requirement=invoice.payment_requirement,
        bill_to=_party(invoice.bill_to, f"reseller {invoice.reseller_id}"),
        ship_to=schemas.Party(**invoice.ship_to) if invoice.ship_to else None,
        lines=[
            schemas.InvoiceLine(
                description=line["description"],
                sku=line["sku"],
                quantity=line["quantity"],
                unit_price=money(line["unit_price"]),
                net=money(line["net"]),
                tax=money(line["tax"]),
                total=money(line["total"]),
            )
            for line in invoice.lines
        ],
        net=money(invoice.net),
        tax=money(invoice.tax),
        total=money(invoice.total),
        interest=money(interest(invoice)),
        amount_paid=money(amount_paid(invoice)),
        amount_due=money(amount_due(invoice)),
        credited=money(invoice.credited),
        credit_notes=[
            schemas.CreditNoteRef(id=n.id, number=n.number, total=money(n.total)) for n in notes or []
        ],
        tax_regime=invoice.tax_regime,
        tax_rate=str(invoice.tax_rate.normalize()),
        tax_note=invoice.tax_note,
        payment_reference=invoice.payment_reference,
        bank_details=bank_details(config),
        issue_date=invoice.issue_date,
        due_date=invoice.due_date,
        overdue_since=invoice.overdue_since,
        reminder_level=invoice.reminder_level,
        paid_on=invoice.paid_on,
        created_at=invoice.created_at,
    )


def render_payment(payment: Payment, allocations: list[tuple[Allocation, str]]) -> schemas.Payment:
    def money(value: Decimal) -> MoneyOut | None:
        if payment.currency is None:
            return None
        try:
            return MoneyOut.of(value, payment.currency)
        except ValueError:  # a bank's currency code we do not know: shown as it came
            return MoneyOut(amount=str(value), currency=payment.currency)

    return schemas.Payment(
        id=payment.id,
        source=payment.source,
        reference=payment.reference,
        amount=money(payment.amount),
        received_on=payment.received_on,
        debtor=payment.debtor,
        status=payment.status,
        unapplied=money(payment.unapplied),
        reseller_id=payment.reseller_id,
        references=list(payment.references or []),
        end_to_end_id=payment.end_to_end_id,
        reversed_on=payment.reversed_on,
        allocations=[
            schemas.AllocationOut(
                invoice_id=a.invoice_id,
                invoice_number=number,
                amount=money(a.amount),
                principal=money(a.principal),
                interest=money(a.interest),
                value_date=a.value_date,
                undone=a.undone_reason,
            )
            for a, number in allocations
        ],
        created_at=payment.created_at,
    )


def render_reversal(reversal: PaymentReversal) -> schemas.ReversalOut:
    return schemas.ReversalOut(
        id=reversal.id,
        payment_id=reversal.payment_id,
        amount=MoneyOut.of(reversal.amount, reversal.currency),
        booked_on=reversal.booked_on,
        reason=reversal.reason,
        status=reversal.status,
    )


def render_credit_note(note: CreditNote, invoice_number: str) -> schemas.CreditNote:
    cur = note.currency
    return schemas.CreditNote(
        id=note.id,
        number=note.number,
        invoice_id=note.invoice_id,
        invoice_number=invoice_number,
        reseller_id=note.reseller_id,
        order_id=note.order_id,
        kind=note.kind,
        reason=note.reason,
        net=MoneyOut.of(note.net, cur),
        tax=MoneyOut.of(note.tax, cur),
        total=MoneyOut.of(note.total, cur),
        refunded_to_balance=MoneyOut.of(note.refunded_to_balance, cur),
        issue_date=note.issue_date,
        created_at=note.created_at,
    )


def render_balance(reseller_id: uuid.UUID, balance: dict[str, Decimal]) -> schemas.CreditBalance:
    return schemas.CreditBalance(
        reseller_id=reseller_id,
        balances=[MoneyOut.of(amount, currency) for currency, amount in sorted(balance.items())],
    )


def render_refund(refund: CreditRefund) -> schemas.Refund:
    return schemas.Refund(
        id=refund.id,
        reseller_id=refund.reseller_id,
        amount=MoneyOut.of(refund.amount, refund.currency),
        reason=refund.reason,
        refunded_on=refund.refunded_on,
        refunded_by=refund.refunded_by,
    )


def render_statement(statement: Statement) -> schemas.Statement:
    cur = statement.currency
    return schemas.Statement(
        id=statement.id,
        reseller_id=statement.reseller_id,
        month=statement.month,
        issue_date=statement.issue_date,
        currency=cur,
        open_total=MoneyOut.of(statement.open_total, cur),
        credit_balance=MoneyOut.of(statement.credit_balance, cur),
        payment_reference=statement.payment_reference,
        items=[
            schemas.StatementItem(
                invoice_id=uuid.UUID(item["invoice_id"]),
                number=item["number"],
                issue_date=item["issue_date"],
                due_date=item["due_date"],
                status=item["status"],
                payment_reference=item.get("payment_reference"),
                interest=MoneyOut.of(Decimal(item["interest"]), cur) if "interest" in item else None,
                amount_due=MoneyOut.of(Decimal(item["amount_due"]), cur),
            )
            for item in statement.items
        ],
        created_at=statement.created_at,
    )


def render_commission_statement(statement: CommissionStatement) -> schemas.CommissionStatement:
    cur = statement.currency
    return schemas.CommissionStatement(
        id=statement.id,
        reseller_id=statement.reseller_id,
        month=statement.month,
        issue_date=statement.issue_date,
        total=MoneyOut.of(statement.total, cur),
        lines=[
            schemas.CommissionLine(
                commission_id=uuid.UUID(line["commission_id"]),
                contract_id=uuid.UUID(line["contract_id"]),
                reason=line["reason"],
                earned_on=line["earned_on"],
                amount=MoneyOut.of(Decimal(line["amount"]), cur),
            )
            for line in statement.lines
        ],
    )


def render_commission(entry: CommissionEntry) -> schemas.Commission:
    return schemas.Commission(
        commission_id=entry.commission_id,
        contract_id=entry.contract_id,
        reason=entry.reason,
        earned_on=entry.earned_on,
        amount=MoneyOut.of(entry.amount, entry.currency),
        statement_id=entry.statement_id,
    )
