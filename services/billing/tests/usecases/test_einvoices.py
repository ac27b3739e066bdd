"""R-BI-10: every invoice and credit note is an EN 16931 e-invoice (Peppol BIS Billing 3.0 UBL), and
passes the official rules — the OASIS UBL 2.1 XSD and the CEN EN 16931 validation stylesheet, run
with Saxon (`services/billing/tests/einvoice/rules.py`). Invoices are made by the real use case from
an `OrderPlaced` event against a real PostgreSQL (the fast tier)."""

from __future__ import annotations

import io
import uuid
from collections.abc import Awaitable, Callable
from datetime import date
from decimal import Decimal

import pytest
from lxml import etree
from pypdf import PdfReader
from sqlalchemy.ext.asyncio import AsyncSession

from libs.db import UnitOfWork
from libs.events import ordering as ordering_events
from libs.events.billing import CreditNoteKind
from libs.testing.usecases import emitted
from services.billing.config import BillingConfig
from services.billing.domain.einvoice import CII_NS, NS
from services.billing.models import OUTBOX, TABLES, Invoice, ResellerAccount
from services.billing.tests.einvoice.rules import check_cii, check_ubl
from services.billing.usecases import credit_notes, documents, einvoices, invoicing

PLACED = date(2026, 3, 2)
CONFIG = BillingConfig()
REVERSE_CHARGE_NOTE = (
    "Reverse charge: VAT to be accounted for by the recipient (Article 196 Directive 2006/112/EC)"
)


@pytest.fixture
async def billing(service_session: Callable[[str], Awaitable[AsyncSession]]) -> UnitOfWork:
    """A unit of work over the test's rolled-back session, with billing's outbox."""
    return UnitOfWork.over(await service_session("billing"), outbox=OUTBOX)


async def reseller(session: AsyncSession, country: str, vat_id: str | None) -> uuid.UUID:
    reseller_id = uuid.uuid4()
    session.add(
        ResellerAccount(
            reseller_id=reseller_id,
            version=1,
            company_name=f"Partner {country} GmbH & Co",
            contact_email=f"ap@partner-{country.lower()}.example",
            country=country,
            state=None,
            vat_id=vat_id,
            payment_terms_days=30,
            annual_interest_rate=Decimal("0.08"),
        )
    )
    await session.flush()
    return reseller_id


async def order_invoice(
    uow: UnitOfWork,
    reseller_id: uuid.UUID,
    lines: list[tuple[str, int, str, str]],  # (sku, quantity, unit price, line tax)
    *,
    regime: str,
    rate: str,
    tax_total: str,
    note: str | None = None,
) -> Invoice:
    data = [
        ordering_events.OrderLineData(
            sku=sku,
            product="Office Suite",
            quantity=qty,
            unit_msrp=Decimal(price),
            discount_percent=Decimal(0),
            unit_price=Decimal(price),
            net=Decimal(price) * qty,
            tax=Decimal(tax),
            total=Decimal(price) * qty + Decimal(tax),
        )
        for sku, qty, price, tax in lines
    ]
    net = sum((line.net for line in data), Decimal(0))
    event = ordering_events.OrderPlaced(
        order_id=uuid.uuid4(),
        reseller_id=reseller_id,
        customer_id=None,
        ship_to=None,
        currency="EUR",
        payment_method="bank_transfer",
        payment_requirement="on_account",
        lines=data,
        net_total=net,
        tax_total=Decimal(tax_total),
        total=net + Decimal(tax_total),
        tax_regime=regime,
        tax_rate=Decimal(rate),
        tax_note=note,
        placed_on=PLACED,
    )
    return await invoicing.invoice_order(uow, event)


def xpath(xml: bytes, path: str) -> list[str]:
    found = etree.fromstring(xml).xpath(path, namespaces=NS)
    assert isinstance(found, list)
    return [str(v.text if isinstance(v, etree._Element) else v) for v in found]


def one(xml: bytes, path: str) -> str:
    (value,) = xpath(xml, path)
    return value


