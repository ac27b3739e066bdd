"""Tax rate tables used by R-OR-5 / R-ON-4 / R-ON-5.

These are point-in-time snapshots, not live data: each table names its source and
the date the figures were taken, so a reviewer can tell at a glance how stale they
are and where to re-check them. Rates are Decimal fractions (0.21 means 21 %).

Rates change on known dates, and an order is taxed at the rate in force on its date:
`*_CHANGES` record each earlier rate with the last day it applied, and `rate_on` picks
the rate for a day. The `*_RATES` tables hold the rates in force today.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from types import MappingProxyType
from typing import Final

# --- EU VAT -------------------------------------------------------------------------------------------

EU_VAT_SOURCE: Final = (
    "European Commission, DG TAXUD, 'VAT rates applied in the Member States of the European Union' "
    "(situation at 1 January 2025), updated for the standard-rate changes in force since: "
    "Estonia 24 % from 1 July 2025, Romania 21 % from 1 August 2025"
)
EU_VAT_AS_OF: Final = date(2025, 8, 1)

# Standard rates only: the software and services sold through resellers are not on any
# member state's reduced-rate list. Keys are ISO 3166-1 alpha-2 codes, so Greece is "GR"
# here even though its VAT numbers carry the prefix "EL".
EU_VAT_STANDARD_RATES: Final = MappingProxyType(
    {
        "AT": Decimal("0.20"),  # Austria
        "BE": Decimal("0.21"),  # Belgium
        "BG": Decimal("0.20"),  # Bulgaria
        "CY": Decimal("0.19"),  # Cyprus
        "CZ": Decimal("0.21"),  # Czechia
        "DE": Decimal("0.19"),  # Germany
        "DK": Decimal("0.25"),  # Denmark
        "EE": Decimal("0.24"),  # Estonia
        "ES": Decimal("0.21"),  # Spain
        "FI": Decimal("0.255"),  # Finland
        "FR": Decimal("0.20"),  # France
        "GR": Decimal("0.24"),  # Greece (VAT prefix "EL")
        "HR": Decimal("0.25"),  # Croatia
        "HU": Decimal("0.27"),  # Hungary
        "IE": Decimal("0.23"),  # Ireland
        "IT": Decimal("0.22"),  # Italy
        "LT": Decimal("0.21"),  # Lithuania
        "LU": Decimal("0.17"),  # Luxembourg
        "LV": Decimal("0.21"),  # Latvia
        "MT": Decimal("0.18"),  # Malta
        "NL": Decimal("0.21"),  # Netherlands
        "PL": Decimal("0.23"),  # Poland
        "PT": Decimal("0.23"),  # Portugal (mainland; Azores and Madeira have lower rates)
        "RO": Decimal("0.21"),  # Romania
        "SE": Decimal("0.25"),  # Sweden
        "SI": Decimal("0.22"),  # Slovenia
        "SK": Decimal("0.23"),  # Slovakia
    }
)

EU_MEMBER_STATES: Final = frozenset(EU_VAT_STANDARD_RATES)

# --- US sales tax ------------------------------------------------------------------------------------

US_SALES_TAX_SOURCE: Final = (
    "Tax Foundation, 'State and Local Sales Tax Rates, 2025', "
    "state tax rate column (rates as of 1 January 2025), updated for the District of Columbia's "
    "6.5 % from 1 October 2025"
)
US_SALES_TAX_AS_OF: Final = date(2025, 10, 1)

# State-level base rates only: county, city and district add-ons are EXCLUDED, so the
# real combined rate at a reseller's address is usually higher. As in the source, the
# figures for California (7.25), Utah (6.10) and Virginia (5.30) include the statewide
# local levy that applies everywhere in the state. Alaska has no state sales tax but
# lets localities levy one; Delaware, Montana, New Hampshire and Oregon have none.
US_STATE_SALES_TAX_RATES: Final = MappingProxyType(
    {
        "AL": Decimal("0.04"),
        "AK": Decimal("0"),
        "AZ": Decimal("0.056"),
        "AR": Decimal("0.065"),
        "CA": Decimal("0.0725"),
        "CO": Decimal("0.029"),
        "CT": Decimal("0.0635"),
        "DE": Decimal("0"),
        "DC": Decimal("0.065"),
        "FL": Decimal("0.06"),
        "GA": Decimal("0.04"),
        "HI": Decimal("0.04"),
        "ID": Decimal("0.06"),
        "IL": Decimal("0.0625"),
        "IN": Decimal("0.07"),
        "IA": Decimal("0.06"),
        "KS": Decimal("0.065"),
        "KY": Decimal("0.06"),
        "LA": Decimal("0.05"),
        "ME": Decimal("0.055"),
        "MD": Decimal("0.06"),
        "MA": Decimal("0.0625"),
        "MI": Decimal("0.06"),
        "MN": Decimal("0.06875"),
        "MS": Decimal("0.07"),
        "MO": Decimal("0.04225"),
        "MT": Decimal("0"),
        "NE": Decimal("0.055"),
        "NV": Decimal("0.0685"),
        "NH": Decimal("0"),
        "NJ": Decimal("0.06625"),
        "NM": Decimal("0.04875"),
        "NY": Decimal("0.04"),
        "NC": Decimal("0.0475"),
        "ND": Decimal("0.05"),
        "OH": Decimal("0.0575"),
        "OK": Decimal("0.045"),
        "OR": Decimal("0"),
        "PA": Decimal("0.06"),
        "RI": Decimal("0.07"),
        "SC": Decimal("0.06"),
        "SD": Decimal("0.042"),
        "TN": Decimal("0.07"),
        "TX": Decimal("0.0625"),
        "UT": Decimal("0.061"),
        "VT": Decimal("0.06"),
        "VA": Decimal("0.053"),
        "WA": Decimal("0.065"),
        "WV": Decimal("0.06"),
        "WI": Decimal("0.05"),
        "WY": Decimal("0.04"),
    }
)


# --- rates in force on a day ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EarlierRate:
    """A rate that applied up to and including `until` (and before it, the previous entry's)."""

    rate: Decimal
    until: date


# Earlier standard rates, oldest first, as far back as orders can be dated (the platform's orders
# start in 2024). Today's rate applies from the day after the last entry.
EU_VAT_CHANGES: Final = MappingProxyType(
    {
        "EE": (EarlierRate(Decimal("0.22"), date(2025, 6, 30)),),
        "FI": (EarlierRate(Decimal("0.24"), date(2024, 8, 31)),),
        "RO": (EarlierRate(Decimal("0.19"), date(2025, 7, 31)),),
        "SK": (EarlierRate(Decimal("0.20"), date(2024, 12, 31)),),
    }
)
US_STATE_SALES_TAX_CHANGES: Final = MappingProxyType(
    {
        "DC": (EarlierRate(Decimal("0.06"), date(2025, 9, 30)),),
        "LA": (EarlierRate(Decimal("0.0445"), date(2024, 12, 31)),),
    }
)


def rate_on(
    current: Mapping[str, Decimal], changes: Mapping[str, tuple[EarlierRate, ...]], code: str, on: date
) -> Decimal:
    """The rate of `code` in force on `on` (KeyError for an unknown code)."""
    rate = current[code]
    for earlier in changes.get(code, ()):
        if on <= earlier.until:
            return earlier.rate
    return rate
