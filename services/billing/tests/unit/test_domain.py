"""Billing's pure rules: references, interest, dunning levels, matching, CAMT.053 reading."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from stdnum import iso11649

from services.billing.domain import camt
from services.billing.domain.dunning import days_overdue, is_overdue, reminders_due
from services.billing.domain.interest import accrue
from services.billing.domain.matching import allocate, split_principal_interest
from services.billing.domain.references import invoice_number, normalise_reference, rf_reference


def test_r_bi_1_invoice_numbers_run_per_year_with_fixed_width() -> None:
    assert invoice_number(2026, 1) == "2026-000001"
    assert invoice_number(2026, 123456) == "2026-123456"
    with pytest.raises(ValueError):
        invoice_number(2026, 0)


def test_r_bi_1_rf_reference_is_valid_iso_11649_and_unique_per_number() -> None:
    first, second = rf_reference("2026-000001"), rf_reference("2026-000002")
    assert first.startswith("RF") and iso11649.is_valid(first) and iso11649.is_valid(second)
    assert first != second
    assert first.endswith("2026000001")


def test_r_bi_1_reference_as_banks_print_it_is_normalised() -> None:
    ref = rf_reference("2026-000042")
    spaced = " ".join(ref[i : i + 4] for i in range(0, len(ref), 4)).lower()
    assert normalise_reference(spaced) == ref
    assert normalise_reference("RF00" + ref[4:]) is None  # wrong check digits
    assert normalise_reference("hello") is None


def test_r_bi_4_interest_is_simple_actual_365_day_by_day() -> None:
    assert accrue(Decimal("1000"), Decimal("0.08"), date(2026, 1, 31), date(2026, 2, 10)) == (
        Decimal("1000") * Decimal("0.08") * 10 / 365
    )
    assert accrue(Decimal("1000"), Decimal("0.08"), date(2026, 1, 31), date(2026, 1, 31)) == 0
    assert accrue(Decimal("0"), Decimal("0.08"), date(2026, 1, 1), date(2026, 2, 1)) == 0


def test_r_bi_4_overdue_the_day_after_the_due_date_and_reminders_once_per_level() -> None:
    due = date(2026, 3, 1)
    assert not is_overdue(due, due) and is_overdue(due, date(2026, 3, 2))
    assert days_overdue(due, date(2026, 3, 11)) == 10
    assert reminders_due(6, 0) == []
    assert reminders_due(7, 0) == [1]
    assert reminders_due(14, 1) == [2]
    assert reminders_due(31, 0) == [1, 2, 3]  # a job that skipped days sends each level once
    assert reminders_due(31, 3) == []


def test_r_bi_1_partial_exact_and_overpayment() -> None:
    assert allocate(Decimal("50"), Decimal("100")).status == "partial"
    exact = allocate(Decimal("100"), Decimal("100"))
    assert (exact.status, exact.applied, exact.unapplied) == ("matched", Decimal("100"), Decimal("0"))
    over = allocate(Decimal("130"), Decimal("100"))
    assert (over.status, over.applied, over.unapplied) == ("matched", Decimal("100"), Decimal("30"))


def test_r_bi_4_payments_settle_principal_before_interest() -> None:
    assert split_principal_interest(Decimal("120"), Decimal("100"), Decimal("5")) == (
        Decimal("100"),
        Decimal("5"),
    )
    assert split_principal_interest(Decimal("60"), Decimal("100"), Decimal("5")) == (
        Decimal("60"),
        Decimal("0"),
    )


CAMT = """<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
 <BkToCstmrStmt>
  <GrpHdr><MsgId>MSG-1</MsgId><CreDtTm>2026-03-02T06:00:00</CreDtTm></GrpHdr>
  <Stmt>
   <Id>STMT-1</Id>
   <Acct><Id><IBAN>NL91ABNA0417164300</IBAN></Id></Acct>
   <Ntry>
    <Amt Ccy="EUR">121.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
    <BookgDt><Dt>2026-03-01</Dt></BookgDt><AcctSvcrRef>BANK-1</AcctSvcrRef>
    <NtryDtls><TxDtls>
      <RltdPties><Dbtr><Nm>Reseller B.V.</Nm></Dbtr></RltdPties>
      <RmtInf><Strd><CdtrRefInf><Ref>RF18539007547034</Ref></CdtrRefInf></Strd></RmtInf>
    </TxDtls></NtryDtls>
   </Ntry>
   <Ntry>
    <Amt Ccy="EUR">10.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><BookgDt><Dt>2026-03-01</Dt></BookgDt>
   </Ntry>
  </Stmt>
 </BkToCstmrStmt>
</Document>"""


def test_r_bi_1_camt_053_credits_with_structured_reference() -> None:
    statement = camt.parse(CAMT.encode())
    assert statement.statement_key == "MSG-1/STMT-1"
    assert statement.debit_entries == 1
    [credit] = statement.credits
    assert (credit.amount, credit.currency, credit.booked_on) == (Decimal("121.00"), "EUR", date(2026, 3, 1))
    assert credit.reference == "RF18539007547034"
    assert credit.entry_key == "BANK-1#0" and credit.debtor == "Reseller B.V."


@pytest.mark.parametrize(
    "hostile",
    [
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><Document>&x;</Document>',
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><Document>&b;</Document>',
        "<Document><BkToCstmrStmt>",
        "<Other/>",
    ],
)
def test_r_bi_1_hostile_or_foreign_xml_is_refused(hostile: str) -> None:
    with pytest.raises(camt.StatementRefused):
        camt.parse(hostile.encode())