async def test_r_bi_10_domestic_nl_invoice_is_peppol_bis_ubl_that_passes_the_cen_rules(
    billing: UnitOfWork,
) -> None:
    partner = await reseller(billing.session, "NL", "NL123456789B01")
    invoice = await order_invoice(
        billing,
        partner,
        [("SKU-A", 2, "100.00", "42.00"), ("SKU-B", 1, "49.95", "10.49")],
        regime="eu_vat",
        rate="0.21",
        tax_total="52.49",
    )
    xml = einvoices.invoice_ubl(invoice, CONFIG)
    check_ubl(xml)
    assert one(xml, "/inv:Invoice/cbc:CustomizationID").endswith("poacc:billing:3.0")
    assert one(xml, "/inv:Invoice/cbc:ID") == invoice.number
    assert one(xml, "/inv:Invoice/cbc:DueDate") == invoice.due_date.isoformat()
    assert one(xml, "/inv:Invoice/cac:OrderReference/cbc:ID") == str(invoice.order_id)
    seller = "/inv:Invoice/cac:AccountingSupplierParty/cac:Party"
    assert one(xml, f"{seller}/cbc:EndpointID/@schemeID") == "9944"
    assert one(xml, f"{seller}/cbc:EndpointID") == CONFIG.vendor_vat_id
    assert one(xml, f"{seller}/cac:PostalAddress/cbc:CityName") == "Amsterdam"
    assert one(xml, f"{seller}/cac:PostalAddress/cbc:PostalZone") == "1012 AB"
    buyer = "/inv:Invoice/cac:AccountingCustomerParty/cac:Party"
    assert one(xml, f"{buyer}/cbc:EndpointID") == "NL123456789B01"
    assert one(xml, f"{buyer}/cac:PartyTaxScheme/cbc:CompanyID") == "NL123456789B01"
    means = "/inv:Invoice/cac:PaymentMeans"
    assert one(xml, f"{means}/cbc:PaymentMeansCode") == "58"
    assert one(xml, f"{means}/cbc:PaymentID") == invoice.payment_reference
    assert one(xml, f"{means}/cac:PayeeFinancialAccount/cbc:ID") == CONFIG.vendor_iban
    assert one(xml, f"{means}/cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch/cbc:ID") == "ABNANL2A"
    sub = "/inv:Invoice/cac:TaxTotal/cac:TaxSubtotal"
    assert xpath(xml, f"{sub}/cac:TaxCategory/cbc:ID") == ["S"]
    assert one(xml, f"{sub}/cac:TaxCategory/cbc:Percent") == "21"
    assert one(xml, f"{sub}/cbc:TaxableAmount") == "249.95"
    assert one(xml, f"{sub}/cbc:TaxAmount") == "52.49"
    # the document's amounts are the invoice's, to the cent
    total = "/inv:Invoice/cac:LegalMonetaryTotal"
    assert Decimal(one(xml, f"{total}/cbc:TaxExclusiveAmount")) == invoice.net
    assert Decimal(one(xml, f"{total}/cbc:PayableAmount")) == invoice.total == Decimal("302.44")
    assert xpath(xml, "//cac:InvoiceLine/cbc:LineExtensionAmount") == ["200.00", "49.95"]


async def test_r_bi_10_reverse_charge_invoice_to_a_german_reseller_is_category_ae_with_the_legal_mention(
    billing: UnitOfWork,
) -> None:
    partner = await reseller(billing.session, "DE", "DE136695976")
    invoice = await order_invoice(
        billing,
        partner,
        [("SKU-A", 3, "1349.10", "0")],
        regime="eu_reverse_charge",
        rate="0",
        tax_total="0",
        note=REVERSE_CHARGE_NOTE,
    )
    xml = einvoices.invoice_ubl(invoice, CONFIG)
    check_ubl(xml)
    buyer = "/inv:Invoice/cac:AccountingCustomerParty/cac:Party"
    assert one(xml, f"{buyer}/cbc:EndpointID/@schemeID") == "9930"
    assert one(xml, f"{buyer}/cbc:EndpointID") == "DE136695976"
    assert one(xml, f"{buyer}/cac:PostalAddress/cac:Country/cbc:IdentificationCode") == "DE"
    category = "/inv:Invoice/cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory"
    assert one(xml, f"{category}/cbc:ID") == "AE"
    assert one(xml, f"{category}/cbc:Percent") == "0"
    assert one(xml, f"{category}/cbc:TaxExemptionReasonCode") == "VATEX-EU-AE"
    assert one(xml, f"{category}/cbc:TaxExemptionReason") == REVERSE_CHARGE_NOTE
    assert one(xml, "/inv:Invoice/cac:TaxTotal/cbc:TaxAmount") == "0.00"
    assert one(xml, "/inv:Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount") == "4047.30"


