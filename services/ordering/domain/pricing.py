"""Partner prices and order line amounts (R-OR-2, R-OR-3), the order's VAT per EN 16931 (R-BI-10).

Prices and line nets are rounded half-up to the currency's minor unit *per line*; the order's net
is their exact sum. The order's tax is computed per VAT category (here: per tax rate) on the sum
of the category's line nets and rounded once — EN 16931 BT-117 = BT-116 x BT-119 (rule BR-CO-17),
what the e-invoice's VAT breakdown states and an accounting system recomputes. Each line's `tax`
(its net x rate, rounded) stays on the line for information only: the lines' taxes may add up to a
cent more or less than the order's `tax_total` (two lines of 12.50 at 21 %: 2.63 + 2.63 = 5.26
per line, 5.25 per category); `tax_total` and `total` follow the category rule.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import NamedTuple, Protocol

from libs.money import round_half_up
from services.ordering.domain.tax import TaxDecision

_HUNDRED = Decimal(100)


def _decimal(name: str, value: Decimal) -> Decimal:
    # Floats cannot carry exact cents; refuse them (and anything else) loudly.
    if not isinstance(value, Decimal) or not value.is_finite():
        raise TypeError(f"{name} must be a finite Decimal, got {value!r}")
    return value


def partner_unit_price(msrp: Decimal, discount_percent: Decimal, currency: str) -> Decimal:
    """MSRP minus the reseller's discount, rounded half-up to the currency's minor unit.

    The one function the catalog and the order lines both use, so they cannot disagree; the MSRP
    itself is taken in whole minor units first (the API refuses finer amounts anyway).

    >>> partner_unit_price(Decimal("1499.00"), Decimal("10"), "EUR")
    Decimal('1349.10')
    """
    _decimal("msrp", msrp)
    _decimal("discount_percent", discount_percent)
    if msrp < 0:
        raise ValueError("msrp cannot be negative")
    if not Decimal(0) <= discount_percent <= _HUNDRED:
        raise ValueError("discount_percent must be between 0 and 100")
    msrp = round_half_up(msrp, currency)
    return round_half_up(msrp * (_HUNDRED - discount_percent) / _HUNDRED, currency)


@dataclass(frozen=True, slots=True, kw_only=True)
class PricedLine:
    currency: str
    quantity: int
    unit_msrp: Decimal
    discount_percent: Decimal
    unit_price: Decimal
    net: Decimal
    tax: Decimal  # informational: the order's tax is per category (`order_totals`)
    total: Decimal  # net + the informational tax
    tax_rate: Decimal  # the line's VAT category (one rate, one category)


def price_line(
    *,
    unit_msrp: Decimal,
    discount_percent: Decimal,
    quantity: int,
    tax_rate: Decimal,
    currency: str,
) -> PricedLine:
    """One order line: net = unit_price x quantity, tax = round(net x rate), total = net + tax."""
    if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity < 1:
        raise ValueError("quantity must be a positive whole number")
    _decimal("tax_rate", tax_rate)
    if not Decimal(0) <= tax_rate < 1:
        raise ValueError("tax_rate is a fraction between 0 and 1 (0.21 for 21 %)")
    msrp = round_half_up(_decimal("unit_msrp", unit_msrp), currency)
    unit_price = partner_unit_price(msrp, discount_percent, currency)
    net = round_half_up(unit_price * quantity, currency)
    tax = round_half_up(net * tax_rate, currency)
    return PricedLine(
        currency=currency,
        quantity=quantity,
        unit_msrp=msrp,
        discount_percent=discount_percent,
        unit_price=unit_price,
        net=net,
        tax=tax,
        total=net + tax,
        tax_rate=tax_rate,
    )


class VatCategoryTotal(NamedTuple):
    rate: Decimal
    taxable: Decimal  # BT-116: the sum of the category's line nets
    tax: Decimal  # BT-117: taxable x rate, rounded half-up once


def vat_breakdown(lines: Iterable[PricedLine]) -> list[VatCategoryTotal]:
    """Per tax rate (an order's VAT category), its taxable amount and its VAT rounded once."""
    taxable: dict[Decimal, Decimal] = {}
    currency = None
    for line in lines:
        currency = line.currency
        taxable[line.tax_rate] = taxable.get(line.tax_rate, Decimal(0)) + line.net
    return [
        VatCategoryTotal(rate, net, round_half_up(net * rate, currency or "EUR"))
        for rate, net in taxable.items()
    ]


class OrderTotals(NamedTuple):
    net_total: Decimal
    tax_total: Decimal
    total: Decimal


def order_totals(lines: Iterable[PricedLine]) -> OrderTotals:
    """Net: the exact sum of the line nets. Tax: the sum of the VAT categories' taxes, each rounded
    once on its taxable amount (EN 16931). Total: net + tax."""
    lines = list(lines)
    if len({line.currency for line in lines}) > 1:
        raise ValueError("an order's lines must share one currency")
    net = sum((line.net for line in lines), Decimal(0))
    tax = sum((category.tax for category in vat_breakdown(lines)), Decimal(0))
    return OrderTotals(net_total=net, tax_total=tax, total=net + tax)


class PriceEntry(Protocol):
    """One entry of a SKU's price list (the catalog's rows satisfy it)."""

    currency: str
    amount: Decimal
    effective_from: date


def prices_in_force(entries: Iterable[PriceEntry], on: date) -> dict[str, Decimal]:
    """R-OR-1: the price list in force on a date: per currency, the latest entry effective by then."""
    prices: dict[str, Decimal] = {}
    for entry in sorted(entries, key=lambda p: p.effective_from):
        if entry.effective_from <= on:
            prices[entry.currency] = entry.amount
    return prices


@dataclass(frozen=True, slots=True)
class Charge:
    """A subscription charge (creation, renewal, conversion, seats): net, its tax, the total."""

    net: Decimal
    tax: Decimal
    total: Decimal
    decision: TaxDecision


def charge_for(net: Decimal, decision: TaxDecision, currency: str) -> Charge:
    """Tax rounded half-up once on the charge's net, as on an order line (R-OR-5)."""
    tax = round_half_up(_decimal("net", net) * decision.rate, currency)
    return Charge(net=net, tax=tax, total=net + tax, decision=decision)
