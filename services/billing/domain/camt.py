"""Reading ISO 20022 bank-to-customer files: camt.053 statements and camt.054 notifications (R-BI-1, R-BI-9).

Pure: bytes in, plain values out. Booking, matching and interest happen elsewhere; this module only
says what the bank reported, in a shape that cannot be misread:

- `credits`     booked money received (one `Transaction` per transaction, not per entry: a bank
                books a batch of several transfers as ONE entry and lists them in `TxDtls`);
- `reversals`   booked entries that undo an earlier booking (`RvslInd`, or a return with `RtrInf`);
- `not_booked`  pending / information entries, which change nothing;
- `held`        booked entries whose details do not add up, so splitting them would be a guess;
- `other_debits` our own outgoing payments, only counted.

Identity across uploads: a transaction's `key` is `IBAN/statement id/entry id#index`. The entry id
is the bank's `AcctSvcrRef`, else `NtryRef`, else the entry's position — never `NtryRef` alone,
because banks restart it at 1 in every daily statement.

Hostile input is refused before and while parsing: defusedxml forbids any DTD (so no external
entities, no entity expansion — "billion laughs"); the caller caps the size. Namespaces differ
between versions (.001.02 … .001.08+), so elements are matched by local name, and the structures
that changed between versions (`Sts`, `Dbtr/Pty`, `TxDtls/Amt`) are read in both shapes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, time
from decimal import Decimal
from typing import Literal
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring
from stdnum import iso11649

Direction = Literal["credit", "debit"]
Kind = Literal["camt.053", "camt.054"]


class StatementRefused(ValueError):
    """The file is not a bank file we can read safely; the message says why."""


@dataclass(frozen=True)
class Transaction:
    """One booked transaction: a credit received, or a debit that reverses/returns an earlier credit."""

    key: str  # f"{account}/{statement_id}/{entry_id}#{index}": the same transaction in a re-upload has it
    direction: Direction
    amount: Decimal  # > 0, in the account currency
    currency: str
    booked_on: date
    value_date: date  # interest runs to this date
    references: tuple[str, ...]  # structured creditor refs + valid RF refs found in Ustrd
    end_to_end_id: str | None
    bank_reference: str | None
    debtor: str | None
    reversal: bool  # the entry's RvslInd
    return_reason: str | None  # RtrInf/Rsn code of a return, else None
    original_references: tuple[str, ...]  # ids naming the original of a reversal/return; else empty


@dataclass(frozen=True)
class NotBooked:
    """A pending (PDNG) or information (INFO) entry, or any Sts other than BOOK: reported, changes nothing."""

    entry_id: str
    status: str
    direction: Direction
    amount: Decimal
    currency: str


@dataclass(frozen=True)
class Held:
    """A booked entry whose transactions do not add up to the entry (or several transactions without
    their own amounts): nothing is booked from it; staff look at it."""

    entry_id: str
    amount: Decimal
    currency: str
    reason: str


@dataclass(frozen=True)
class AccountStatement:
    iban: str | None  # compact upper case; None when the account is identified otherwise (Othr)
    statement_id: str
    credits: list[Transaction]
    reversals: list[Transaction]  # debits undoing a credit, and credits undoing a debit (direction says)
    other_debits: int  # booked outgoing transactions that are not reversals/returns: counted, ignored
    not_booked: list[NotBooked]
    held: list[Held]


@dataclass(frozen=True)
class BankFile:
    kind: Kind
    message_id: str
    statements: list[AccountStatement]

    @property
    def statement_key(self) -> str:
        """The same file uploaded twice has the same key (kind, message id, every account/statement)."""
        parts = "+".join(f"{s.iban or '-'}/{s.statement_id}" for s in self.statements)
        return f"{self.kind}/{self.message_id}/{parts}"


# --- XML helpers ----------------------------------------------------------------------------------


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _child(element: Element | None, *path: str) -> Element | None:
    for name in path:
        if element is None:
            return None
        element = next((c for c in element if _local(c.tag) == name), None)
    return element


def _children(element: Element | None, name: str) -> list[Element]:
    if element is None:
        return []
    return [c for c in element if _local(c.tag) == name]


def _text(element: Element | None, *path: str) -> str | None:
    found = _child(element, *path)
    if found is None or found.text is None:
        return None
    return found.text.strip() or None


# --- values ---------------------------------------------------------------------------------------

# ISO 20022 amounts are xs:decimal with at most 18 digits, 5 of them fractional. Anything else
# ("1E999999", "+5", "NaN") is refused rather than coerced: Decimal would accept it.
_AMOUNT = re.compile(r"(\d{1,18})(?:\.(\d{1,5}))?")
_CURRENCY = re.compile(r"[A-Z]{3}")
_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:Z|[+-]\d{2}:\d{2})?")
_DATETIME = re.compile(r"(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?")


def _amount(element: Element | None, what: str) -> tuple[Decimal, str]:
    if element is None or not (element.text or "").strip():
        raise StatementRefused(f"{what} has no amount")
    text = (element.text or "").strip()
    currency = (element.get("Ccy") or "").strip()
    if not _CURRENCY.fullmatch(currency):
        raise StatementRefused(f"{what} has no ISO 4217 currency (Ccy={currency!r})")
    if not _AMOUNT.fullmatch(text):
        raise StatementRefused(f"{what}: {text!r} is not a positive decimal amount")
    amount = Decimal(text)
    if amount <= 0:
        raise StatementRefused(f"{what}: {text!r} is not a positive amount")
    return amount, currency


def _date(element: Element | None, what: str) -> date | None:
    """`<BookgDt>`/`<ValDt>`: a choice of `Dt` (xs:date) or `DtTm` (xs:dateTime). For a DtTm the
    date is taken as the bank wrote it (its local day), not converted to UTC."""
    if element is None:
        return None
    dt, dttm = _text(element, "Dt"), _text(element, "DtTm")
    if dt is None and dttm is None:
        raise StatementRefused(f"{what} has neither Dt nor DtTm")
    text = dt or dttm or ""
    match = _DATE.fullmatch(text) if dt is not None else _DATETIME.fullmatch(text)
    try:
        if match is not None:
            if dt is None:
                time.fromisoformat(match.group(2))  # "25:61:00" is not a time either
            return date.fromisoformat(match.group(1))
    except ValueError:  # 2026-02-30 matches the pattern but is no date
        pass
    raise StatementRefused(f"{what}: {text!r} is not a date")


def _status(entry: Element) -> str:
    """`<Sts>BOOK</Sts>` up to .001.05, `<Sts><Cd>BOOK</Cd></Sts>` (or `<Prtry>`) from .001.06."""
    sts = _child(entry, "Sts")
    status = _text(entry, "Sts") or _text(sts, "Cd") or _text(sts, "Prtry")
    if status is None:
        raise StatementRefused("an entry has no status (Sts)")
    return status.upper()


def _direction(element: Element | None, what: str) -> Direction | None:
    indicator = _text(element, "CdtDbtInd")
    if indicator is None:
        return None
    if indicator == "CRDT":
        return "credit"
    if indicator == "DBIT":
        return "debit"
    raise StatementRefused(f"{what}: CdtDbtInd {indicator!r} is neither CRDT nor DBIT")


def _true(text: str | None) -> bool:
    return (text or "").lower() in {"true", "1"}


def _not_provided(value: str | None) -> str | None:
    """SEPA writes the literal "NOTPROVIDED" when the payer gave no end-to-end id: that is no id."""
    return None if value is None or value.upper() == "NOTPROVIDED" else value


# --- references -----------------------------------------------------------------------------------

# An RF reference in free text: "RF", 2 check digits, then up to 21 characters, often printed in
# groups of 4 ("RF18 5390 0754 7034"). The regex only finds candidates; the mod-97 check decides.
# The lookahead makes every "RF" start a candidate of its own, so a reference followed by another
# ("RF58 … and RF31 …") does not swallow the second one.
_RF_CANDIDATE = re.compile(r"(?<![A-Za-z0-9])(?=(RF\d{2}[A-Za-z0-9]*(?:[ \t]+[A-Za-z0-9]+)*))", re.IGNORECASE)


def _compact_reference(reference: str) -> str:
    """RF references compact (no spaces, upper case), so "rf18 5390…" and "RF185390…" are one;
    other schemes (Belgian OGM "+++…+++", Finnish, ISR) kept as written: their separators can matter."""
    stripped = reference.strip()
    return iso11649.compact(stripped) if iso11649.is_valid(stripped) else stripped


def _rf_in_text(text: str) -> list[str]:
    """Every valid RF reference in a free-text line. The words after the reference ("… 7034 thanks")
    are not part of it, so the longest run of following words that passes the check wins."""
    found = []
    taken_until = 0  # a reference already found is not searched again for one inside it
    for match in _RF_CANDIDATE.finditer(text):
        if match.start() < taken_until:
            continue
        words = list(re.finditer(r"\S+", match.group(1)))
        for count in range(len(words), 0, -1):
            candidate = "".join(word.group(0) for word in words[:count])
            if len(candidate) <= 25 and iso11649.is_valid(candidate):
                found.append(iso11649.compact(candidate))
                taken_until = match.start() + words[count - 1].end()
                break
    return found


def _references(tx: Element | None) -> tuple[str, ...]:
    if tx is None:
        return ()
    refs: list[str] = []
    for rmt in _children(tx, "RmtInf"):
        for strd in _children(rmt, "Strd"):  # Strd repeats: one transfer can pay several invoices
            for creditor_ref in _children(strd, "CdtrRefInf"):
                ref = _text(creditor_ref, "Ref")
                if ref:
                    refs.append(_compact_reference(ref))
        lines = [line.text or "" for line in _children(rmt, "Ustrd")]
        for line in lines:
            refs.extend(_rf_in_text(line))
        if len(lines) > 1:  # banks cut long remittance text into 140-character Ustrd pieces
            refs.extend(_rf_in_text("".join(lines)))
    return tuple(dict.fromkeys(refs))  # de-duplicated, first occurrence kept


# --- entries --------------------------------------------------------------------------------------


@dataclass
class _Statement:
    """Collects one Stmt/Ntfctn while its entries are read."""

    account: str  # IBAN, else the other account id: part of every key
    statement_id: str
    credits: list[Transaction] = field(default_factory=list)
    reversals: list[Transaction] = field(default_factory=list)
    other_debits: int = 0
    not_booked: list[NotBooked] = field(default_factory=list)
    held: list[Held] = field(default_factory=list)
    entry_ids: set[str] = field(default_factory=set)


def _entry_id(entry: Element, position: int, seen: set[str]) -> str:
    entry_id = _text(entry, "AcctSvcrRef") or _text(entry, "NtryRef") or f"@{position}"
    if entry_id in seen:
        # A bank that repeats a reference inside one statement must not make the second entry
        # look like a re-upload of the first (it would be dropped); the position keeps it apart
        # and is stable when the same file comes again.
        entry_id = f"{entry_id}@{position}"
    seen.add(entry_id)
    return entry_id


def _transactions(entry: Element) -> list[Element]:
    """All TxDtls of all NtryDtls, in document order (a Btch block sits beside them: it only counts)."""
    return [tx for details in _children(entry, "NtryDtls") for tx in _children(details, "TxDtls")]


def _declared_count_mismatch(entry: Element) -> str | None:
    """A Btch that says it holds more transactions than are listed: the missing ones have amounts
    we cannot see, so any split (or the entry amount given to the one listed) would be wrong."""
    for details in _children(entry, "NtryDtls"):
        declared = _text(details, "Btch", "NbOfTxs")
        listed = len(_children(details, "TxDtls"))
        if declared is None or (declared == "1" and listed == 0):
            continue
        if not declared.isdigit() or int(declared) != listed:
            return f"the batch declares {declared} transactions but {listed} are listed"
    return None


def _transaction_amount(tx: Element) -> tuple[Decimal, str] | None:
    """The transaction's own amount in the account currency: AmtDtls/TxAmt (not InstdAmt, which is
    the payer's currency), else TxDtls/Amt (.001.03+)."""
    tx_amt = _child(tx, "AmtDtls", "TxAmt", "Amt")
    if tx_amt is not None:
        return _amount(tx_amt, "a transaction's AmtDtls/TxAmt")
    own = _child(tx, "Amt")
    if own is not None:
        return _amount(own, "a transaction's Amt")
    return None


