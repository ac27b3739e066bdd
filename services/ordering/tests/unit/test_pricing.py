"""R-OR-2 / R-OR-3: partner prices and order line amounts, exact to the minor unit."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from libs.money import minor_unit_exponent
from services.ordering.domain.pricing import (
    PricedLine,
    order_totals,
    partner_unit_price,
    price_line,
    vat_breakdown,
)

D = Decimal


def priced(msrp: Decimal, discount: Decimal, quantity: int, rate: Decimal, currency: str) -> PricedLine:
    return price_line(
        unit_msrp=msrp, discount_percent=discount, quantity=quantity, tax_rate=rate, currency=currency
    )


def test_r_or_2_worked_example_ten_percent_off_1499_eur():
    assert partner_unit_price(D("1499.00"), D("10"), "EUR") == D("1349.10")


@pytest.mark.parametrize(
    ("msrp", "discount", "currency", "expected"),
    [
        (D("1499.00"), D("10"), "EUR", D("1349.10")),
        (D("0.05"), D("90"), "EUR", D("0.01")),  # 0.005 rounds half-up to 0.01
        (D("0.15"), D("90"), "EUR", D("0.02")),  # 0.015 -> 0.02
        (D("0.25"), D("90"), "EUR", D("0.03")),  # 0.025 -> 0.03 (banker's rounding would give 0.02)
        (D("0.04"), D("90"), "EUR", D("0.00")),  # 0.004 -> 0.00
        (D("99.99"), D("12.5"), "USD", D("87.49")),  # 87.49125
        (D("1999"), D("10"), "JPY", D("1799")),  # 1799.1, JPY has no minor unit
        (D("1995"), D("10"), "JPY", D("1796")),  # 1795.5 rounds half-up
        (D("10.000"), D("12.5"), "BHD", D("8.750")),  # three decimals
        (D("1499.00"), D("0"), "EUR", D("1499.00")),
        (D("1499.00"), D("100"), "EUR", D("0.00")),
    ],
)
def test_r_or_2_partner_price_is_msrp_minus_discount_rounded_half_up(msrp, discount, currency, expected):
    price = partner_unit_price(msrp, discount, currency)
    assert price == expected
    assert price.as_tuple().exponent == expected.as_tuple().exponent


@pytest.mark.parametrize("discount", [D("-0.01"), D("100.01")])
def test_r_or_2_discount_outside_0_to_100_percent_is_refused(discount):
    with pytest.raises(ValueError):
        partner_unit_price(D("10.00"), discount, "EUR")


def test_r_or_2_negative_msrp_is_refused():
    with pytest.raises(ValueError):
        partner_unit_price(D("-1.00"), D("10"), "EUR")


@pytest.mark.parametrize(("msrp", "discount"), [(1499.0, D("10")), (D("1499.00"), 10.0), (D("NaN"), D("10"))])
def test_r_or_3_floats_and_non_finite_amounts_are_refused(msrp, discount):
    with pytest.raises(TypeError):
        partner_unit_price(msrp, discount, "EUR")


def test_r_or_3_order_line_eur_with_dutch_vat():
    line = priced(D("1499.00"), D("10"), 3, D("0.21"), "EUR")
    assert line == PricedLine(
        currency="EUR",
        quantity=3,
        unit_msrp=D("1499.00"),
        discount_percent=D("10"),
        unit_price=D("1349.10"),
        net=D("4047.30"),
        tax=D("849.93"),  # 849.933
        total=D("4897.23"),
        tax_rate=D("0.21"),
    )


def test_r_or_3_line_tax_rounds_half_up():
    line = priced(D("0.50"), D("0"), 1, D("0.21"), "EUR")
    assert (line.net, line.tax, line.total) == (D("0.50"), D("0.11"), D("0.61"))  # 0.105 -> 0.11


def test_r_or_3_order_line_in_jpy_has_no_decimals():
    line = priced(D("1999"), D("10"), 2, D("0.10"), "JPY")
    assert (line.unit_price, line.net, line.tax, line.total) == (D("1799"), D("3598"), D("360"), D("3958"))
    assert all(v.as_tuple().exponent == 0 for v in (line.unit_price, line.net, line.tax, line.total))


def test_r_or_3_us_sales_tax_line():
    line = priced(D("250.00"), D("10"), 4, D("0.0725"), "USD")
    assert (line.unit_price, line.net, line.tax, line.total) == (
        D("225.00"),
        D("900.00"),
        D("65.25"),
        D("965.25"),
    )


def test_r_or_5_reverse_charge_line_has_zero_tax_in_minor_units():
    line = priced(D("100.00"), D("10"), 1, D("0"), "EUR")
    assert line.tax == D("0.00") and str(line.tax) == "0.00"
    assert line.total == line.net == D("90.00")


def test_r_or_3_msrp_is_shown_in_the_currencys_minor_unit():
    line = priced(D("1499"), D("10"), 1, D("0"), "EUR")
    assert str(line.unit_msrp) == "1499.00"


@pytest.mark.parametrize("quantity", [0, -1, True])
def test_r_or_3_quantity_must_be_a_positive_whole_number(quantity):
    with pytest.raises(ValueError):
        priced(D("1.00"), D("0"), quantity, D("0"), "EUR")


@pytest.mark.parametrize("rate", [D("-0.01"), D("1"), D("21")])
def test_r_or_3_tax_rate_must_be_a_fraction(rate):
    with pytest.raises(ValueError):
        price_line(unit_msrp=D("1.00"), discount_percent=D("0"), quantity=1, tax_rate=rate, currency="EUR")


def test_r_bi_10_order_tax_is_per_vat_category_rounded_once_not_the_sum_of_line_taxes():
    # Each line's (informational) tax is 0.105 -> 0.11; the order's tax is the category's:
    # round(1.00 x 0.21) = 0.21 (EN 16931 BT-117 = BT-116 x BT-119, BR-CO-17), not 0.22.
    line = priced(D("0.50"), D("0"), 1, D("0.21"), "EUR")
    assert line.tax == D("0.11")
    totals = order_totals([line, line])
    assert totals == (D("1.00"), D("0.21"), D("1.21"))
    net_total, tax_total, total = totals
    assert total == net_total + tax_total


def test_r_bi_10_two_lines_of_12_50_at_21_percent_are_5_25_vat_not_5_26():
    line = priced(D("12.50"), D("0"), 1, D("0.21"), "EUR")
    assert line.tax * 2 == D("5.26")
    assert order_totals([line, line]) == (D("25.00"), D("5.25"), D("30.25"))
    assert vat_breakdown([line, line]) == [(D("0.21"), D("25.00"), D("5.25"))]


def test_r_bi_10_each_rate_is_its_own_category():
    lines = [priced(D("12.50"), D("0"), 1, D("0.21"), "EUR"), priced(D("12.50"), D("0"), 1, D("0.09"), "EUR")]
    lines.append(lines[0])
    assert vat_breakdown(lines) == [(D("0.21"), D("25.00"), D("5.25")), (D("0.09"), D("12.50"), D("1.13"))]
    assert order_totals(lines).tax_total == D("6.38")


def test_r_or_3_order_totals_mixed_lines():
    lines = [
        priced(D("1499.00"), D("10"), 3, D("0.21"), "EUR"),
        priced(D("19.99"), D("10"), 7, D("0.21"), "EUR"),
    ]
    # second line: 17.991 -> 17.99; x7 = 125.93; tax 26.4453 -> 26.45
    assert order_totals(lines) == (D("4173.23"), D("876.38"), D("5049.61"))


def test_r_or_3_order_lines_must_share_a_currency():
    eur = priced(D("1.00"), D("0"), 1, D("0"), "EUR")
    usd = priced(D("1.00"), D("0"), 1, D("0"), "USD")
    with pytest.raises(ValueError):
        order_totals([eur, usd])


def test_r_or_3_empty_order_totals_are_zero():
    assert order_totals([]) == (0, 0, 0)


def test_r_or_3_order_totals_accept_any_iterable():
    line = priced(D("2.00"), D("0"), 1, D("0"), "EUR")
    assert order_totals(iter([line])).total == D("2.00")


# --- properties ----------------------------------------------------------------------------------------

currencies = st.sampled_from(["EUR", "USD", "JPY", "BHD", "GBP"])
msrps = st.decimals(min_value=0, max_value=1_000_000, places=3, allow_nan=False, allow_infinity=False)
discounts = st.decimals(min_value=0, max_value=100, places=2, allow_nan=False, allow_infinity=False)
rates = st.decimals(min_value=0, max_value=D("0.3"), places=5, allow_nan=False, allow_infinity=False)


@given(msrp=msrps, discount=discounts, quantity=st.integers(1, 10_000), rate=rates, currency=currencies)
def test_r_or_3_line_amounts_are_consistent_and_in_minor_units(msrp, discount, quantity, rate, currency):
    line = priced(msrp, discount, quantity, rate, currency)
    exponent = minor_unit_exponent(currency).as_tuple().exponent
    for amount in (line.unit_msrp, line.unit_price, line.net, line.tax, line.total):
        assert amount.as_tuple().exponent == exponent
        assert amount >= 0
    assert line.net == line.unit_price * quantity
    assert line.total == line.net + line.tax
    assert abs(line.tax - line.net * rate) <= minor_unit_exponent(currency) / 2
    assert line.unit_price <= line.unit_msrp


line_specs = st.lists(
    st.tuples(
        msrps, discounts, st.integers(1, 1_000), st.sampled_from([D("0.21"), D("0.09"), D("0.19"), D(0)])
    ),
    min_size=1,
    max_size=12,
)


@given(specs=line_specs, currency=currencies)
def test_r_bi_10_category_vat_adds_up_to_the_order_vat_and_net_plus_vat_is_the_total(specs, currency):
    lines = [priced(msrp, discount, qty, rate, currency) for msrp, discount, qty, rate in specs]
    totals = order_totals(lines)
    breakdown = vat_breakdown(lines)
    unit = minor_unit_exponent(currency)
    assert sum((c.tax for c in breakdown), D(0)) == totals.tax_total
    assert (
        sum((c.taxable for c in breakdown), D(0)) == totals.net_total == sum((ln.net for ln in lines), D(0))
    )
    assert totals.net_total + totals.tax_total == totals.total
    for category in breakdown:
        # each category's VAT is its taxable amount x rate, rounded once (within half a minor unit)
        assert abs(category.tax - category.taxable * category.rate) <= unit / 2
        assert category.tax.as_tuple().exponent == unit.as_tuple().exponent


@given(msrp=msrps, low=discounts, high=discounts, currency=currencies)
def test_r_or_2_bigger_discount_never_raises_the_partner_price(msrp, low, high, currency):
    low, high = sorted((low, high))
    assert partner_unit_price(msrp, high, currency) <= partner_unit_price(msrp, low, currency)


def test_r_or_1_the_price_list_in_force_on_a_day_is_the_latest_entry_effective_by_then():
    from dataclasses import dataclass
    from datetime import date

    from services.ordering.domain.pricing import prices_in_force

    @dataclass
    class Entry:
        currency: str
        amount: Decimal
        effective_from: date

    entries = [
        Entry("EUR", Decimal("1599.00"), date(2026, 6, 1)),
        Entry("EUR", Decimal("1499.00"), date(2026, 1, 1)),
        Entry("USD", Decimal("1699.00"), date(2026, 7, 1)),
    ]
    assert prices_in_force(entries, date(2025, 12, 31)) == {}
    assert prices_in_force(entries, date(2026, 5, 31)) == {"EUR": Decimal("1499.00")}
    assert prices_in_force(entries, date(2026, 7, 1)) == {
        "EUR": Decimal("1599.00"),
        "USD": Decimal("1699.00"),
    }


def test_r_or_5_a_charge_rounds_its_tax_once():
    from services.ordering.domain.pricing import charge_for
    from services.ordering.domain.tax import TaxDecision

    charge = charge_for(Decimal("54.00"), TaxDecision("eu_vat", Decimal("0.21"), None), "EUR")
    assert (charge.net, charge.tax, charge.total) == (Decimal("54.00"), Decimal("11.34"), Decimal("65.34"))


def test_r_or_2_catalog_and_order_use_the_same_partner_price() -> None:
    for msrp in ["10.00", "10.01", "9.99", "1499.00", "0.05"]:
        for discount in ["10", "12.5", "33.333"]:
            line = price_line(
                unit_msrp=Decimal(msrp),
                discount_percent=Decimal(discount),
                quantity=1,
                tax_rate=Decimal("0.21"),
                currency="EUR",
            )
            assert line.unit_price == partner_unit_price(Decimal(msrp), Decimal(discount), "EUR")
