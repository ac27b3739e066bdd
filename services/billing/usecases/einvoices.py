"""EN 16931 e-invoices of stored invoices and credit notes (R-BI-10): the stored document and the
vendor's settings mapped onto `domain.einvoice.EDocument`, then written as Peppol BIS Billing 3.0
UBL. The amounts are the stored ones — the API's and the PDF's, to the cent.

- Seller: the vendor (`BillingConfig`): name, address (`"street, postcode city, CC"`), VAT id,
  Chamber of Commerce id, IBAN/BIC; buyer: the invoice's bill-to (name, country, VAT id, e-mail).
- An invoice is a document as issued: its payable amount is its total (payments, credit notes and
  interest are later facts, not part of it). A credit note is one line crediting the invoice it names
  (BillingReference), with the invoice's VAT category.
- US sales tax is not VAT: category O, the sales tax a document-level charge (`domain.einvoice`).
- A bill-to without a country (the reseller's snapshot had not arrived when the invoice was made)
  takes the country of its VAT id, else the vendor's.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from libs.money import minor_unit_exponent
from services.billing.config import BillingConfig
from services.billing.domain import einvoice as ei
from services.billing.domain.statuses import InvoiceTaxRegime
from services.billing.models import CreditNote, Invoice


def _seller(config: BillingConfig) -> ei.Party:
    parts = [p.strip() for p in config.vendor_address.split(",") if p.strip()]
    country = parts[-1] if parts and len(parts[-1]) == 2 and parts[-1].isalpha() else config.vendor_vat_id[:2]
    if len(parts) > 1 and parts[-1] == country:
        parts = parts[:-1]
    street = parts[0] if parts else None
    postal_code, city = None, None
    if len(parts) > 1:
        place = parts[1].split()
        # "1012 AB Amsterdam": the postcode is what carries digits, the rest is the city
        digits = [i for i, word in enumerate(place) if any(ch.isdigit() for ch in word)]
        cut = (max(digits) + 1) if digits else 0
        if cut and cut < len(place) and len(place[cut]) == 2 and place[cut].isupper():
            cut += 1  # the letters of a Dutch postcode
        postal_code = " ".join(place[:cut]) or None
        city = " ".join(place[cut:]) or None
    return ei.Party(
        name=config.vendor_name,
        country=country.upper(),
        vat_id=config.vendor_vat_id,
        email=config.vendor_email,
        street=street,
        city=city,
        postal_code=postal_code,
        company_id=config.vendor_company_id,
        company_id_scheme=config.vendor_company_id_scheme,
    )


def _buyer(invoice: Invoice, seller: ei.Party) -> ei.Party:
    bill_to: dict[str, Any] = invoice.bill_to or {}
    vat_id = bill_to.get("vat_id") or None
    country = bill_to.get("country") or (vat_id[:2] if vat_id else None) or seller.country
    return ei.Party(
        name=bill_to.get("name") or f"Reseller {invoice.reseller_id}",
        country=str(country).upper(),
        vat_id=vat_id,
        email=bill_to.get("email") or None,
    )


def _category(invoice: Invoice) -> ei.VatCategory:
    return ei.vat_category(invoice.tax_regime, invoice.tax_rate, invoice.tax_note)


def _sales_tax(invoice: Invoice, amount: Decimal, category: ei.VatCategory) -> list[ei.Charge]:
    if invoice.tax_regime == InvoiceTaxRegime.US_SALES_TAX and amount:
        rate = (invoice.tax_rate * 100).normalize()
        return [ei.Charge(reason=f"US sales tax ({rate:f} %)", amount=amount, category=category)]
    return []


def invoice_document(invoice: Invoice, config: BillingConfig) -> ei.EDocument:
    category = _category(invoice)
    seller = _seller(config)
    lines = [
        ei.Line(
            id=str(n),
            name=str(line["description"]),
            quantity=int(line["quantity"]),
            net=Decimal(line["net"]),
            category=category,
            sku=line.get("sku"),
        )
        for n, line in enumerate(invoice.lines, start=1)
    ]
    vat = Decimal(0) if invoice.tax_regime == InvoiceTaxRegime.US_SALES_TAX else invoice.tax
    reference = str(invoice.order_id or invoice.subscription_id or invoice.contract_id or invoice.number)
    return ei.EDocument(
        kind="invoice",
        number=invoice.number,
        issue_date=invoice.issue_date,
        due_date=invoice.due_date,
        currency=invoice.currency,
        exponent=minor_unit_exponent(invoice.currency),
        seller=seller,
        buyer=_buyer(invoice, seller),
        lines=lines,
        tax=vat,
        charges=_sales_tax(invoice, invoice.tax, category),
        order_reference=str(invoice.order_id) if invoice.order_id else None,
        buyer_reference=reference,
        payment=ei.Payment(
            iban=config.vendor_iban,
            bic=config.vendor_bic,
            account_name=config.vendor_name,
            reference=invoice.payment_reference,
            terms=f"Due on {invoice.due_date.isoformat()}; quote the reference {invoice.payment_reference}",
        ),
        notes=[invoice.tax_note] if invoice.tax_note else [],
    )


def credit_note_document(note: CreditNote, invoice: Invoice, config: BillingConfig) -> ei.EDocument:
    category = _category(invoice)
    seller = _seller(config)
    sales_tax = _sales_tax(invoice, note.tax, category)
    return ei.EDocument(
        kind="credit_note",
        number=note.number,
        issue_date=note.issue_date,
        currency=note.currency,
        exponent=minor_unit_exponent(note.currency),
        seller=seller,
        buyer=_buyer(invoice, seller),
        lines=[
            ei.Line(
                id="1",
                name=f"Credit for invoice {invoice.number}: {note.reason}"[:200],
                quantity=1,
                net=note.net,
                category=category,
            )
        ],
        tax=Decimal(0) if sales_tax or invoice.tax_regime == InvoiceTaxRegime.US_SALES_TAX else note.tax,
        charges=sales_tax,
        order_reference=str(invoice.order_id) if invoice.order_id else None,
        buyer_reference=str(
            invoice.order_id or invoice.subscription_id or invoice.contract_id or invoice.number
        ),
        preceding_invoice=(invoice.number, invoice.issue_date),
        notes=[f"{note.kind}: {note.reason}", *([invoice.tax_note] if invoice.tax_note else [])],
    )


def invoice_ubl(invoice: Invoice, config: BillingConfig) -> bytes:
    return ei.ubl_xml(invoice_document(invoice, config))


def credit_note_ubl(note: CreditNote, invoice: Invoice, config: BillingConfig) -> bytes:
    return ei.ubl_xml(credit_note_document(note, invoice, config))


def invoice_cii(invoice: Invoice, config: BillingConfig) -> bytes:
    return ei.cii_xml(invoice_document(invoice, config))


def credit_note_cii(note: CreditNote, invoice: Invoice, config: BillingConfig) -> bytes:
    return ei.cii_xml(credit_note_document(note, invoice, config))