async def test_r_bi_10_vat_per_category_rounded_once_where_per_line_rounding_differs(
    billing: UnitOfWork,
) -> None:
    """Two lines of 12.50 at 21 %: per line 2.63 + 2.63 = 5.26, per category round(25.00 x 0.21) = 5.25
    (BT-117 = BT-116 x BT-119, BR-CO-17). The order's tax is the category's (R-BI-10, ordering's
    pricing); the line tax stays informational and is not on the e-invoice."""
    partner = await reseller(billing.session, "NL", "NL123456789B01")
    invoice = await order_invoice(
        billing,
        partner,
        [("SKU-A", 1, "12.50", "2.63"), ("SKU-B", 1, "12.50", "2.63")],
        regime="eu_vat",
        rate="0.21",
        tax_total="5.25",
    )
    xml = einvoices.invoice_ubl(invoice, CONFIG)
    check_ubl(xml)
    assert one(xml, "/inv:Invoice/cac:TaxTotal/cac:TaxSubtotal/cbc:TaxableAmount") == "25.00"
    assert one(xml, "/inv:Invoice/cac:TaxTotal/cac:TaxSubtotal/cbc:TaxAmount") == "5.25"
    assert one(xml, "/inv:Invoice/cac:TaxTotal/cbc:TaxAmount") == str(invoice.tax.quantize(Decimal("0.01")))
    assert one(xml, "/inv:Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount") == "30.25"


async def test_r_bi_10_credit_note_is_a_ubl_credit_note_referencing_its_invoice(
    billing: UnitOfWork,
) -> None:
    partner = await reseller(billing.session, "BE", "BE0403170701")
    invoice = await order_invoice(
        billing, partner, [("SKU-A", 1, "100.00", "21.00")], regime="eu_vat", rate="0.21", tax_total="21.00"
    )
    note = await credit_notes.issue(
        billing,
        invoice,
        kind=CreditNoteKind.CORRECTION,
        reason="price corrected",
        issued_by="staff",
        issue_date=PLACED,
        amount=Decimal("60.50"),
    )
    assert note is not None
    xml = einvoices.credit_note_ubl(note, invoice, CONFIG)
    check_ubl(xml)
    assert one(xml, "/cn:CreditNote/cbc:CreditNoteTypeCode") == "381"
    assert one(xml, "/cn:CreditNote/cbc:ID") == note.number
    ref = "/cn:CreditNote/cac:BillingReference/cac:InvoiceDocumentReference"
    assert one(xml, f"{ref}/cbc:ID") == invoice.number
    assert one(xml, f"{ref}/cbc:IssueDate") == invoice.issue_date.isoformat()
    assert one(xml, "/cn:CreditNote/cac:AccountingCustomerParty/cac:Party/cbc:EndpointID/@schemeID") == "9925"
    assert one(xml, "/cn:CreditNote/cac:TaxTotal/cac:TaxSubtotal/cbc:TaxableAmount") == "50.00"
    assert one(xml, "/cn:CreditNote/cac:TaxTotal/cac:TaxSubtotal/cbc:TaxAmount") == "10.50"
    assert one(xml, "/cn:CreditNote/cac:LegalMonetaryTotal/cbc:PayableAmount") == "60.50"
    assert one(xml, "//cac:CreditNoteLine/cbc:CreditedQuantity") == "1"


def _stored(**kwargs: object) -> Invoice:
    base: dict[str, object] = {
        "id": uuid.uuid4(),
        "number": "2026-000777",
        "payment_reference": "RF7320260007 77".replace(" ", ""),
        "kind": "order",
        "reseller_id": uuid.uuid4(),
        "order_id": uuid.uuid4(),
        "currency": "EUR",
        "issue_date": PLACED,
        "due_date": date(2026, 4, 1),
        "tax_note": None,
        "lines": [
            {"description": "Bundle", "sku": "B", "quantity": 3, "unit_price": "33.33", "net": "100.00"}
        ],
    }
    base.update(kwargs)
    return Invoice(**base)


