"""R-OR-6 / R-OR-7 / R-OR-10: periods, mid-period seat purchases rounded up to months, trials."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.ordering.domain.proration import (
    add_months,
    monthly_unit_price,
    months_remaining,
    period_end,
    prorated_seat_quote,
    seat_quote,
    trial_end,
)

D = Decimal

# --- add_months ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2027, 1, 31), 1, date(2027, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),  # leap year
        (date(2026, 3, 31), 1, date(2026, 4, 30)),
        (date(2026, 12, 15), 1, date(2027, 1, 15)),
        (date(2026, 1, 31), 12, date(2027, 1, 31)),
        (date(2028, 2, 29), 12, date(2029, 2, 28)),
        (date(2028, 2, 29), 48, date(2032, 2, 29)),
        (date(2026, 3, 31), -1, date(2026, 2, 28)),
        (date(2026, 1, 15), -1, date(2025, 12, 15)),
        (date(2026, 5, 20), 0, date(2026, 5, 20)),
    ],
)
def test_r_or_6_add_months_clamps_to_the_end_of_the_month(start, months, expected):
    assert add_months(start, months) == expected


# --- periods (R-OR-6) ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "term", "expected"),
    [
        (date(2026, 3, 1), 12, date(2027, 3, 1)),
        (date(2026, 3, 1), 1, date(2026, 4, 1)),
        (date(2027, 1, 31), 1, date(2027, 2, 28)),
        (date(2028, 2, 29), 12, date(2029, 2, 28)),
    ],
)
def test_r_or_6_period_end_is_exclusive_and_term_months_later(start, term, expected):
    assert period_end(start, term) == expected


def test_r_or_6_renewal_starts_where_the_previous_period_ended():
    first_end = period_end(date(2026, 3, 1), 12)
    assert period_end(first_end, 12) == date(2028, 3, 1)


@pytest.mark.parametrize("term", [0, -1])
def test_r_or_6_term_must_be_at_least_one_month(term):
    with pytest.raises(ValueError):
        period_end(date(2026, 3, 1), term)


# --- months remaining (R-OR-7) -------------------------------------------------------------------------

START = date(2026, 3, 1)
END = date(2027, 3, 1)


def test_r_or_7_fifty_days_left_charges_two_months():
    as_of = date(2027, 1, 10)
    assert (END - as_of).days == 50
    assert months_remaining(START, END, as_of) == 2


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (date(2025, 1, 1), 12),  # long before the period: the whole term, never more
        (date(2026, 3, 1), 12),  # first day
        (date(2026, 3, 2), 12),  # one day in: 11 months + 30 days left, rounded up
        (date(2026, 4, 1), 11),  # exactly on a month boundary
        (date(2027, 1, 1), 2),
        (date(2027, 1, 31), 2),  # 29 days + a full February
        (date(2027, 2, 1), 1),  # exactly one month left
        (date(2027, 2, 28), 1),  # last day
        (date(2027, 3, 1), 0),  # period over
        (date(2027, 6, 1), 0),
    ],
)
def test_r_or_7_remaining_months_round_up(as_of, expected):
    assert months_remaining(START, END, as_of) == expected


def test_r_or_7_month_end_clamping_counts_a_started_month_as_whole():
    # Period 2026-01-31 .. 2027-01-31: 11 months from 2026-02-28 only reach 2027-01-28.
    start = date(2026, 1, 31)
    end = period_end(start, 12)
    assert months_remaining(start, end, date(2026, 2, 28)) == 12
    assert months_remaining(start, end, date(2026, 3, 1)) == 11


def test_r_or_7_one_month_term():
    start = date(2026, 2, 1)
    end = period_end(start, 1)
    assert [months_remaining(start, end, start + timedelta(days=n)) for n in (0, 15, 27, 28)] == [1, 1, 1, 0]


def test_r_or_7_period_must_end_after_it_starts():
    with pytest.raises(ValueError):
        months_remaining(START, START, START)


# --- seat quotes (R-OR-7) ------------------------------------------------------------------------------


def test_r_or_7_fifty_days_left_quote_for_three_seats():
    months = months_remaining(START, END, date(2027, 1, 10))
    assert seat_quote(unit_price_per_month=D("9.99"), seats=3, months=months, currency="EUR") == D("59.94")


def test_r_or_7_seat_quote_rounds_half_up_once():
    # 0.0025 x 2 = 0.005 -> 0.01
    assert seat_quote(unit_price_per_month=D("0.0025"), seats=1, months=2, currency="EUR") == D("0.01")
    assert seat_quote(unit_price_per_month=D("833.5"), seats=1, months=1, currency="JPY") == D("834")


def test_r_or_7_no_months_left_costs_nothing():
    assert seat_quote(unit_price_per_month=D("9.99"), seats=5, months=0, currency="EUR") == D("0.00")


@pytest.mark.parametrize(("seats", "months"), [(-1, 1), (1, -1), (True, 1)])
def test_r_or_7_seat_quote_refuses_negative_counts(seats, months):
    with pytest.raises(ValueError):
        seat_quote(unit_price_per_month=D("9.99"), seats=seats, months=months, currency="EUR")


def test_r_or_7_seat_quote_refuses_floats():
    with pytest.raises(TypeError):
        seat_quote(unit_price_per_month=9.99, seats=1, months=1, currency="EUR")


@pytest.mark.parametrize(
    ("term_price", "term", "currency", "expected"),
    [
        (D("119.88"), 12, "EUR", D("9.99")),
        (D("100.00"), 12, "EUR", D("8.33")),  # 8.333...
        (D("0.06"), 12, "EUR", D("0.01")),  # 0.005 -> 0.01
        (D("10000"), 12, "JPY", D("833")),
        (D("9.99"), 1, "EUR", D("9.99")),
    ],
)
def test_r_or_7_monthly_unit_price_rounds_half_up(term_price, term, currency, expected):
    assert monthly_unit_price(term_price, term, currency) == expected


def prorated(term_price: Decimal, term: int, seats: int, months: int, currency: str = "EUR") -> Decimal:
    return prorated_seat_quote(
        unit_price_for_term=term_price, term_months=term, seats=seats, months=months, currency=currency
    )


def test_r_or_7_prorated_quote_of_a_full_term_is_exactly_the_term_price():
    assert prorated(D("100.00"), 12, seats=3, months=12) == D("300.00")
    # ...whereas the rounded monthly price loses cents over a full term
    monthly = monthly_unit_price(D("100.00"), 12, "EUR")
    assert seat_quote(unit_price_per_month=monthly, seats=3, months=12, currency="EUR") == D("299.88")


def test_r_or_7_prorated_quote_for_fifty_days_left():
    months = months_remaining(START, END, date(2027, 1, 10))
    assert prorated(D("100.00"), 12, seats=1, months=months) == D("16.67")  # 16.666...


def test_r_or_7_prorated_quote_cannot_exceed_the_term():
    with pytest.raises(ValueError):
        prorated(D("100.00"), 12, seats=1, months=13)


# --- trials (R-OR-10) ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        (date(2026, 3, 1), 30, date(2026, 3, 31)),
        (date(2028, 2, 15), 14, date(2028, 2, 29)),
        (date(2026, 12, 20), 30, date(2027, 1, 19)),
    ],
)
def test_r_or_10_trial_ends_trial_days_after_start(start, days, expected):
    assert trial_end(start, days) == expected


@pytest.mark.parametrize("days", [0, -5])
def test_r_or_10_trial_needs_at_least_one_day(days):
    with pytest.raises(ValueError):
        trial_end(date(2026, 3, 1), days)


# --- properties ----------------------------------------------------------------------------------------


@st.composite
def month_ends(draw: st.DrawFn) -> date:
    year = draw(st.integers(1990, 2100))
    month = draw(st.integers(1, 12))
    return date(year, month, calendar.monthrange(year, month)[1])


leap_days = st.integers(1992, 2096).filter(calendar.isleap).map(lambda y: date(y, 2, 29))
plain_dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))
# Over-sample the dates where month arithmetic goes wrong: month ends and leap days.
dates = st.one_of(plain_dates, month_ends(), leap_days, st.dates(date(2027, 1, 25), date(2027, 3, 5)))
terms = st.sampled_from([1, 12]) | st.integers(1, 36)


@given(d=dates, months=st.integers(-120, 120))
def test_r_or_6_add_months_lands_in_the_right_month_on_the_clamped_day(d, months):
    result = add_months(d, months)
    assert (result.year * 12 + result.month) - (d.year * 12 + d.month) == months
    assert result.day == min(d.day, calendar.monthrange(result.year, result.month)[1])


@given(d=dates, months=st.integers(0, 120))
def test_r_or_6_add_months_is_monotone(d, months):
    assert add_months(d, months) <= add_months(d, months + 1)
    assert add_months(d, months) < add_months(d, months + 1)  # strictly: each step is a new month


@given(start=dates, term=terms, as_of=dates)
def test_r_or_7_months_remaining_is_between_zero_and_term(start, term, as_of):
    end = period_end(start, term)
    assert 0 <= months_remaining(start, end, as_of) <= term


@given(start=dates, term=terms)
def test_r_or_7_whole_term_at_start_nothing_at_end(start, term):
    end = period_end(start, term)
    assert months_remaining(start, end, start) == term
    assert months_remaining(start, end, end) == 0
    assert months_remaining(start, end, end - timedelta(days=1)) == 1


@given(start=dates, term=terms, a=dates, b=dates)
def test_r_or_7_buying_later_never_costs_more_months(start, term, a, b):
    end = period_end(start, term)
    early, late = sorted((a, b))
    assert months_remaining(start, end, late) <= months_remaining(start, end, early)


@given(start=dates, term=terms, offset=st.integers(0, 1200))
def test_r_or_7_months_remaining_is_the_smallest_cover(start, term, offset):
    end = period_end(start, term)
    as_of = min(start + timedelta(days=offset), end)
    result = months_remaining(start, end, as_of)
    assert add_months(as_of, result) >= end
    if result > 0:
        assert add_months(as_of, result - 1) < end


@given(start=dates, term=terms, offset=st.integers(0, 1200))
def test_r_or_7_a_partial_month_counts_as_a_whole_one(start, term, offset):
    end = period_end(start, term)
    as_of = min(start + timedelta(days=offset), end)
    days_left = (end - as_of).days
    result = months_remaining(start, end, as_of)
    # Every month has at most 31 days, so covering days_left needs at least days_left/31 months,
    # and rounding up never charges for a month without a single day left in it.
    assert result * 31 >= days_left
    assert (result == 0) == (days_left == 0)


@given(
    price=st.decimals(min_value=0, max_value=10_000, places=2, allow_nan=False, allow_infinity=False),
    term=st.integers(1, 36),
    seats=st.integers(0, 500),
)
def test_r_or_7_prorated_full_term_equals_term_price_times_seats(price, term, seats):
    assert prorated(price, term, seats=seats, months=term) == price * seats


def test_r_or_7_the_seat_quote_multiplies_out():
    """Issue 8 item 8: 49.00 a year, 7 seats, 11 months showed 4.08 a month and a total of 314.42,
    which no partner can reproduce (4.08 x 77 = 314.16). The figures shown now multiply out."""
    from services.ordering.domain.proration import charge_for_added_seats

    charge = charge_for_added_seats(
        term_price=Decimal("49.00"),
        term_months=12,
        seats=7,
        months_left_in_period=11,
        renewed_terms=0,
        currency="EUR",
    )
    assert charge.months_charged == 11
    assert charge.price_per_seat == Decimal("44.92")  # 49.00 x 11 / 12 = 44.9166…
    assert charge.total == Decimal("314.44") == charge.price_per_seat * 7


def test_r_or_7_renewed_terms_are_charged_whole():
    from services.ordering.domain.proration import charge_for_added_seats

    charge = charge_for_added_seats(
        term_price=Decimal("108.00"),
        term_months=12,
        seats=2,
        months_left_in_period=2,
        renewed_terms=1,
        currency="EUR",
    )
    assert (charge.months_charged, charge.price_per_seat, charge.total) == (
        14,
        Decimal("126.00"),
        Decimal("252.00"),
    )