def _split(
    entry: Element, txs: list[Element], amount: Decimal, currency: str, direction: Direction
) -> list[tuple[Element | None, Decimal]] | str:
    """Each transaction with its amount, or why the entry must be held."""
    mismatch = _declared_count_mismatch(entry)
    if mismatch:
        return mismatch
    if not txs:
        return [(None, amount)]
    amounts: list[Decimal] = []
    for index, tx in enumerate(txs):
        tx_direction = _direction(tx, "a transaction")
        if tx_direction is not None and tx_direction != direction:
            return f"transaction {index} is a {tx_direction} inside a {direction} entry"
        own = _transaction_amount(tx)
        if own is None:
            if len(txs) > 1:
                return f"transaction {index} of {len(txs)} has no amount of its own"
            return [(tx, amount)]  # one transaction without an amount is the whole entry
        tx_amount, tx_currency = own
        if tx_currency != currency:
            return f"transaction {index} is in {tx_currency}, the entry in {currency}"
        amounts.append(tx_amount)
    total = sum(amounts, Decimal(0))
    if total != amount:
        # also for a single transaction: booking either figure would be a guess
        return f"transactions add up to {total} {currency} but the entry is {amount} {currency}"
    return list(zip(txs, amounts, strict=True))


def _original_references(tx: Element | None, references: tuple[str, ...]) -> tuple[str, ...]:
    """What names the original credit of a reversal or return: the payment ids the bank repeats
    (a SEPA return keeps the original EndToEndId) and the original's structured references."""
    if tx is None:
        return references
    ids = [
        _not_provided(_text(tx, "Refs", "EndToEndId")),
        _text(tx, "Refs", "AcctSvcrRef"),
        _text(tx, "Refs", "TxId"),
        _text(tx, "Refs", "InstrId"),
    ]
    return tuple(dict.fromkeys([i for i in ids if i] + list(references)))