def test_r_bi_10_waas_invoice_to_an_end_customer_without_vat_id_passes_the_cen_rules() -> None:
    invoice = _stored(
        kind="waas",
        order_id=None,
        contract_id=uuid.uuid4(),
        net=Decimal("100.00"),
        tax=Decimal("21.00"),
        total=Decimal("121.00"),
        tax_regime="waas_end_customer",
        tax_rate=Decimal("0.21"),
        bill_to={"name": "Bakery Jansen", "country": "NL", "domain": "jansen.example"},
    )
    xml = einvoices.invoice_ubl(invoice, CONFIG)
    check_ubl(xml)
    assert xpath(xml, "/inv:Invoice/cac:AccountingCustomerParty/cac:Party/cbc:EndpointID") == []
    assert one(xml, "/inv:Invoice/cbc:BuyerReference") == str(invoice.contract_id)
    assert one(xml, "//cac:InvoiceLine/cac:Price/cbc:PriceAmount") == "33.333333"


@pytest.mark.parametrize("regime, tax", [("none", "0.00"), ("us_sales_tax", "7.25")])
def test_r_bi_10_no_eu_vat_is_category_o_and_us_sales_tax_a_document_charge(regime: str, tax: str) -> None:
    invoice = _stored(
        net=Decimal("100.00"),
        tax=Decimal(tax),
        total=Decimal("100.00") + Decimal(tax),
        tax_regime=regime,
        tax_rate=Decimal(tax) / 100,
        bill_to={"name": "Reseller Inc", "country": "US", "email": "ap@reseller.example"},
    )
    xml = einvoices.invoice_ubl(invoice, CONFIG)
    check_ubl(xml)
    assert one(xml, "/inv:Invoice/cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:ID") == "O"
    assert one(xml, "/inv:Invoice/cac:TaxTotal/cbc:TaxAmount") == "0.00"
    assert xpath(xml, "//cac:PartyTaxScheme") == []  # BR-O-02: no VAT identifiers
    assert one(xml, "/inv:Invoice/cac:AccountingCustomerParty/cac:Party/cbc:EndpointID/@schemeID") == "EM"
    assert Decimal(one(xml, "/inv:Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount")) == invoice.total
    charges = xpath(xml, "/inv:Invoice/cac:AllowanceCharge/cbc:Amount")
    assert charges == ([] if regime == "none" else ["7.25"])


def test_r_bi_10_the_rules_check_can_fail_a_wrong_vat_amount() -> None:
    """The checker is not a formality: a VAT amount off by more than the tolerance is fatal (BR-CO-17)."""
    invoice = _stored(
        net=Decimal("100.00"),
        tax=Decimal("23.00"),
        total=Decimal("123.00"),
        tax_regime="eu_vat",
        tax_rate=Decimal("0.21"),
        bill_to={"name": "Acme", "country": "NL", "vat_id": "NL123456789B01"},
    )
    with pytest.raises(AssertionError, match="BR-CO-17"):
        check_ubl(einvoices.invoice_ubl(invoice, CONFIG))


def _embedded(pdf: bytes) -> tuple[bytes, str, str]:
    reader = PdfReader(io.BytesIO(pdf))
    [xml] = reader.attachments["factur-x.xml"]
    metadata = reader.xmp_metadata
    assert metadata is not None
    xmp = metadata.rdf_root.toxml()
    text = "".join(page.extract_text() for page in reader.pages)
    return xml, xmp, text


