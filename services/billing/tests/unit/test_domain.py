"""Billing's pure rules: references, interest, dunning levels, matching, CAMT.053 reading."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from stdnum import iso11649

from libs.late_interest import accrue, accrued
from services.billing.domain import camt
from services.billing.domain.dunning import days_overdue, is_overdue, reminders_due
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


def test_r_bi_4_interest_follows_the_money_value_dates_not_the_day_it_was_recorded() -> None:
    due = date(2026, 3, 1)
    rate = Decimal("0.08")
    total = Decimal("1000")
    # paid in full on the 12th: a dunning run "through the 13th" charges nothing for the 13th
    paid_12 = [(date(2026, 3, 12), total)]
    assert accrued(total, rate, due, paid_12, date(2026, 3, 13)) == accrue(
        total, rate, due, date(2026, 3, 12)
    )
    assert accrued(total, rate, due, paid_12, date(2026, 4, 30)) == accrued(
        total, rate, due, paid_12, date(2026, 3, 12)
    )
    # half paid on the 11th: the other half accrues on
    half = [(date(2026, 3, 11), Decimal("500"))]
    expected = accrue(total, rate, due, date(2026, 3, 11)) + accrue(
        Decimal("500"), rate, date(2026, 3, 11), date(2026, 3, 21)
    )
    assert accrued(total, rate, due, half, date(2026, 3, 21)) == expected
    # paid before the due date: nothing; no day past due: nothing
    assert accrued(total, rate, due, [(date(2026, 2, 20), total)], date(2026, 5, 1)) == 0
    assert accrued(total, rate, due, [], due) == 0 and accrued(total, rate, due, [], None) == 0