def _read_entry(entry: Element, position: int, out: _Statement) -> None:
    entry_id = _entry_id(entry, position, out.entry_ids)
    amount, currency = _amount(_child(entry, "Amt"), f"entry {entry_id}")
    direction = _direction(entry, f"entry {entry_id}")
    if direction is None:
        raise StatementRefused(f"entry {entry_id} has no CdtDbtInd")
    status = _status(entry)
    if status != "BOOK":
        out.not_booked.append(NotBooked(entry_id, status, direction, amount, currency))
        return
    booked_on = _date(_child(entry, "BookgDt"), f"entry {entry_id} BookgDt")
    value_date = _date(_child(entry, "ValDt"), f"entry {entry_id} ValDt")
    reversal = _true(_text(entry, "RvslInd"))
    txs = _transactions(entry)
    returned = any(_child(tx, "RtrInf") is not None for tx in txs)
    if direction == "debit" and not reversal and not returned:
        out.other_debits += max(1, len(txs))  # our own payment: its details need not add up
        return
    booked_on = booked_on or value_date
    if booked_on is None:
        out.held.append(Held(entry_id, amount, currency, "the entry has no booking or value date"))
        return
    split = _split(entry, txs, amount, currency, direction)
    if isinstance(split, str):
        out.held.append(Held(entry_id, amount, currency, split))
        return
    for index, (tx, tx_amount) in enumerate(split):
        return_info = _child(tx, "RtrInf")
        references = _references(tx)
        undoes = reversal or return_info is not None
        transaction = Transaction(
            key=f"{out.account}/{out.statement_id}/{entry_id}#{index}",
            direction=direction,
            amount=tx_amount,
            currency=currency,
            booked_on=booked_on,
            value_date=value_date or booked_on,
            references=references,
            end_to_end_id=_not_provided(_text(tx, "Refs", "EndToEndId")),
            bank_reference=_text(tx, "Refs", "AcctSvcrRef") or _text(entry, "AcctSvcrRef"),
            debtor=_text(tx, "RltdPties", "Dbtr", "Nm") or _text(tx, "RltdPties", "Dbtr", "Pty", "Nm"),
            reversal=reversal,
            return_reason=(
                (_text(return_info, "Rsn", "Cd") or _text(return_info, "Rsn", "Prtry"))
                if return_info is not None
                else None
            ),
            original_references=_original_references(tx, references) if undoes else (),
        )
        if undoes:
            out.reversals.append(transaction)
        elif direction == "credit":
            out.credits.append(transaction)
        else:  # a plain debit listed in a batch of returns
            out.other_debits += 1


