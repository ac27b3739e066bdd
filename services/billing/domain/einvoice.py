"""Structured EN 16931 e-invoices (R-BI-10): one neutral model of an invoice or credit note, written
as Peppol BIS Billing 3.0 UBL 2.1 (`ubl_xml`). Pure: no I/O; the use case (`usecases.einvoices`)
maps the stored invoice and the vendor's settings onto `EDocument`.

VAT categories (BT-118 / BT-151) per tax regime — `vat_category`:

| regime              | category | rate          | note                                                     |
|---------------------|----------|---------------|----------------------------------------------------------|
| `eu_vat`            | S        | the invoice's | domestic (or non-registered EU) supply, standard rate    |
| `waas_end_customer` | S        | the invoice's | the distributor's WaaS instalments to end customers      |
| `eu_reverse_charge` | AE       | 0             | reason text = the invoice's tax note, code VATEX-EU-AE   |
| `none`              | O        | —             | outside the scope of EU VAT (export), code VATEX-EU-O    |
| `us_sales_tax`      | O        | —             | US sales tax is not VAT: the category is O and the sales |
|                     |          |               | tax, when charged, is a document-level charge (BG-21)    |

K (intra-community supply of goods) and G (export of goods) are not used: what the platform sells
to EU resellers is taxed as a B2B supply under reverse charge (AE); exports outside the EU are O.
An invoice has one tax regime, so its VAT breakdown has one category; `vat_breakdown` nevertheless
groups lines by (category, rate) and rounds each category's VAT once (BR-CO-17).

Electronic addresses (BT-34 / BT-49, `endpoint`): the Peppol participant id is the party's VAT id
under its country's EAS scheme (NL → 9944, BE → 9925, DE → 9930, FR → 9957, …, `EAS_VAT_SCHEMES`);
without a VAT id in a mapped country it falls back to the contact e-mail under scheme `EM`, and
without either the endpoint is left out (allowed by EN 16931; a Peppol access point would refuse
such a document, which only WaaS end customers without a VAT id can produce).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from lxml import etree

CUSTOMIZATION_ID = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0"
PROFILE_ID = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0"

NS = {
    "inv": "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
    "cn": "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2",
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
}

# EAS (CEF Electronic Address Scheme) codes of national VAT numbers, as Peppol participant ids
EAS_VAT_SCHEMES: dict[str, str] = {
    "AT": "9914",
    "BE": "9925",
    "BG": "9926",
    "CY": "9928",
    "CZ": "9929",
    "DE": "9930",
    "DK": "0198",
    "EE": "9931",
    "EL": "9933",
    "GR": "9933",
    "ES": "9920",
    "FI": "0213",
    "FR": "9957",
    "HR": "9934",
    "HU": "9910",
    "IE": "9935",
    "IT": "0211",
    "LT": "9937",
    "LU": "9938",
    "LV": "9939",
    "MT": "9943",
    "NL": "9944",
    "PL": "9945",
    "PT": "9946",
    "RO": "9947",
    "SI": "9949",
    "SK": "9950",
}
EMAIL_SCHEME = "EM"
VATEX_REVERSE_CHARGE = "VATEX-EU-AE"
VATEX_NOT_SUBJECT = "VATEX-EU-O"
_HUNDRED = Decimal(100)


class EInvoiceError(ValueError):
    """A document that cannot be expressed as an EN 16931 e-invoice (a bug, not a partner error)."""


@dataclass(frozen=True, slots=True)
class Endpoint:
    scheme: str
    value: str


def endpoint(vat_id: str | None, email: str | None) -> Endpoint | None:
    """The party's electronic address: VAT id under its EAS scheme, else e-mail (`EM`), else none."""
    if vat_id:
        compact = "".join(ch for ch in vat_id if ch.isalnum()).upper()
        scheme = EAS_VAT_SCHEMES.get(compact[:2])
        if scheme is not None:
            return Endpoint(scheme, compact)
    if email:
        return Endpoint(EMAIL_SCHEME, email)
    return None


@dataclass(frozen=True, slots=True)
class VatCategory:
    code: str  # UNCL5305: S, AE, O
    rate: Decimal | None  # percent (21 for 21 %); None for O (BR-O-05: no rate)
    exemption_code: str | None = None
    exemption_reason: str | None = None


