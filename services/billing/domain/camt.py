"""Reading an ISO 20022 CAMT.053 bank-to-customer statement (R-BI-1).

Only what matching needs: each credit transaction's amount, currency, booking date, structured
creditor reference (`RmtInf/Strd/CdtrRefInf/Ref`) and a key that identifies the entry across
uploads (the bank's `AcctSvcrRef`, else the entry's `NtryRef`, else a digest of what it says), so the
same statement or the same entry uploaded twice has no second effect.

Hostile input is refused before and while parsing: defusedxml forbids any DTD (so no external
entities, no entity expansion — "billion laughs"), and the caller caps the size. Namespaces differ
between CAMT.053 versions (.001.02 … .001.08), so elements are matched by local name.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring


class StatementRefused(ValueError):
    """The file is not a CAMT.053 statement we can read safely; the message says why."""


@dataclass(frozen=True)
class Credit:
    entry_key: str
    amount: Decimal
    currency: str
    booked_on: date
    reference: str | None  # as written in the file; None when the transfer carried none
    debtor: str | None


@dataclass(frozen=True)
class Statement:
    statement_key: str  # message id + statement id: the same file uploaded again has the same key
    account_iban: str | None
    credits: list[Credit]
    debit_entries: int


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _child(element: Element | None, *path: str) -> Element | None:
    for name in path:
        if element is None:
            return None
        element = next((c for c in element if _local(c.tag) == name), None)
    return element


def _children(element: Element, name: str) -> list[Element]:
    return [c for c in element if _local(c.tag) == name]


def _text(element: Element | None, *path: str) -> str | None:
    found = _child(element, *path)
    if found is None or found.text is None:
        return None
    return found.text.strip() or None


def _date(element: Element | None) -> date | None:
    text = _text(element, "Dt") or (_text(element, "DtTm") or "")[:10] or None
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise StatementRefused(f"{text!r} is not a date") from exc


def _amount(element: Element | None) -> tuple[Decimal, str]:
    if element is None or element.text is None:
        raise StatementRefused("an entry has no amount")
    currency = element.get("Ccy")
    if not currency or len(currency) != 3:
        raise StatementRefused("an entry's amount has no ISO 4217 currency (Ccy)")
    try:
        amount = Decimal(element.text.strip())
    except InvalidOperation as exc:
        raise StatementRefused(f"{element.text!r} is not an amount") from exc
    if not amount.is_finite() or amount <= 0:
        raise StatementRefused(f"{element.text!r} is not a positive amount")
    return amount, currency


def parse(data: bytes) -> Statement:
    try:
        root = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise StatementRefused("DTDs and entities are not accepted in bank statements") from exc
    except (ParseError, ValueError) as exc:
        raise StatementRefused(f"not well-formed XML: {exc}") from exc
    statement_root = _child(root, "BkToCstmrStmt")
    if _local(root.tag) != "Document" or statement_root is None:
        raise StatementRefused("not a CAMT.053 document (Document/BkToCstmrStmt)")
    message_id = _text(statement_root, "GrpHdr", "MsgId")
    statements = _children(statement_root, "Stmt")
    if not message_id or not statements:
        raise StatementRefused("a CAMT.053 statement needs GrpHdr/MsgId and at least one Stmt")
    credits: list[Credit] = []
    debits = 0
    ids: list[str] = []
    iban = None
    for stmt in statements:
        ids.append(_text(stmt, "Id") or "")
        iban = iban or _text(stmt, "Acct", "Id", "IBAN")
        for n, entry in enumerate(_children(stmt, "Ntry")):
            if _text(entry, "CdtDbtInd") != "CRDT":
                debits += 1
                continue
            credits.extend(_entry_credits(entry, iban, n))
    return Statement(f"{message_id}/{'+'.join(ids)}", iban, credits, debits)


def _entry_credits(entry: Element, iban: str | None, position: int) -> list[Credit]:
    amount, currency = _amount(_child(entry, "Amt"))
    booked = _date(_child(entry, "BookgDt")) or _date(_child(entry, "ValDt"))
    if booked is None:
        raise StatementRefused("a credit entry has no booking or value date")
    entry_ref = _text(entry, "AcctSvcrRef") or _text(entry, "NtryRef")
    # an entry without details is one transaction of its own
    transactions: list[Element | None] = [
        tx for details in _children(entry, "NtryDtls") for tx in _children(details, "TxDtls")
    ] or [None]
    credits = []
    for i, tx in enumerate(transactions):
        tx_amount, tx_currency = (
            (amount, currency) if tx is None or _child(tx, "Amt") is None else _amount(_child(tx, "Amt"))
        )
        reference = _text(tx, "RmtInf", "Strd", "CdtrRefInf", "Ref") if tx is not None else None
        tx_ref = _text(tx, "Refs", "AcctSvcrRef") if tx is not None else None
        key = tx_ref or (f"{entry_ref}#{i}" if entry_ref else None)
        if key is None:  # no bank reference at all: what the entry says identifies it
            raw = f"{iban}|{booked}|{tx_amount}|{tx_currency}|{reference}|{position}|{i}"
            key = "sha256:" + hashlib.sha256(raw.encode()).hexdigest()
        debtor = (
            _text(tx, "RltdPties", "Dbtr", "Nm") or _text(tx, "RltdPties", "Dbtr", "Pty", "Nm")
            if tx is not None
            else None
        )
        credits.append(Credit(key, tx_amount, tx_currency, booked, reference, debtor))
    return credits
