"""Helpers for billing's end-to-end tests: orders placed through the gateway, their invoices, bank
transfers recorded by staff or in CAMT.053 files, and billing's jobs run for a chosen day."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from libs.testing.api import Api, Reseller, wait_until


@pytest.fixture
def onboard(api: Api) -> Callable[..., Reseller]:
    def make(**kwargs: Any) -> Reseller:
        return api.onboard_reseller(**kwargs)

    return make


def place(api: Api, reseller: Reseller, sku: str | None = None, quantity: int = 1) -> dict[str, Any]:
    body = api.order_body(sku or api.ensure_sku()["sku"], quantity)
    response = api.call("POST", "/v1/orders", reseller.key, json=body)
    assert response.status_code == 201, response.text
    return response.json()


def invoice_of(api: Api, reseller: Reseller, order: dict[str, Any]) -> dict[str, Any]:
    """The order's invoice, asked for on the very next call after placing it (read-your-writes)."""
    response = api.call("GET", "/v1/invoices", reseller.key, params={"order_id": order["id"]})
    assert response.status_code == 200, response.text
    [invoice] = response.json()["data"]
    return invoice


def get_invoice(api: Api, key: str, invoice_id: str) -> dict[str, Any]:
    response = api.call("GET", f"/v1/invoices/{invoice_id}", key)
    assert response.status_code == 200, response.text
    return response.json()


def pay(
    api: Api, invoice: dict[str, Any], amount: str | None = None, received_on: date | None = None
) -> dict[str, Any]:
    """Staff record the reseller's bank transfer quoting the invoice's structured reference."""
    body = {
        "reference": invoice["payment_reference"],
        "amount": {
            "amount": amount or invoice["amount_due"]["amount"],
            "currency": invoice["total"]["currency"],
        },
        "received_on": (received_on or date.today()).isoformat(),
    }
    response = api.admin("POST", "/v1/payments", json=body)
    assert response.status_code == 201, response.text
    return response.json()


def run_job(api: Api, name: str, as_of: date) -> dict[str, Any]:
    response = api.admin("POST", f"/v1/billing/jobs/{name}/run", json={"as_of": as_of.isoformat()})
    assert response.status_code == 200, response.text
    return response.json()


def standing(api: Api, reseller: Reseller) -> str:
    return str(api.admin("GET", f"/v1/resellers/{reseller.id}").json()["standing"])


def wait_standing(api: Api, reseller: Reseller, expected: str) -> None:
    wait_until(lambda: standing(api, reseller) == expected, what=f"the reseller to become {expected}")


def order_status(api: Api, reseller: Reseller, order: dict[str, Any]) -> str:
    return str(api.call("GET", f"/v1/orders/{order['id']}", reseller.key).json()["status"])


def money(value: str, currency: str = "EUR") -> dict[str, str]:
    return {"amount": value, "currency": currency}


def camt053(
    credits: list[tuple[str, str | None]], *, message_id: str | None = None, booked: date | None = None
) -> bytes:
    """A CAMT.053.001.02 statement with one credit entry per (amount, structured reference)."""
    booked = booked or date.today()
    entries = []
    for amount, reference in credits:
        remittance = (
            f"<RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>ISO</Issr></Tp>"
            f"<Ref>{reference}</Ref></CdtrRefInf></Strd></RmtInf>"
            if reference
            else "<RmtInf><Ustrd>payment</Ustrd></RmtInf>"
        )
        entries.append(
            f"""<Ntry><Amt Ccy="EUR">{amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
<BookgDt><Dt>{booked}</Dt></BookgDt><ValDt><Dt>{booked}</Dt></ValDt>
<AcctSvcrRef>{uuid.uuid4().hex}</AcctSvcrRef><BkTxCd/>
<NtryDtls><TxDtls><RltdPties><Dbtr><Nm>Reseller B.V.</Nm></Dbtr></RltdPties>{remittance}</TxDtls></NtryDtls></Ntry>"""
        )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
<GrpHdr><MsgId>{message_id or uuid.uuid4().hex}</MsgId><CreDtTm>{booked}T06:00:00</CreDtTm></GrpHdr>
<Stmt><Id>{uuid.uuid4().hex[:12]}</Id><CreDtTm>{booked}T06:00:00</CreDtTm>
<Acct><Id><IBAN>NL91ABNA0417164300</IBAN></Id></Acct>
{"".join(entries)}
</Stmt></BkToCstmrStmt></Document>""".encode()


def upload(api: Api, data: bytes, content_type: str = "application/xml") -> Any:
    return api.admin("POST", "/v1/bank-statements", content=data, headers={"Content-Type": content_type})


def interest(principal: str, rate: str, days: int) -> str:
    return str(
        (Decimal(principal) * Decimal(rate) * days / 365).quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")
    )
