"""The ISO 20022 bank-file reader (R-BI-1 references, R-BI-9 bank statements).

The files in `bankfiles/` are shaped like real banks' camt.053 / camt.054 files (namespaces, GrpHdr,
balances, BkTxCd…); the small inline documents below only exercise one rule each.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services.billing.domain import camt

BANKFILES = Path(__file__).parent / "bankfiles"


def _file(name: str) -> bytes:
    return (BANKFILES / name).read_bytes()


def _parse(name: str) -> camt.BankFile:
    return camt.parse(_file(name))


def _only(bank_file: camt.BankFile) -> camt.AccountStatement:
    assert len(bank_file.statements) == 1
    return bank_file.statements[0]


def _doc(
    entries: str, version: str = "camt.053.001.02", account: str = "<IBAN>DE89370400440532013000</IBAN>"
) -> bytes:
    """A minimal statement around some entries, for rules that need no whole bank file."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:{version}">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>MSG-1</MsgId><CreDtTm>2026-03-03T22:00:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>STMT-1</Id>
      <Acct><Id>{account}</Id></Acct>
      {entries}
    </Stmt>
  </BkToCstmrStmt>
</Document>""".encode()


def _entry(
    amount: str = "100.00",
    *,
    details: str = "",
    indicator: str = "CRDT",
    status: str = "<Sts>BOOK</Sts>",
    ref: str = "<AcctSvcrRef>BANK-1</AcctSvcrRef>",
    booked: str = "<BookgDt><Dt>2026-03-03</Dt></BookgDt>",
    ccy: str = 'Ccy="EUR"',
) -> str:
    return f"""<Ntry>
        <Amt {ccy}>{amount}</Amt><CdtDbtInd>{indicator}</CdtDbtInd>{status}
        {booked}<ValDt><Dt>2026-03-03</Dt></ValDt>{ref}
        {details}
      </Ntry>"""


def _tx(amount: str | None = None, *, ccy: str = "EUR", ref: str | None = None, extra: str = "") -> str:
    amt = f'<AmtDtls><TxAmt><Amt Ccy="{ccy}">{amount}</Amt></TxAmt></AmtDtls>' if amount else ""
    rmt = f"<RmtInf><Strd><CdtrRefInf><Ref>{ref}</Ref></CdtrRefInf></Strd></RmtInf>" if ref else ""
    return f"<TxDtls>{amt}{rmt}{extra}</TxDtls>"


# --- batches --------------------------------------------------------------------------------------


def test_r_bi_9_batch_entry_is_split_into_its_transactions() -> None:
    statement = _only(_parse("camt053_v02_daily.xml"))
    batch = [c for c in statement.credits if "/2026030300017723#" in c.key]
    assert [c.amount for c in batch] == [Decimal("100.00")] * 3
    assert [c.key for c in batch] == [
        f"DE89370400440532013000/0532013000-2026-03-03-0042/2026030300017723#{i}" for i in range(3)
    ]
    # each transaction's own reference, RF compacted and upper-cased however the payer wrote it
    assert [c.references for c in batch] == [
        ("RF582026000101",),
        ("RF312026000102",),
        ("RF042026000103",),
    ]
    assert [c.debtor for c in batch] == ["ACME Handels GmbH", "Beta Logistik KG", "Gamma Software SARL"]
    assert [c.end_to_end_id for c in batch] == ["E2E-ACME-77001", None, "GAMMA-2026-03-0815"]
    assert batch[1].bank_reference == "2026030300017723-2"  # the transaction's own AcctSvcrRef
    assert all(c.direction == "credit" and c.currency == "EUR" and not c.reversal for c in batch)
    assert all(c.booked_on == c.value_date == date(2026, 3, 3) for c in batch)
    assert statement.held == [] and statement.not_booked == [] and statement.reversals == []


def test_r_bi_9_batch_that_does_not_add_up_is_held_and_books_nothing() -> None:
    statement = _only(_parse("camt053_v02_batch_mismatch.xml"))
    assert statement.credits == []
    [held] = statement.held
    assert held.entry_id == "2026030500018810"
    assert (held.amount, held.currency) == (Decimal("300.00"), "EUR")
    assert "290.00" in held.reason and "300.00" in held.reason
    assert statement.iban == "DE89370400440532013000"  # written with spaces in the file


def test_r_bi_9_several_transactions_without_own_amounts_are_held() -> None:
    statement = _only(camt.parse(_doc(_entry("300.00", details=f"<NtryDtls>{_tx()}{_tx()}</NtryDtls>"))))
    assert statement.credits == []
    assert "no amount of its own" in statement.held[0].reason


def test_r_bi_9_batch_declaring_more_transactions_than_listed_is_held() -> None:
    # one TxDtls listed out of three: giving it the whole entry amount would be wrong
    details = f"<NtryDtls><Btch><NbOfTxs>3</NbOfTxs></Btch>{_tx(ref='RF582026000101')}</NtryDtls>"
    statement = _only(camt.parse(_doc(_entry("300.00", details=details))))
    assert statement.credits == []
    assert "declares 3" in statement.held[0].reason


def test_r_bi_9_transaction_amount_in_another_currency_is_held() -> None:
    details = f"<NtryDtls>{_tx('100.00', ccy='USD')}</NtryDtls>"
    statement = _only(camt.parse(_doc(_entry("92.07", details=details))))
    assert statement.credits == []
    assert "USD" in statement.held[0].reason


def test_r_bi_9_transactions_of_several_ntrydtls_are_collected() -> None:
    details = (
        f"<NtryDtls>{_tx('60.00', ref='RF582026000101')}</NtryDtls>"
        f"<NtryDtls><Btch><NbOfTxs>1</NbOfTxs></Btch>{_tx('40.00', ref='RF312026000102')}</NtryDtls>"
    )
    statement = _only(camt.parse(_doc(_entry("100.00", details=details))))
    assert [(c.amount, c.references, c.key[-2:]) for c in statement.credits] == [
        (Decimal("60.00"), ("RF582026000101",), "#0"),
        (Decimal("40.00"), ("RF312026000102",), "#1"),
    ]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=10**9), min_size=1, max_size=25))
def test_r_bi_9_property_batch_credits_sum_to_the_entry_exactly(cents: list[int]) -> None:
    amounts = [Decimal(c).scaleb(-2) for c in cents]
    total = sum(amounts, Decimal(0))
    details = (
        f"<NtryDtls><Btch><NbOfTxs>{len(amounts)}</NbOfTxs></Btch>"
        + "".join(_tx(f"{a:.2f}") for a in amounts)
        + "</NtryDtls>"
    )
    statement = _only(camt.parse(_doc(_entry(f"{total:.2f}", details=details))))
    assert statement.held == []
    assert [c.amount for c in statement.credits] == amounts
    assert sum((c.amount for c in statement.credits), Decimal(0)) == total
    assert len({c.key for c in statement.credits}) == len(amounts)


# --- identity across uploads ----------------------------------------------------------------------


def test_r_bi_9_daily_statements_restarting_ntryref_get_different_keys() -> None:
    day1 = _only(_parse("camt053_v04_day1.xml"))
    day2 = _only(_parse("camt053_v04_day2.xml"))
    [first], [second] = day1.credits, day2.credits
    assert first.key == "AT611904300234573201/ATST-20260309-068/1#0"  # NtryRef 1, no AcctSvcrRef
    assert second.key == "AT611904300234573201/ATST-20260310-069/1#0"
    assert first.key != second.key
    assert (first.booked_on, second.booked_on) == (date(2026, 3, 9), date(2026, 3, 10))
    assert first.bank_reference is None and first.end_to_end_id is None


def test_r_bi_9_same_file_parsed_twice_has_the_same_keys() -> None:
    first, again = _parse("camt053_v02_daily.xml"), _parse("camt053_v02_daily.xml")
    assert first.statement_key == again.statement_key
    assert (
        first.statement_key
        == "camt.053/052C20260303T2215443A7F/DE89370400440532013000/0532013000-2026-03-03-0042"
    )
    assert [c.key for c in first.statements[0].credits] == [c.key for c in again.statements[0].credits]
    assert first == again
    assert _parse("camt053_v04_day1.xml").statement_key != _parse("camt053_v04_day2.xml").statement_key


def test_r_bi_9_entry_without_any_reference_is_keyed_by_its_position() -> None:
    entries = _entry("10.00", ref="") + _entry("20.00", ref="")
    statement = _only(camt.parse(_doc(entries)))
    assert [c.key for c in statement.credits] == [
        "DE89370400440532013000/STMT-1/@0#0",
        "DE89370400440532013000/STMT-1/@1#0",
    ]


def test_r_bi_9_repeated_bank_reference_within_a_statement_does_not_collide() -> None:
    statement = _only(camt.parse(_doc(_entry("10.00") + _entry("20.00"))))
    keys = [c.key for c in statement.credits]
    assert keys == ["DE89370400440532013000/STMT-1/BANK-1#0", "DE89370400440532013000/STMT-1/BANK-1@1#0"]


def test_r_bi_9_account_without_iban_is_keyed_by_its_other_id() -> None:
    data = _doc(_entry(), account="<Othr><Id>0532013000</Id></Othr>")
    statement = _only(camt.parse(data))
    assert statement.iban is None
    assert statement.credits[0].key == "0532013000/STMT-1/BANK-1#0"


# --- not booked, reversals, returns, own debits ---------------------------------------------------


def test_r_bi_9_pending_and_info_entries_are_not_booked() -> None:
    statement = _only(_parse("camt053_v04_pending_info.xml"))
    assert statement.not_booked == [
        camt.NotBooked("K3L9Q0003", "PDNG", "credit", Decimal("640.00"), "EUR"),
        camt.NotBooked("000003", "INFO", "debit", Decimal("59.00"), "EUR"),
    ]
    [booked] = statement.credits
    assert booked.booked_on == date(2026, 3, 13)  # from a BookgDt/DtTm
    assert booked.references == ("RF582026000101",)  # RF in Ustrd, written in groups
    assert statement.other_debits == 0 and statement.held == []


def test_r_bi_9_reversal_names_the_original_end_to_end_id() -> None:
    statement = _only(_parse("camt053_v02_returns.xml"))
    reversal = next(r for r in statement.reversals if r.reversal and r.direction == "debit")
    assert reversal.amount == Decimal("420.00")
    assert reversal.end_to_end_id == "ZETA-INV-2026-0099"
    assert "ZETA-INV-2026-0099" in reversal.original_references
    assert reversal.original_references == (
        "ZETA-INV-2026-0099",
        "2026031000019402",
        "ZETA20260310TX77",
        "RF152026000099",
    )
    assert reversal.return_reason is None
    assert (reversal.booked_on, reversal.value_date) == (date(2026, 3, 12), date(2026, 3, 10))
    assert statement.credits == [] and statement.other_debits == 0


def test_r_bi_9_return_carries_its_reason_code() -> None:
    statement = _only(_parse("camt053_v02_returns.xml"))
    returned = next(r for r in statement.reversals if r.return_reason is not None)
    assert returned.return_reason == "AC04"
    assert returned.direction == "debit" and not returned.reversal
    assert returned.original_references == ("ETA-77-0042", "RTR-20260312-0007", "RF092026000110")
    assert returned.bank_reference == "2026031200020012"  # the entry's, the transaction has none


def test_r_bi_9_reversed_debit_coming_back_is_a_credit_reversal() -> None:
    statement = _only(_parse("camt053_v02_returns.xml"))
    back = next(r for r in statement.reversals if r.direction == "credit")
    assert back.reversal and back.amount == Decimal("0.50")
    assert back.key.endswith("/2026031200020013#0")  # an entry without TxDtls is transaction 0
    assert statement.credits == []  # not money a customer paid
    assert len(statement.reversals) == 3


def test_r_bi_9_return_reason_may_be_proprietary() -> None:
    details = "<NtryDtls><TxDtls><Refs><EndToEndId>E1</EndToEndId></Refs><RtrInf><Rsn><Prtry>X99</Prtry></Rsn></RtrInf></TxDtls></NtryDtls>"
    statement = _only(camt.parse(_doc(_entry(indicator="DBIT", details=details))))
    assert [(r.return_reason, r.original_references) for r in statement.reversals] == [("X99", ("E1",))]


def test_r_bi_9_own_outgoing_payment_is_only_counted() -> None:
    statement = _only(_parse("camt053_v02_daily.xml"))
    assert statement.other_debits == 1
    assert all(c.direction == "credit" for c in statement.credits)
    assert statement.reversals == []


# --- references (R-BI-1) --------------------------------------------------------------------------


def test_r_bi_1_one_transfer_quoting_two_references_keeps_both() -> None:
    statement = _only(_parse("camt053_v02_daily.xml"))
    two = next(c for c in statement.credits if c.key.endswith("/2026030300017724#0"))
    assert two.references == ("RF742026000104", "RF472026000105")
    assert two.amount == Decimal("150.00")  # one transaction without its own amount: the entry's
    assert two.value_date == date(2026, 3, 2) and two.booked_on == date(2026, 3, 3)


def test_r_bi_1_rf_reference_in_unstructured_text_is_found_compact() -> None:
    statement = _only(_parse("camt053_v02_daily.xml"))
    paid = next(c for c in statement.credits if c.key.endswith("/2026030300017725#0"))
    assert paid.references == ("RF18539007547034",)  # from "Invoice RF18 5390 0754 7034 thanks"
    assert paid.end_to_end_id is None  # NOTPROVIDED


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["Invoice RF18 5390 0754 7034 thanks"], ("RF18539007547034",)),
        (["rf18539007547034"], ("RF18539007547034",)),
        (["RF18 5390 0754 7035"], ()),  # check digits wrong: not a reference
        (["PERF18539007547034"], ()),  # inside a word
        (["RF58 2026 0001 01 and RF31 2026 0001 02"], ("RF582026000101", "RF312026000102")),
        (["Payment for RF18 5390 07", "54 7034"], ("RF18539007547034",)),  # cut across Ustrd lines
    ],
)
def test_r_bi_1_rf_references_in_ustrd(lines: list[str], expected: tuple[str, ...]) -> None:
    rmt = "".join(f"<Ustrd>{line}</Ustrd>" for line in lines)
    details = f"<NtryDtls><TxDtls><RmtInf>{rmt}</RmtInf></TxDtls></NtryDtls>"
    statement = _only(camt.parse(_doc(_entry(details=details))))
    assert statement.credits[0].references == expected


def test_r_bi_1_structured_and_unstructured_copies_are_one_reference() -> None:
    rmt = "<Ustrd>RF58 2026 0001 01</Ustrd><Strd><CdtrRefInf><Ref>RF582026000101</Ref></CdtrRefInf></Strd>"
    details = f"<NtryDtls><TxDtls><RmtInf>{rmt}</RmtInf></TxDtls></NtryDtls>"
    statement = _only(camt.parse(_doc(_entry(details=details))))
    assert statement.credits[0].references == ("RF582026000101",)


# --- versions -------------------------------------------------------------------------------------


def test_r_bi_1_camt_053_001_08_shape_is_read() -> None:
    bank_file = _parse("camt053_v08_statement.xml")
    assert (bank_file.kind, bank_file.message_id) == ("camt.053", "CAMT053-FI4250001510000023-20260316")
    statement = _only(bank_file)
    assert (statement.iban, statement.statement_id) == ("FI4250001510000023", "2026031600000076")
    domestic, foreign = statement.credits
    assert domestic.amount == Decimal("199.00")  # TxDtls/Amt
    assert domestic.debtor == "Iota Design Oy"  # Dbtr/Pty/Nm
    assert domestic.booked_on == date(2026, 3, 16)  # BookgDt/DtTm, the bank's local day
    assert domestic.references == ("00000 00012 34561",)  # Finnish reference: kept as written
    assert domestic.bank_reference == "260316593497O10001-1"
    # paid in USD, booked in EUR: the account-currency TxAmt, not the instructed amount
    assert (foreign.amount, foreign.currency) == (Decimal("92.07"), "EUR")
    assert foreign.value_date == date(2026, 3, 17)
    assert statement.not_booked == [
        camt.NotBooked("260316593497O10003", "PDNG", "credit", Decimal("310.00"), "EUR")
    ]
    assert statement.other_debits == 1 and statement.held == []


def test_r_bi_1_camt_054_001_02_notification_is_read() -> None:
    bank_file = _parse("camt054_v02_notification.xml")
    assert bank_file.kind == "camt.054"
    assert bank_file.message_id == "BE68539007547034-NTF-20260318-0007"
    assert (
        bank_file.statement_key
        == "camt.054/BE68539007547034-NTF-20260318-0007/BE68539007547034/NTF-20260318-0007"
    )
    statement = _only(bank_file)
    [credit] = statement.credits
    assert credit.key == "BE68539007547034/NTF-20260318-0007/0318A1B2C3D4E5F6#0"
    assert credit.amount == Decimal("1210.00") and credit.debtor == "Lambda Events NV"
    assert credit.references == ("+++090/9337/55493+++",)  # Belgian OGM, stripped, kept as written


def test_r_bi_1_status_structure_with_proprietary_code() -> None:
    statement = _only(camt.parse(_doc(_entry(status="<Sts><Prtry>HOLD</Prtry></Sts>"), "camt.053.001.10")))
    assert [n.status for n in statement.not_booked] == ["HOLD"]


def test_r_bi_1_document_inside_an_envelope_is_read() -> None:
    inner = _doc(_entry()).decode().split("?>", 1)[1]
    data = f'<Envelope><AppHdr xmlns="urn:iso:std:iso:20022:tech:xsd:head.001.001.02"/>{inner}</Envelope>'
    assert len(_only(camt.parse(data.encode())).credits) == 1


# --- refused --------------------------------------------------------------------------------------

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE Document [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><GrpHdr><MsgId>&lol3;</MsgId></GrpHdr></BkToCstmrStmt></Document>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE Document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><GrpHdr><MsgId>&xxe;</MsgId></GrpHdr></BkToCstmrStmt></Document>"""

