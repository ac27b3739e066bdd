"""Invoice and statement PDFs (fpdf2, its built-in Helvetica: no font files to ship).

The core fonts speak Latin-1 only, so text is reduced to it (a reseller named in another script
prints with replacement marks rather than failing the document); amounts print with their ISO
currency code, which every reader understands and Latin-1 can encode.

Invoice and credit-note PDFs are Factur-X (R-BI-10): the `factur-x` package embeds the EN 16931
CII XML (`usecases.einvoices`) as `factur-x.xml` with its XMP metadata and the PDF/A-3
identification; the visible PDF is what fpdf2 drew. Known limit: fpdf2's core fonts are not
embedded, which a strict PDF/A validator (veraPDF) reports — the embedded XML, the part accounting
systems read, is validated by the official rules in the tests. The XMP timestamps are the moment of
rendering (the library sets them), so two renderings of one invoice differ in metadata only.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from decimal import Decimal

import facturx
from fpdf import FPDF

from libs.money import round_half_up
from services.billing.config import BillingConfig
from services.billing.models import CreditNote, Invoice, Statement
from services.billing.usecases import einvoices
from services.billing.usecases.amounts import amount_due, amount_paid, interest


def _factur_x(pdf: bytes, xml: bytes, title: str, config: BillingConfig) -> bytes:
    """The PDF as Factur-X EN 16931: PDF/A-3 with the CII XML embedded as factur-x.xml."""
    result: bytes = facturx.generate_from_binary(
        pdf,
        xml,
        flavor="factur-x",
        level="en16931",
        check_xsd=True,
        pdf_metadata={"author": config.vendor_name, "title": title, "subject": title, "keywords": "Factur-X"},
        lang="en-GB",
    )
    return result


# typographic characters legal notes use, spelled in Latin-1
_PLAIN = str.maketrans(
    {
        "\u2014": "-",
        "\u2013": "-",
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u20ac": "EUR",
    }
)


def _latin1(text: object) -> str:
    return str(text).translate(_PLAIN).encode("latin-1", "replace").decode("latin-1")


def _money(amount: Decimal | str, currency: str) -> str:
    return f"{currency} {round_half_up(Decimal(amount), currency):,}"


class _Document(FPDF):
    def __init__(self, config: BillingConfig, title: str, issued: date) -> None:
        super().__init__(format="A4")
        self.config = config
        self.doc_title = title
        self.set_title(title)
        self.set_author(config.vendor_name)
        # dated by the document, not the moment of rendering: the same invoice renders the same file
        self.set_creation_date(datetime.combine(issued, time(), UTC))
        self.set_auto_page_break(auto=True, margin=20)
        self.add_page()

    def header(self) -> None:
        self.set_font("Helvetica", "B", 14)
        self.cell(0, 8, _latin1(self.config.vendor_name), new_x="LMARGIN", new_y="NEXT")
        self.set_font("Helvetica", "", 9)
        self.cell(0, 5, _latin1(self.config.vendor_address), new_x="LMARGIN", new_y="NEXT")
        self.cell(0, 5, _latin1(f"VAT {self.config.vendor_vat_id}"), new_x="LMARGIN", new_y="NEXT")
        self.ln(4)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", "", 8)
        self.cell(
            0,
            5,
            _latin1(
                f"{self.config.vendor_name} - IBAN {self.config.vendor_iban} - BIC {self.config.vendor_bic}"
            ),
            align="C",
        )

    def line_text(self, text: str, *, bold: bool = False, size: int = 10) -> None:
        self.set_font("Helvetica", "B" if bold else "", size)
        self.multi_cell(0, 5, _latin1(text), new_x="LMARGIN", new_y="NEXT")

    def row(self, cells: list[tuple[str, float, str]], *, bold: bool = False) -> None:
        self.set_font("Helvetica", "B" if bold else "", 9)
        for text, width, align in cells:
            self.cell(width, 6, _latin1(text), border="B", align=align)
        self.ln()


def invoice_pdf(invoice: Invoice, config: BillingConfig) -> bytes:
    cur = invoice.currency
    pdf = _Document(config, f"Invoice {invoice.number}", invoice.issue_date)
    pdf.line_text(f"Invoice {invoice.number}", bold=True, size=16)
    pdf.line_text(
        f"Issue date: {invoice.issue_date}    Due date: {invoice.due_date}    Status: {invoice.status}"
    )
    bill_to = invoice.bill_to or {}
    pdf.ln(2)
    pdf.line_text("Bill to", bold=True)
    pdf.line_text(bill_to.get("name") or f"Reseller {invoice.reseller_id}")
    if bill_to.get("country"):
        pdf.line_text(f"Country: {bill_to['country']}")
    if bill_to.get("vat_id"):
        pdf.line_text(f"VAT id: {bill_to['vat_id']}")
    if invoice.ship_to or invoice.customer_id:
        pdf.ln(1)
        pdf.line_text("Ship to", bold=True)
        ship = invoice.ship_to or {}
        pdf.line_text(ship.get("name") or f"Customer {invoice.customer_id}")
        for key in ("email", "domain", "address"):
            if ship.get(key):
                pdf.line_text(str(ship[key]))
    if invoice.order_id:
        pdf.line_text(f"Order: {invoice.order_id}")
    if invoice.subscription_id:
        pdf.line_text(f"Subscription: {invoice.subscription_id}")
    pdf.ln(3)
    widths = (80.0, 15.0, 30.0, 30.0, 35.0)
    pdf.row(
        list(
            zip(
                ("Description", "Qty", "Unit price", "Net", "Total"),
                widths,
                ("L", "R", "R", "R", "R"),
                strict=True,
            )
        ),
        bold=True,
    )
    for line in invoice.lines:
        pdf.row(
            list(
                zip(
                    (
                        line["description"][:48],
                        str(line["quantity"]),
                        _money(line["unit_price"], cur),
                        _money(line["net"], cur),
                        _money(line["total"], cur),
                    ),
                    widths,
                    ("L", "R", "R", "R", "R"),
                    strict=True,
                )
            )
        )
    pdf.ln(3)
    rate = (invoice.tax_rate * 100).normalize()
    totals = [
        ("Net", _money(invoice.net, cur)),
        (f"Tax ({invoice.tax_regime}, {rate:f}%)", _money(invoice.tax, cur)),
        ("Total", _money(invoice.total, cur)),
    ]
    if interest(invoice) > 0:
        totals.append(("Late-payment interest", _money(interest(invoice), cur)))
    totals += [("Paid", _money(amount_paid(invoice), cur)), ("Amount due", _money(amount_due(invoice), cur))]
    for label, value in totals:
        pdf.row([(label, 125.0, "R"), (value, 65.0, "R")], bold=label in ("Total", "Amount due"))
    if invoice.tax_note:
        pdf.ln(2)
        pdf.line_text(invoice.tax_note)
    pdf.ln(4)
    pdf.line_text("Payment by bank transfer", bold=True)
    pdf.line_text(f"Beneficiary: {config.vendor_name}")
    pdf.line_text(f"IBAN: {config.vendor_iban}    BIC: {config.vendor_bic}")
    pdf.line_text(f"Structured reference: {invoice.payment_reference}")
    pdf.line_text("Please quote the structured reference so that your payment is matched automatically.")
    return _factur_x(
        bytes(pdf.output()), einvoices.invoice_cii(invoice, config), f"Invoice {invoice.number}", config
    )


def credit_note_pdf(note: CreditNote, invoice: Invoice, config: BillingConfig) -> bytes:
    """A credit note (R-BI-8): its own number, the invoice it credits, what it takes back."""
    cur = note.currency
    pdf = _Document(config, f"Credit note {note.number}", note.issue_date)
    pdf.line_text(f"Credit note {note.number}", bold=True, size=16)
    pdf.line_text(
        f"Issue date: {note.issue_date}    Credits invoice {invoice.number} of {invoice.issue_date}"
    )
    bill_to = invoice.bill_to or {}
    pdf.ln(2)
    pdf.line_text("Bill to", bold=True)
    pdf.line_text(bill_to.get("name") or f"Reseller {invoice.reseller_id}")
    if bill_to.get("vat_id"):
        pdf.line_text(f"VAT id: {bill_to['vat_id']}")
    if invoice.order_id:
        pdf.line_text(f"Order: {invoice.order_id}")
    pdf.ln(2)
    pdf.line_text(f"Reason: {note.reason}")
    pdf.ln(3)
    rate = (invoice.tax_rate * 100).normalize()
    for label, value in (
        ("Net credited", _money(note.net, cur)),
        (f"Tax ({invoice.tax_regime}, {rate:f}%)", _money(note.tax, cur)),
        ("Total credited", _money(note.total, cur)),
        ("Of which to your credit balance", _money(note.refunded_to_balance, cur)),
    ):
        pdf.row([(label, 125.0, "R"), (value, 65.0, "R")], bold=label == "Total credited")
    if invoice.tax_note:
        pdf.ln(2)
        pdf.line_text(invoice.tax_note)
    pdf.ln(4)
    pdf.line_text(
        "What was already paid is kept as your credit balance and settles your oldest open invoices; "
        "ask us to refund it at any time."
    )
    return _factur_x(
        bytes(pdf.output()),
        einvoices.credit_note_cii(note, invoice, config),
        f"Credit note {note.number}",
        config,
    )


def statement_pdf(statement: Statement, company: str, config: BillingConfig) -> bytes:
    cur = statement.currency
    pdf = _Document(config, f"Statement {statement.month}", statement.issue_date)
    pdf.line_text(f"Statement of open items - {statement.month}", bold=True, size=16)
    pdf.line_text(f"{company}    Issued {statement.issue_date}")
    pdf.ln(3)
    widths = (30.0, 60.0, 25.0, 30.0, 45.0)
    pdf.row(
        list(
            zip(
                ("Invoice", "Reference", "Due", "Status", "Amount due"),
                widths,
                ("L", "L", "L", "L", "R"),
                strict=True,
            )
        ),
        bold=True,
    )
    for item in statement.items:
        pdf.row(
            list(
                zip(
                    (
                        item["number"],
                        item.get("payment_reference", ""),
                        item["due_date"],
                        item["status"],
                        _money(item["amount_due"], cur),
                    ),
                    widths,
                    ("L", "L", "L", "L", "R"),
                    strict=True,
                )
            )
        )
    pdf.ln(2)
    pdf.row([("Total open", 145.0, "R"), (_money(statement.open_total, cur), 45.0, "R")], bold=True)
    pdf.row([("Credit balance", 145.0, "R"), (_money(statement.credit_balance, cur), 45.0, "R")])
    pdf.ln(4)
    pdf.line_text(
        f"Pay to {config.vendor_name}, IBAN {config.vendor_iban}, quoting each invoice's reference"
        + (
            f" - or the statement's reference {statement.payment_reference} for the total at once"
            " (applied to the oldest items first)."
            if statement.payment_reference
            else "."
        )
    )
    return bytes(pdf.output())
