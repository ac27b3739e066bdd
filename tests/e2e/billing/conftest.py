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


VENDOR_IBAN = "NL91ABNA0417164300"


def tx_details(
    amount: str | None, references: list[str], *, e2e: str | None = None, return_reason: str | None = None
) -> str:
    """One `TxDtls` as banks write it: its own amount in `AmtDtls/TxAmt`, its references."""
    amount_xml = f'<AmtDtls><TxAmt><Amt Ccy="EUR">{amount}</Amt></TxAmt></AmtDtls>' if amount else ""
    refs = f"<Refs><EndToEndId>{e2e or 'NOTPROVIDED'}</EndToEndId></Refs>"
    strd = "".join(
        "<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>ISO</Issr></Tp>"
        f"<Ref>{r}</Ref></CdtrRefInf></Strd>"
        for r in references
    )
    remittance = f"<RmtInf>{strd}</RmtInf>" if strd else "<RmtInf><Ustrd>payment</Ustrd></RmtInf>"
    returned = f"<RtrInf><Rsn><Cd>{return_reason}</Cd></Rsn></RtrInf>" if return_reason else ""
    return (
        f"<TxDtls>{refs}{amount_xml}<RltdPties><Dbtr><Nm>Reseller B.V.</Nm></Dbtr></RltdPties>"
        f"{remittance}{returned}</TxDtls>"
    )


def entry(
    amount: str,
    transactions: list[str],
    *,
    booked: date,
    direction: str = "CRDT",
    status: str = "BOOK",
    reversal: bool = False,
    ntry_ref: str | None = None,
    bank_ref: str | None = None,
    value: date | None = None,
) -> str:
    """One `Ntry` of a camt.053.001.02 statement (a batch when it has several transactions)."""
    batch = f"<Btch><NbOfTxs>{len(transactions)}</NbOfTxs></Btch>" if len(transactions) > 1 else ""
    return (
        f"<Ntry>{f'<NtryRef>{ntry_ref}</NtryRef>' if ntry_ref else ''}"
        f'<Amt Ccy="EUR">{amount}</Amt><CdtDbtInd>{direction}</CdtDbtInd>'
        f"{'<RvslInd>true</RvslInd>' if reversal else ''}<Sts>{status}</Sts>"
        f"<BookgDt><Dt>{booked}</Dt></BookgDt><ValDt><Dt>{value or booked}</Dt></ValDt>"
        f"{f'<AcctSvcrRef>{bank_ref}</AcctSvcrRef>' if bank_ref else ''}"
        "<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>"
        f"<NtryDtls>{batch}{''.join(transactions)}</NtryDtls></Ntry>"
    )


def bank_statement(
    entries: list[str], *, day: date, iban: str = VENDOR_IBAN, statement_id: str | None = None
) -> bytes:
    """A day's camt.053.001.02 statement as a bank sends it: group header, balances, entries."""
    sid = statement_id or f"STMT-{day:%Y%m%d}-{uuid.uuid4().hex[:6]}"
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
<GrpHdr><MsgId>MSG-{uuid.uuid4().hex[:12]}</MsgId><CreDtTm>{day}T06:00:00</CreDtTm></GrpHdr>
<Stmt><Id>{sid}</Id><ElctrncSeqNb>1</ElctrncSeqNb><CreDtTm>{day}T06:00:00</CreDtTm>
<FrToDt><FrDtTm>{day}T00:00:00</FrDtTm><ToDtTm>{day}T23:59:59</ToDtTm></FrToDt>
<Acct><Id><IBAN>{iban}</IBAN></Id><Ccy>EUR</Ccy></Acct>
<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">0.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>{day}</Dt></Dt></Bal>
{"".join(entries)}
</Stmt></BkToCstmrStmt></Document>""".encode()