BARE_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE Document SYSTEM "http://attacker.example/camt.dtd">
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"/>"""


@pytest.mark.parametrize("data", [BILLION_LAUGHS, EXTERNAL_ENTITY, BARE_DTD], ids=["laughs", "xxe", "dtd"])
def test_r_bi_1_hostile_xml_is_refused(data: bytes) -> None:
    with pytest.raises(camt.StatementRefused, match="DTDs and entities"):
        camt.parse(data)


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (b"not xml at all", "not well-formed"),
        (b"<Document><Other/></Document>", "not a camt.053"),
        (b"<Foo/>", "no Document"),
        (
            b'<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.052.001.02"><BkToCstmrAcctRpt/></Document>',
            "camt.052",
        ),
        (
            _doc(_entry()).replace(b"camt.053.001.02", b"camt.054.001.02"),
            "namespace says camt.054",
        ),
        (_doc(_entry()).replace(b"<MsgId>MSG-1</MsgId>", b""), "GrpHdr/MsgId"),
        (_doc(_entry()).replace(b"<Id>STMT-1</Id>", b""), "has no Id"),
    ],
)
def test_r_bi_1_files_that_are_not_statements_are_refused(data: bytes, why: str) -> None:
    with pytest.raises(camt.StatementRefused, match=why):
        camt.parse(data)


