"""The instalment schedule and the early-termination split (R-WA-6): instalments invoiced + fee =
the contract's total cost, for every start day, term and termination day."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.leasing.domain.schedule import billing_day, schedule, termination_split, total_cost

MONTHLY = Decimal("71.50")


def _termination_days(start: date, term: int) -> list[date]:
    items = schedule(start, term, MONTHLY)
    end = items[-1].period_end
    mid = start.replace(day=15) if start.day != 15 else start.replace(day=16)
    if mid < start:
        mid = items[1].period_start.replace(day=15)
    return [start, mid, items[term // 2].period_start + timedelta(days=13), end - timedelta(days=1)]


@pytest.mark.parametrize("start_day", [1, 15, 28, 31])
@pytest.mark.parametrize("term", [12, 24, 36])
@pytest.mark.parametrize("which", range(4))
def test_r_wa_6_invoiced_plus_fee_is_the_total_cost(start_day: int, term: int, which: int) -> None:
    start = date(2026, 1 if start_day != 31 else 3, start_day)
    items = schedule(start, term, MONTHLY)
    terminated = _termination_days(start, term)[which]
    split = termination_split(items, terminated)
    invoiced = sum((i.amount for i in items if i.n in split.invoiced), Decimal(0))
    assert invoiced + split.fee == total_cost(items) == MONTHLY * term
    assert sorted(split.invoiced + split.fee_instalments) == list(range(1, term + 1))
    # every instalment the fee does not stand for was due by the termination day
    assert all(i.due_date <= terminated for i in items if i.n in split.invoiced)


@pytest.mark.parametrize("start_day", [1, 15, 28, 31])
@pytest.mark.parametrize("term", [12, 24, 36])
def test_r_wa_6_r_bi_6_periods_are_contiguous_and_due_on_a_billing_run(start_day: int, term: int) -> None:
    start = date(2026, 1 if start_day != 31 else 3, start_day)
    items = schedule(start, term, MONTHLY)
    assert items[0].period_start == start and [i.n for i in items] == list(range(1, term + 1))
    for before, after in itertools.pairwise(items):
        assert after.period_start == before.period_end + timedelta(days=1)
    for i in items:
        assert i.due_date.day == 1 and i.period_start <= i.due_date <= i.period_end
    # the last day of the schedule is the contract's end date (36 months from the 31st of March)
    if start_day == 31 and term == 36:
        assert items[-1].period_end == date(2029, 3, 30)


def test_r_wa_6_start_on_the_first_is_invoiced_that_day_on_the_15th_the_next_first() -> None:
    on_first = schedule(date(2026, 1, 1), 12, MONTHLY)
    assert on_first[0].due_date == date(2026, 1, 1)
    assert termination_split(on_first, date(2026, 1, 1)).fee == MONTHLY * 11
    mid = schedule(date(2026, 1, 15), 12, MONTHLY)
    assert (mid[0].period_start, mid[0].period_end, mid[0].due_date) == (
        date(2026, 1, 15),
        date(2026, 2, 14),
        date(2026, 2, 1),
    )
    # a 12-month contract started on the 15th and terminated on the 20th pays all 12 (fee)
    assert termination_split(mid, date(2026, 1, 20)).fee == MONTHLY * 12
    # the day before the end: every instalment was due, nothing is left for a fee
    assert termination_split(mid, date(2027, 1, 13)).fee == 0
    assert billing_day(date(2026, 12, 31)) == date(2027, 1, 1)


def test_r_wa_6_instalments_billed_early_are_not_in_the_fee() -> None:
    items = schedule(date(2026, 1, 15), 12, MONTHLY)
    split = termination_split(items, date(2026, 1, 20), frozenset({1, 2}))
    assert split.invoiced == [1, 2] and split.fee == MONTHLY * 10


@given(
    start=st.dates(min_value=date(2024, 1, 1), max_value=date(2032, 12, 31)),
    term=st.sampled_from([12, 24, 36]),
    offset=st.integers(min_value=0, max_value=36 * 31),
    monthly=st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999.99"), places=2),
)
def test_r_wa_6_invariant_for_any_start_term_and_day(
    start: date, term: int, offset: int, monthly: Decimal
) -> None:
    items = schedule(start, term, monthly)
    terminated = min(start + timedelta(days=offset), items[-1].period_end)
    split = termination_split(items, terminated)
    invoiced = sum((i.amount for i in items if i.n in split.invoiced), Decimal(0))
    assert invoiced + split.fee == monthly * term
