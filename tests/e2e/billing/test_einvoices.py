"""R-BI-10 through the gateway: a reseller fetches its invoice and credit note as Peppol BIS Billing 3.0
UBL; they pass the official rules and carry the amounts the API shows; another reseller gets 404."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from lxml import etree

from libs.testing.api import Api, Reseller, assert_problem
from services.billing.domain.einvoice import NS
from services.billing.tests.einvoice.rules import check_ubl
from tests.e2e.billing.conftest import invoice_of, money, place


def test_r_bi_10_reseller_fetches_its_invoice_and_credit_note_as_ubl_another_reseller_gets_404(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller, other = onboard(country="DE", vat_id="DE136695976"), onboard()
    order = place(api, reseller, api.create_sku()["sku"], quantity=2)
    invoice = invoice_of(api, reseller, order)

    response = api.call("GET", f"/v1/invoices/{invoice['id']}/ubl", reseller.key)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/xml")
    check_ubl(response.content)
    root = etree.fromstring(response.content)
    assert root.findtext("cbc:ID", namespaces=NS) == invoice["number"]
    assert root.findtext("cac:PaymentMeans/cbc:PaymentID", namespaces=NS) == invoice["payment_reference"]
    payable = root.findtext("cac:LegalMonetaryTotal/cbc:PayableAmount", namespaces=NS)
    assert money(str(payable)) == invoice["total"] == money("2698.20")
    assert root.findtext("cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:ID", namespaces=NS) == "AE"

    note = api.admin(
        "POST",
        f"/v1/invoices/{invoice['id']}/credit-note",
        json={"reason": "one licence returned", "amount": money("1349.10")},
    )
    assert note.status_code == 201, note.text
    credit = api.call("GET", f"/v1/credit-notes/{note.json()['id']}/ubl", reseller.key)
    assert credit.status_code == 200, credit.text
    check_ubl(credit.content)
    cn = etree.fromstring(credit.content)
    ref = "cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID"
    assert cn.findtext(ref, namespaces=NS) == invoice["number"]
    assert Decimal(str(cn.findtext("cac:LegalMonetaryTotal/cbc:PayableAmount", namespaces=NS))) == Decimal(
        "1349.10"
    )

    for path in (f"/v1/invoices/{invoice['id']}/ubl", f"/v1/credit-notes/{note.json()['id']}/ubl"):
        assert_problem(api.call("GET", path, other.key), 404)
        assert api.admin("GET", path).status_code == 200