@pytest.mark.parametrize(
    ("entry", "why"),
    [
        (_entry("-5.00"), "not a positive decimal"),
        (_entry("0.00"), "not a positive amount"),
        (_entry("1E3"), "not a positive decimal"),
        (_entry("NaN"), "not a positive decimal"),
        (_entry("12,50"), "not a positive decimal"),
        (_entry(""), "has no amount"),
        (_entry(ccy=""), "currency"),
        (_entry(ccy='Ccy="euro"'), "currency"),
        (_entry(details=f"<NtryDtls>{_tx('0.00')}</NtryDtls>"), "not a positive amount"),
        (_entry(indicator="CR"), "neither CRDT nor DBIT"),
        (_entry(status=""), "no status"),
        (_entry(booked="<BookgDt><Dt>2026-02-30</Dt></BookgDt>"), "not a date"),
        (_entry(booked="<BookgDt><Dt>20260301</Dt></BookgDt>"), "not a date"),
        (_entry(booked="<BookgDt><DtTm>2026-03-01T25:00:00</DtTm></BookgDt>"), "not a date"),
        (_entry(booked="<BookgDt/>"), "neither Dt nor DtTm"),
    ],
)
def test_r_bi_1_unreadable_values_are_refused(entry: str, why: str) -> None:
    with pytest.raises(camt.StatementRefused, match=why):
        camt.parse(_doc(entry))