def _read_statement(stmt: Element, what: str) -> AccountStatement:
    statement_id = _text(stmt, "Id")
    if statement_id is None:
        raise StatementRefused(f"a {what} has no Id")
    raw_iban = _text(stmt, "Acct", "Id", "IBAN")
    iban = "".join(raw_iban.split()).upper() if raw_iban else None
    other = _text(stmt, "Acct", "Id", "Othr", "Id")
    account = iban or ("".join(other.split()).upper() if other else "-")
    out = _Statement(account, statement_id)
    for position, entry in enumerate(_children(stmt, "Ntry")):
        _read_entry(entry, position, out)
    return AccountStatement(
        iban, statement_id, out.credits, out.reversals, out.other_debits, out.not_booked, out.held
    )


# --- the document ---------------------------------------------------------------------------------

_MESSAGES: dict[str, tuple[Kind, str]] = {
    "BkToCstmrStmt": ("camt.053", "Stmt"),
    "BkToCstmrDbtCdtNtfctn": ("camt.054", "Ntfctn"),
}
_NAMESPACE_KIND = re.compile(r"camt\.(\d{3})\.")


def parse(data: bytes) -> BankFile:
    try:
        root: Element = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise StatementRefused("DTDs and entities are not accepted in bank files") from exc
    except (ParseError, ValueError) as exc:
        raise StatementRefused(f"not well-formed XML: {exc}") from exc
    # some banks deliver the Document inside an envelope with a business application header
    document = root if _local(root.tag) == "Document" else _child(root, "Document")
    if document is None:
        raise StatementRefused("not an ISO 20022 document (no Document element)")
    message = next((c for c in document if _local(c.tag) in _MESSAGES), None)
    if message is None:
        if _child(document, "BkToCstmrAcctRpt") is not None:
            # intraday and provisional: its entries come again in the camt.053, keyed differently
            raise StatementRefused("camt.052 account reports are not accepted; upload the camt.053")
        raise StatementRefused("not a camt.053 statement or camt.054 notification")
    kind, block = _MESSAGES[_local(message.tag)]
    declared = _NAMESPACE_KIND.search(message.tag)
    if declared and f"camt.{declared.group(1)}" != kind:
        raise StatementRefused(f"the namespace says camt.{declared.group(1)} but the content is {kind}")
    message_id = _text(message, "GrpHdr", "MsgId")
    blocks = _children(message, block)
    if not message_id or not blocks:
        raise StatementRefused(f"a {kind} file needs GrpHdr/MsgId and at least one {block}")
    return BankFile(kind, message_id, [_read_statement(b, block) for b in blocks])