REVERSE_CHARGE_TEXT = (
    "Reverse charge: VAT to be accounted for by the recipient (Art. 196 Directive 2006/112/EC)"
)
NOT_SUBJECT_TEXT = "Not subject to EU VAT"


def vat_category(regime: str, rate: Decimal, tax_note: str | None) -> VatCategory:
    """The EN 16931 VAT category of a tax regime (the table in the module's docstring)."""
    if regime in ("eu_vat", "waas_end_customer"):
        return VatCategory("S", (rate * _HUNDRED).normalize())
    if regime == "eu_reverse_charge":
        return VatCategory("AE", Decimal(0), VATEX_REVERSE_CHARGE, tax_note or REVERSE_CHARGE_TEXT)
    if regime in ("none", "us_sales_tax"):
        return VatCategory("O", None, VATEX_NOT_SUBJECT, tax_note or NOT_SUBJECT_TEXT)
    raise EInvoiceError(f"no EN 16931 VAT category for tax regime {regime!r}")


@dataclass(frozen=True, slots=True)
class Party:
    name: str
    country: str  # ISO 3166-1 alpha-2
    vat_id: str | None = None
    email: str | None = None
    street: str | None = None
    city: str | None = None
    postal_code: str | None = None
    company_id: str | None = None  # legal registration id (BT-30), e.g. the Chamber of Commerce number
    company_id_scheme: str | None = None  # ISO 6523 ICD, e.g. 0106 (NL KvK)

    @property
    def endpoint(self) -> Endpoint | None:
        return endpoint(self.vat_id, self.email)


@dataclass(frozen=True, slots=True)
class Line:
    id: str
    name: str
    quantity: int
    net: Decimal  # BT-131, in minor units
    category: VatCategory
    sku: str | None = None


@dataclass(frozen=True, slots=True)
class Charge:
    """A document-level charge (BG-21): US sales tax, which is not VAT."""

    reason: str
    amount: Decimal
    category: VatCategory


@dataclass(frozen=True, slots=True)
class Payment:
    iban: str
    bic: str
    account_name: str
    reference: str  # the RF creditor reference (BT-83, remittance information)
    terms: str | None = None


@dataclass(frozen=True, slots=True)
class EDocument:
    kind: str  # "invoice" | "credit_note"
    number: str
    issue_date: date
    currency: str
    seller: Party
    buyer: Party
    lines: list[Line]
    tax: Decimal  # BT-110, the document's VAT as the API and the PDF show it
    exponent: Decimal = Decimal("0.01")  # the currency's minor unit
    due_date: date | None = None
    order_reference: str | None = None
    buyer_reference: str | None = None
    preceding_invoice: tuple[str, date] | None = None  # (number, issue date) a credit note credits
    payment: Payment | None = None
    charges: list[Charge] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class VatSubtotal:
    category: VatCategory
    taxable: Decimal  # BT-116
    tax: Decimal  # BT-117 = round(BT-116 x BT-119), once per category


def _key(category: VatCategory) -> tuple[str, Decimal | None]:
    return category.code, category.rate


def vat_breakdown(doc: EDocument) -> list[VatSubtotal]:
    """BG-23: per category, the taxable amount (line nets + charges) and its VAT rounded once.

    With one category the VAT is the document's own (what the API and the PDF show); several
    categories are each taxable x rate, rounded half-up once (BT-117, BR-CO-17)."""
    taxable: dict[tuple[str, Decimal | None], Decimal] = defaultdict(Decimal)
    categories: dict[tuple[str, Decimal | None], VatCategory] = {}
    amounts = [(line.category, line.net) for line in doc.lines]
    amounts += [(charge.category, charge.amount) for charge in doc.charges]
    for category, amount in amounts:
        taxable[_key(category)] += amount
        categories.setdefault(_key(category), category)
    if len(categories) == 1:
        ((key, category),) = categories.items()
        return [VatSubtotal(category, taxable[key], doc.tax)]
    return [
        VatSubtotal(
            category,
            taxable[key],
            (taxable[key] * (category.rate or 0) / _HUNDRED).quantize(doc.exponent, rounding=ROUND_HALF_UP),
        )
        for key, category in categories.items()
    ]


def _amount(value: Decimal, exponent: Decimal) -> str:
    return str(value.quantize(exponent, rounding=ROUND_HALF_UP))