def test_r_bi_9_booked_credit_without_any_date_is_held() -> None:
    entry = _entry(booked="").replace("<ValDt><Dt>2026-03-03</Dt></ValDt>", "")
    statement = _only(camt.parse(_doc(entry)))
    assert statement.credits == []
    assert statement.held == [
        camt.Held("BANK-1", Decimal("100.00"), "EUR", "the entry has no booking or value date")
    ]


def test_r_bi_9_returned_outgoing_payment_is_a_credit_reversal_not_a_payment() -> None:
    # our own transfer bounced (RtrInf on a CRDT): money back, but no customer paid anything
    details = "<NtryDtls><TxDtls><Refs><EndToEndId>OUT-7</EndToEndId></Refs><RtrInf><Rsn><Cd>AC01</Cd></Rsn></RtrInf></TxDtls></NtryDtls>"
    statement = _only(camt.parse(_doc(_entry(details=details))))
    assert statement.credits == []
    [back] = statement.reversals
    assert (back.direction, back.return_reason, back.reversal, back.original_references) == (
        "credit",
        "AC01",
        False,
        ("OUT-7",),
    )


def test_r_bi_9_value_date_defaults_to_booking_date() -> None:
    entry = _entry().replace("<ValDt><Dt>2026-03-03</Dt></ValDt>", "").replace("2026-03-03", "2026-03-04")
    [credit] = _only(camt.parse(_doc(entry))).credits
    assert credit.booked_on == credit.value_date == date(2026, 3, 4)


def test_r_bi_9_booking_date_defaults_to_value_date() -> None:
    [credit] = _only(camt.parse(_doc(_entry(booked="")))).credits
    assert credit.booked_on == credit.value_date == date(2026, 3, 3)