async def test_r_bi_10_invoice_pdf_is_factur_x_en16931_with_cii_that_passes_the_cen_rules(
    billing: UnitOfWork,
) -> None:
    partner = await reseller(billing.session, "FR", "FR40303265045")
    invoice = await order_invoice(
        billing,
        partner,
        [("SKU-A", 1, "12.50", "2.63"), ("SKU-B", 1, "12.50", "2.63")],
        regime="eu_vat",
        rate="0.21",
        tax_total="5.25",
    )
    xml, xmp, text = _embedded(documents.invoice_pdf(invoice, CONFIG))
    check_cii(xml)
    assert "<pdfaid:part>3</pdfaid:part>" in xmp or 'pdfaid:part="3"' in xmp
    assert "EN 16931" in xmp and "factur-x.xml" in xmp
    root = etree.fromstring(xml)
    summation = "//ram:SpecifiedTradeSettlementHeaderMonetarySummation"
    assert root.xpath(f"string({summation}/ram:TaxTotalAmount)", namespaces=CII_NS) == "5.25"
    assert root.xpath(f"string({summation}/ram:GrandTotalAmount)", namespaces=CII_NS) == "30.25"
    assert root.xpath("string(//ram:PaymentReference)", namespaces=CII_NS) == invoice.payment_reference
    uri = "//ram:BuyerTradeParty/ram:URIUniversalCommunication/ram:URIID"
    assert root.xpath(f"string({uri}/@schemeID)", namespaces=CII_NS) == "9957"
    # the visible PDF is unchanged: the same amounts, to the cent
    for expected in (invoice.number, invoice.payment_reference, "EUR 30.25", "EUR 5.25"):
        assert expected in text, expected


async def test_r_bi_10_credit_note_pdf_is_factur_x_referencing_its_invoice(billing: UnitOfWork) -> None:
    partner = await reseller(billing.session, "DE", "DE136695976")
    invoice = await order_invoice(
        billing,
        partner,
        [("SKU-A", 2, "500.00", "0")],
        regime="eu_reverse_charge",
        rate="0",
        tax_total="0",
        note=REVERSE_CHARGE_NOTE,
    )
    note = await credit_notes.issue(
        billing,
        invoice,
        kind=CreditNoteKind.CANCELLATION,
        reason="order cancelled",
        issued_by="system",
        issue_date=PLACED,
    )
    assert note is not None
    xml, _, text = _embedded(documents.credit_note_pdf(note, invoice, CONFIG))
    check_cii(xml)
    root = etree.fromstring(xml)
    assert root.xpath("string(//rsm:ExchangedDocument/ram:TypeCode)", namespaces=CII_NS) == "381"
    assert root.xpath("string(//ram:InvoiceReferencedDocument/ram:IssuerAssignedID)", namespaces=CII_NS) == (
        invoice.number
    )
    assert root.xpath("string(//ram:ApplicableTradeTax/ram:CategoryCode)", namespaces=CII_NS) == "AE"
    assert note.number in text and "EUR 1,000.00" in text


def test_r_bi_10_cii_of_every_regime_passes_the_cen_rules() -> None:
    for regime, tax, bill_to in (
        ("waas_end_customer", "21.00", {"name": "Bakery", "country": "NL"}),
        ("none", "0.00", {"name": "Reseller Inc", "country": "US"}),
        ("us_sales_tax", "7.25", {"name": "Reseller Inc", "country": "US", "email": "ap@r.example"}),
    ):
        invoice = _stored(
            net=Decimal("100.00"),
            tax=Decimal(tax),
            total=Decimal("100.00") + Decimal(tax),
            tax_regime=regime,
            tax_rate=Decimal(tax) / 100,
            bill_to=bill_to,
        )
        check_cii(einvoices.invoice_cii(invoice, CONFIG))


async def test_r_bi_10_invoice_and_credit_note_issued_events_link_the_pdf_and_the_ubl(
    billing: UnitOfWork,
) -> None:
    partner = await reseller(billing.session, "NL", "NL123456789B01")
    invoice = await order_invoice(
        billing, partner, [("SKU-A", 1, "10.00", "2.10")], regime="eu_vat", rate="0.21", tax_total="2.10"
    )
    note = await credit_notes.issue(
        billing, invoice, kind=CreditNoteKind.CORRECTION, reason="x", issued_by="staff", issue_date=PLACED
    )
    assert note is not None
    [issued] = [
        e["data"]
        for e in await emitted(billing.session, TABLES.outbox, "billing.invoice.issued.v1")
        if e["data"]["invoice_id"] == str(invoice.id)
    ]
    assert issued["links"] == {
        "pdf": f"/v1/invoices/{invoice.id}/pdf",
        "ubl": f"/v1/invoices/{invoice.id}/ubl",
    }
    [credited] = await emitted(billing.session, TABLES.outbox, "billing.credit_note.issued.v1")
    assert credited["data"]["links"] == {
        "pdf": f"/v1/credit-notes/{note.id}/pdf",
        "ubl": f"/v1/credit-notes/{note.id}/ubl",
    }