def _price(value: Decimal) -> str:
    # the unit price (BT-146) may carry more decimals than an amount: net ÷ quantity, exact to 1e-6
    return f"{value.quantize(Decimal('0.000001'), rounding=ROUND_HALF_UP).normalize():f}"


def _el(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    prefix, name = tag.split(":")
    node = etree.SubElement(parent, f"{{{NS[prefix]}}}{name}", attrs or None)
    if text is not None:
        node.text = text
    return node


def _tax_category(parent: etree._Element, tag: str, category: VatCategory, *, with_reason: bool) -> None:
    node = _el(parent, tag)
    _el(node, "cbc:ID", category.code)
    if category.rate is not None:
        _el(node, "cbc:Percent", f"{category.rate:f}")
    if with_reason and category.exemption_code:
        _el(node, "cbc:TaxExemptionReasonCode", category.exemption_code)
    if with_reason and category.exemption_reason:
        _el(node, "cbc:TaxExemptionReason", category.exemption_reason)
    _el(_el(node, "cac:TaxScheme"), "cbc:ID", "VAT")


def _party(parent: etree._Element, tag: str, party: Party, *, show_vat: bool) -> None:
    node = _el(_el(parent, tag), "cac:Party")
    address = party.endpoint
    if address is not None:
        _el(node, "cbc:EndpointID", address.value, schemeID=address.scheme)
    _el(_el(node, "cac:PartyName"), "cbc:Name", party.name)
    postal = _el(node, "cac:PostalAddress")
    if party.street:
        _el(postal, "cbc:StreetName", party.street)
    if party.city:
        _el(postal, "cbc:CityName", party.city)
    if party.postal_code:
        _el(postal, "cbc:PostalZone", party.postal_code)
    _el(_el(postal, "cac:Country"), "cbc:IdentificationCode", party.country)
    if show_vat and party.vat_id:
        tax_scheme = _el(node, "cac:PartyTaxScheme")
        _el(tax_scheme, "cbc:CompanyID", party.vat_id)
        _el(_el(tax_scheme, "cac:TaxScheme"), "cbc:ID", "VAT")
    legal = _el(node, "cac:PartyLegalEntity")
    _el(legal, "cbc:RegistrationName", party.name)
    if party.company_id:
        attrs = {"schemeID": party.company_id_scheme} if party.company_id_scheme else {}
        _el(legal, "cbc:CompanyID", party.company_id, **attrs)
    if party.email:
        _el(_el(node, "cac:Contact"), "cbc:ElectronicMail", party.email)


def totals(doc: EDocument) -> tuple[Decimal, Decimal, Decimal, Decimal]:
    """(line total BT-106, charges BT-108, tax exclusive BT-109, tax inclusive BT-112)."""
    lines = sum((line.net for line in doc.lines), Decimal(0))
    charges = sum((charge.amount for charge in doc.charges), Decimal(0))
    vat = sum((s.tax for s in vat_breakdown(doc)), Decimal(0))
    return lines, charges, lines + charges, lines + charges + vat


def ubl_xml(doc: EDocument) -> bytes:
    """The document as Peppol BIS Billing 3.0 UBL 2.1 (Invoice 380 or CreditNote 381)."""
    if not doc.lines:
        raise EInvoiceError("an e-invoice needs at least one line (BR-16)")
    invoice = doc.kind == "invoice"
    exp = doc.exponent
    root_ns = NS["inv"] if invoice else NS["cn"]
    root = etree.Element(
        f"{{{root_ns}}}{'Invoice' if invoice else 'CreditNote'}",
        nsmap={None: root_ns, "cac": NS["cac"], "cbc": NS["cbc"]},
    )
    _el(root, "cbc:CustomizationID", CUSTOMIZATION_ID)
    _el(root, "cbc:ProfileID", PROFILE_ID)
    _el(root, "cbc:ID", doc.number)
    _el(root, "cbc:IssueDate", doc.issue_date.isoformat())
    if invoice and doc.due_date is not None:
        _el(root, "cbc:DueDate", doc.due_date.isoformat())
    _el(root, "cbc:InvoiceTypeCode" if invoice else "cbc:CreditNoteTypeCode", "380" if invoice else "381")
    for note in doc.notes:
        _el(root, "cbc:Note", note)
    _el(root, "cbc:DocumentCurrencyCode", doc.currency)
    if doc.buyer_reference:
        _el(root, "cbc:BuyerReference", doc.buyer_reference)
    if doc.order_reference:
        _el(_el(root, "cac:OrderReference"), "cbc:ID", doc.order_reference)
    if doc.preceding_invoice is not None:
        ref = _el(_el(root, "cac:BillingReference"), "cac:InvoiceDocumentReference")
        _el(ref, "cbc:ID", doc.preceding_invoice[0])
        _el(ref, "cbc:IssueDate", doc.preceding_invoice[1].isoformat())
    breakdown = vat_breakdown(doc)
    # BR-O-02: a document with category O carries no VAT identifiers
    show_vat = all(s.category.code != "O" for s in breakdown)
    _party(root, "cac:AccountingSupplierParty", doc.seller, show_vat=show_vat)
    _party(root, "cac:AccountingCustomerParty", doc.buyer, show_vat=show_vat)
    if doc.payment is not None:
        means = _el(root, "cac:PaymentMeans")
        _el(means, "cbc:PaymentMeansCode", "58", name="SEPA credit transfer")
        _el(means, "cbc:PaymentID", doc.payment.reference)
        account = _el(means, "cac:PayeeFinancialAccount")
        _el(account, "cbc:ID", doc.payment.iban)
        _el(account, "cbc:Name", doc.payment.account_name)
        _el(_el(account, "cac:FinancialInstitutionBranch"), "cbc:ID", doc.payment.bic)
        if doc.payment.terms:
            _el(_el(root, "cac:PaymentTerms"), "cbc:Note", doc.payment.terms)
    for charge in doc.charges:
        node = _el(root, "cac:AllowanceCharge")
        _el(node, "cbc:ChargeIndicator", "true")
        _el(node, "cbc:AllowanceChargeReason", charge.reason)
        _el(node, "cbc:Amount", _amount(charge.amount, exp), currencyID=doc.currency)
        _tax_category(node, "cac:TaxCategory", charge.category, with_reason=False)
    tax_total = _el(root, "cac:TaxTotal")
    _el(
        tax_total,
        "cbc:TaxAmount",
        _amount(sum((s.tax for s in breakdown), Decimal(0)), exp),
        currencyID=doc.currency,
    )
    for sub in breakdown:
        node = _el(tax_total, "cac:TaxSubtotal")
        _el(node, "cbc:TaxableAmount", _amount(sub.taxable, exp), currencyID=doc.currency)
        _el(node, "cbc:TaxAmount", _amount(sub.tax, exp), currencyID=doc.currency)
        _tax_category(node, "cac:TaxCategory", sub.category, with_reason=True)
    lines, charges, exclusive, inclusive = totals(doc)
    monetary = _el(root, "cac:LegalMonetaryTotal")
    _el(monetary, "cbc:LineExtensionAmount", _amount(lines, exp), currencyID=doc.currency)
    _el(monetary, "cbc:TaxExclusiveAmount", _amount(exclusive, exp), currencyID=doc.currency)
    _el(monetary, "cbc:TaxInclusiveAmount", _amount(inclusive, exp), currencyID=doc.currency)
    if doc.charges:
        _el(monetary, "cbc:ChargeTotalAmount", _amount(charges, exp), currencyID=doc.currency)
    _el(monetary, "cbc:PayableAmount", _amount(inclusive, exp), currencyID=doc.currency)
    for line in doc.lines:
        node = _el(root, "cac:InvoiceLine" if invoice else "cac:CreditNoteLine")
        _el(node, "cbc:ID", line.id)
        _el(
            node,
            "cbc:InvoicedQuantity" if invoice else "cbc:CreditedQuantity",
            str(line.quantity),
            unitCode="C62",
        )
        _el(node, "cbc:LineExtensionAmount", _amount(line.net, exp), currencyID=doc.currency)
        item = _el(node, "cac:Item")
        _el(item, "cbc:Name", line.name)
        if line.sku:
            _el(_el(item, "cac:SellersItemIdentification"), "cbc:ID", line.sku)
        _tax_category(item, "cac:ClassifiedTaxCategory", line.category, with_reason=False)
        price = _el(node, "cac:Price")
        _el(price, "cbc:PriceAmount", _price(line.net / line.quantity), currencyID=doc.currency)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


# --- UN/CEFACT CII D16B, Factur-X EN 16931 profile ---------------------------------------------------

CII_NS = {
    "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
    "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
    "udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
    "qdt": "urn:un:unece:uncefact:data:standard:QualifiedDataType:100",
}
FACTURX_EN16931 = "urn:cen.eu:en16931:2017"


def _c(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    prefix, name = tag.split(":")
    node = etree.SubElement(parent, f"{{{CII_NS[prefix]}}}{name}", attrs or None)
    if text is not None:
        node.text = text
    return node


def _cii_date(parent: etree._Element, tag: str, day: date, *, qualified: bool = False) -> None:
    _c(
        _c(parent, tag),
        "qdt:DateTimeString" if qualified else "udt:DateTimeString",
        day.strftime("%Y%m%d"),
        format="102",
    )


def _cii_tax(parent: etree._Element, tag: str, category: VatCategory) -> None:
    node = _c(parent, tag)
    _c(node, "ram:TypeCode", "VAT")
    _c(node, "ram:CategoryCode", category.code)
    if category.rate is not None:
        _c(node, "ram:RateApplicablePercent", f"{category.rate:f}")


def _cii_party(parent: etree._Element, tag: str, party: Party, *, show_vat: bool) -> None:
    node = _c(parent, tag)
    _c(node, "ram:Name", party.name)
    if party.company_id:
        attrs = {"schemeID": party.company_id_scheme} if party.company_id_scheme else {}
        _c(_c(node, "ram:SpecifiedLegalOrganization"), "ram:ID", party.company_id, **attrs)
    if party.email:
        contact = _c(node, "ram:DefinedTradeContact")
        _c(_c(contact, "ram:EmailURIUniversalCommunication"), "ram:URIID", party.email)
    address = _c(node, "ram:PostalTradeAddress")
    if party.postal_code:
        _c(address, "ram:PostcodeCode", party.postal_code)
    if party.street:
        _c(address, "ram:LineOne", party.street)
    if party.city:
        _c(address, "ram:CityName", party.city)
    _c(address, "ram:CountryID", party.country)
    electronic = party.endpoint
    if electronic is not None:
        _c(
            _c(node, "ram:URIUniversalCommunication"),
            "ram:URIID",
            electronic.value,
            schemeID=electronic.scheme,
        )
    if show_vat and party.vat_id:
        _c(_c(node, "ram:SpecifiedTaxRegistration"), "ram:ID", party.vat_id, schemeID="VA")


def cii_xml(doc: EDocument) -> bytes:
    """The document as UN/CEFACT CII (Factur-X / ZUGFeRD EN 16931 profile), to embed in the PDF."""
    if not doc.lines:
        raise EInvoiceError("an e-invoice needs at least one line (BR-16)")
    exp = doc.exponent
    root = etree.Element(f"{{{CII_NS['rsm']}}}CrossIndustryInvoice", nsmap=CII_NS)
    context = _c(root, "rsm:ExchangedDocumentContext")
    _c(_c(context, "ram:GuidelineSpecifiedDocumentContextParameter"), "ram:ID", FACTURX_EN16931)
    header = _c(root, "rsm:ExchangedDocument")
    _c(header, "ram:ID", doc.number)
    _c(header, "ram:TypeCode", "380" if doc.kind == "invoice" else "381")
    _cii_date(header, "ram:IssueDateTime", doc.issue_date)
    for note in doc.notes:
        _c(_c(header, "ram:IncludedNote"), "ram:Content", note)
    transaction = _c(root, "rsm:SupplyChainTradeTransaction")
    for line in doc.lines:
        item = _c(transaction, "ram:IncludedSupplyChainTradeLineItem")
        _c(_c(item, "ram:AssociatedDocumentLineDocument"), "ram:LineID", line.id)
        product = _c(item, "ram:SpecifiedTradeProduct")
        if line.sku:
            _c(product, "ram:SellerAssignedID", line.sku)
        _c(product, "ram:Name", line.name)
        agreement = _c(item, "ram:SpecifiedLineTradeAgreement")
        _c(
            _c(agreement, "ram:NetPriceProductTradePrice"),
            "ram:ChargeAmount",
            _price(line.net / line.quantity),
        )
        _c(
            _c(item, "ram:SpecifiedLineTradeDelivery"),
            "ram:BilledQuantity",
            str(line.quantity),
            unitCode="C62",
        )
        settlement = _c(item, "ram:SpecifiedLineTradeSettlement")
        _cii_tax(settlement, "ram:ApplicableTradeTax", line.category)
        summation = _c(settlement, "ram:SpecifiedTradeSettlementLineMonetarySummation")
        _c(summation, "ram:LineTotalAmount", _amount(line.net, exp))
    breakdown = vat_breakdown(doc)
    show_vat = all(s.category.code != "O" for s in breakdown)
    agreement = _c(transaction, "ram:ApplicableHeaderTradeAgreement")
    if doc.buyer_reference:
        _c(agreement, "ram:BuyerReference", doc.buyer_reference)
    _cii_party(agreement, "ram:SellerTradeParty", doc.seller, show_vat=show_vat)
    _cii_party(agreement, "ram:BuyerTradeParty", doc.buyer, show_vat=show_vat)
    if doc.order_reference:
        _c(_c(agreement, "ram:BuyerOrderReferencedDocument"), "ram:IssuerAssignedID", doc.order_reference)
    _c(transaction, "ram:ApplicableHeaderTradeDelivery")
    settlement = _c(transaction, "ram:ApplicableHeaderTradeSettlement")
    if doc.payment is not None:
        _c(settlement, "ram:PaymentReference", doc.payment.reference)
    _c(settlement, "ram:InvoiceCurrencyCode", doc.currency)
    if doc.payment is not None:
        means = _c(settlement, "ram:SpecifiedTradeSettlementPaymentMeans")
        _c(means, "ram:TypeCode", "58")
        account = _c(means, "ram:PayeePartyCreditorFinancialAccount")
        _c(account, "ram:IBANID", doc.payment.iban)
        _c(account, "ram:AccountName", doc.payment.account_name)
        _c(_c(means, "ram:PayeeSpecifiedCreditorFinancialInstitution"), "ram:BICID", doc.payment.bic)
    for sub in breakdown:
        tax = _c(settlement, "ram:ApplicableTradeTax")
        _c(tax, "ram:CalculatedAmount", _amount(sub.tax, exp))
        _c(tax, "ram:TypeCode", "VAT")
        if sub.category.exemption_reason:
            _c(tax, "ram:ExemptionReason", sub.category.exemption_reason)
        _c(tax, "ram:BasisAmount", _amount(sub.taxable, exp))
        _c(tax, "ram:CategoryCode", sub.category.code)
        if sub.category.exemption_code:
            _c(tax, "ram:ExemptionReasonCode", sub.category.exemption_code)
        if sub.category.rate is not None:
            _c(tax, "ram:RateApplicablePercent", f"{sub.category.rate:f}")
    for charge in doc.charges:
        node = _c(settlement, "ram:SpecifiedTradeAllowanceCharge")
        _c(_c(node, "ram:ChargeIndicator"), "udt:Indicator", "true")
        _c(node, "ram:ActualAmount", _amount(charge.amount, exp))
        _c(node, "ram:Reason", charge.reason)
        _cii_tax(node, "ram:CategoryTradeTax", charge.category)
    terms = _c(settlement, "ram:SpecifiedTradePaymentTerms")
    if doc.payment is not None and doc.payment.terms:
        _c(terms, "ram:Description", doc.payment.terms)
    elif doc.kind == "credit_note":
        _c(terms, "ram:Description", "Credited: nothing to pay; what was paid is kept as credit balance")
    if doc.due_date is not None and doc.kind == "invoice":
        _cii_date(terms, "ram:DueDateDateTime", doc.due_date)
    lines, charges, exclusive, inclusive = totals(doc)
    summation = _c(settlement, "ram:SpecifiedTradeSettlementHeaderMonetarySummation")
    _c(summation, "ram:LineTotalAmount", _amount(lines, exp))
    if doc.charges:
        _c(summation, "ram:ChargeTotalAmount", _amount(charges, exp))
    _c(summation, "ram:TaxBasisTotalAmount", _amount(exclusive, exp))
    _c(summation, "ram:TaxTotalAmount", _amount(inclusive - exclusive, exp), currencyID=doc.currency)
    _c(summation, "ram:GrandTotalAmount", _amount(inclusive, exp))
    _c(summation, "ram:DuePayableAmount", _amount(inclusive, exp))
    if doc.preceding_invoice is not None:
        ref = _c(settlement, "ram:InvoiceReferencedDocument")
        _c(ref, "ram:IssuerAssignedID", doc.preceding_invoice[0])
        _cii_date(ref, "ram:FormattedIssueDateTime", doc.preceding_invoice[1], qualified=True)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
