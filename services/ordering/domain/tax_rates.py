"""Tax rate tables used by R-OR-5 / R-ON-4 / R-ON-5.

These are point-in-time snapshots, not live data: each table names its source and
the date the figures were taken, so a reviewer can tell at a glance how stale they
are and where to re-check them. Rates are Decimal fractions (0.21 means 21 %).
"""

from __future__ import annotations

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
        "EE": Decimal("0.24"),  # Estonia (22 % until 30 June 2025)
        "ES": Decimal("0.21"),  # Spain
        "FI": Decimal("0.255"),  # Finland (25.5 % since 1 September 2024)
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
        "RO": Decimal("0.21"),  # Romania (19 % until 31 July 2025)
        "SE": Decimal("0.25"),  # Sweden
        "SI": Decimal("0.22"),  # Slovenia
        "SK": Decimal("0.23"),  # Slovakia (20 % until 31 December 2024)
    }
)

EU_MEMBER_STATES: Final = frozenset(EU_VAT_STANDARD_RATES)

# --- US sales tax ------------------------------------------------------------------------------------

US_SALES_TAX_SOURCE: Final = (
    "Tax Foundation, 'State and Local Sales Tax Rates, 2025', "
    "state tax rate column (rates as of 1 January 2025)"
)
US_SALES_TAX_AS_OF: Final = date(2025, 1, 1)

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
        "DC": Decimal("0.06"),
        "FL": Decimal("0.06"),
        "GA": Decimal("0.04"),
        "HI": Decimal("0.04"),
        "ID": Decimal("0.06"),
        "IL": Decimal("0.0625"),
        "IN": Decimal("0.07"),
        "IA": Decimal("0.06"),
        "KS": Decimal("0.065"),
        "KY": Decimal("0.06"),
        "LA": Decimal("0.05"),  # 4.45 % until 31 December 2024
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
