"""Sell-out reporting (R-WA-9): every WaaS sale is reported to its manufacturer — per manufacturer and
month, every contract whose lease started in that month, with its units, the partner who sold it and
the partner's and the end customer's country. Until the monthly job freezes a month's report (once,
on the 1st of the month after), it is computed from the sales; from then on the frozen lines answer."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from pydantic import BaseModel, ConfigDict

from services.reports.domain.figures import month_of
from services.reports.domain.periods import bounds, previous

# a partner country no event has brought yet (only events from before leasing sent it lack it)
UNKNOWN_COUNTRY = ""


@dataclass(frozen=True)
class Sale:
    """A WaaS contract whose lease started, as leasing's events describe it."""

    contract_id: uuid.UUID
    manufacturer: str
    bundle: str
    hardware_model: str
    units: int
    partner_id: uuid.UUID
    partner_country: str | None
    customer_country: str | None
    leased_on: date


class SellOutLine(BaseModel):
    """One line of a manufacturer's report: what a frozen report keeps, and what the API answers."""

    model_config = ConfigDict(frozen=True)
    contract_id: uuid.UUID
    bundle: str
    hardware_model: str
    units: int
    partner_id: uuid.UUID
    partner_country: str
    customer_country: str
    leased_on: date


@dataclass(frozen=True)
class SellOut:
    manufacturer: str
    period: str  # YYYY-MM
    frozen: bool
    lines: tuple[SellOutLine, ...]

    @property
    def units(self) -> int:
        return sum(line.units for line in self.lines)


def line_of(sale: Sale) -> SellOutLine:
    """The sale as its report line; the end customer's country is the partner's unless the contract
    named another (leasing's default, R-WA-9)."""
    partner_country = sale.partner_country or UNKNOWN_COUNTRY
    return SellOutLine(
        contract_id=sale.contract_id,
        bundle=sale.bundle,
        hardware_model=sale.hardware_model,
        units=sale.units,
        partner_id=sale.partner_id,
        partner_country=partner_country,
        customer_country=sale.customer_country or partner_country,
        leased_on=sale.leased_on,
    )


def lines_for(sales: Iterable[Sale], manufacturer: str, period: str) -> tuple[SellOutLine, ...]:
    """The manufacturer's sales whose lease started in `period`, by start day then contract."""
    first, following = bounds(period)
    chosen = [s for s in sales if s.manufacturer == manufacturer and first <= s.leased_on < following]
    return tuple(line_of(s) for s in sorted(chosen, key=lambda s: (s.leased_on, s.contract_id)))


def sell_out(
    manufacturer: str, period: str, sales: Iterable[Sale], frozen: Sequence[SellOutLine] | None
) -> SellOut:
    """The month's report: the frozen lines once the job froze it (whatever the sales say since),
    else the sales as they stand."""
    if frozen is not None:
        return SellOut(manufacturer, period, True, tuple(frozen))
    return SellOut(manufacturer, period, False, lines_for(sales, manufacturer, period))


def period_to_freeze(as_of: date) -> str:
    """The month the job run on `as_of` freezes: the one before `as_of`'s."""
    return previous(month_of(as_of))
