"""Which tax a sale carries (R-OR-5, R-ON-4, R-ON-5, R-BI-6) — pure, shared by the services that
invoice (moved here from ordering's domain so that billing's WaaS invoices use the same rules).

The decision depends only on the *bill-to* party's profile: for an order that is the reseller
(R-OR-3), never the end customer; for a WaaS instalment it is the end customer (R-BI-6). A US
party pays sales tax at its own state's rate, an EU party is charged VAT or reverse charge
depending on its member state and VAT id. The vendor's own country is configuration and is
passed in by the caller.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Final, Literal

from libs.tax.rates import (
    EU_MEMBER_STATES,
    EU_VAT_CHANGES,
    EU_VAT_STANDARD_RATES,
    US_STATE_SALES_TAX_CHANGES,
    US_STATE_SALES_TAX_RATES,
    rate_on,
)

TaxRegime = Literal["us_sales_tax", "eu_vat", "eu_reverse_charge", "none"]

REVERSE_CHARGE_NOTE: Final = (
    "Reverse charge: VAT to be accounted for by the recipient (Article 196, Council Directive 2006/112/EC)"
)

_ZERO: Final = Decimal("0")


class UnknownTaxJurisdiction(ValueError):
    """A location we cannot tax correctly; refusing beats silently charging 0 %."""


def _code(value: str) -> str:
    return value.strip().upper()


def _iso_country(country: str) -> str:
    # Greece's VAT prefix "EL" sometimes leaks into country fields; its ISO code is "GR".
    code = _code(country)
    return "GR" if code == "EL" else code


@dataclass(frozen=True, slots=True)
class ExemptionCertificate:
    """A US resale exemption certificate (R-ON-4); valid on both boundary dates."""

    state: str
    number: str
    valid_from: date
    valid_until: date

    def __post_init__(self) -> None:
        if self.valid_until < self.valid_from:
            raise ValueError("an exemption certificate cannot end before it starts")
        if not self.number.strip():
            raise ValueError("an exemption certificate needs a number")

    def covers(self, on: date) -> bool:
        return self.valid_from <= on <= self.valid_until


@dataclass(frozen=True, slots=True)
class TaxProfile:
    """What the tax decision needs to know about the reseller (the bill-to).

    `vat_id_valid` is the verdict of onboarding's VAT id check (format, checksum, VIES);
    this module trusts it rather than re-validating.
    """

    country: str
    state: str | None
    vat_id: str | None
    vat_id_valid: bool
    exemption: ExemptionCertificate | None


@dataclass(frozen=True, slots=True)
class TaxDecision:
    regime: TaxRegime
    rate: Decimal
    note: str | None


def decide_tax(profile: TaxProfile, *, vendor_country: str, on: date) -> TaxDecision:
    """Decide the tax regime and rate for an order placed by `profile` on `on`.

    Raises UnknownTaxJurisdiction for a US reseller without a known state.
    """
    country = _iso_country(profile.country)
    if country == "US":
        return _us_sales_tax(profile, on)
    if country in EU_MEMBER_STATES:
        return _eu_vat(profile, country, _iso_country(vendor_country), on)
    return TaxDecision(regime="none", rate=_ZERO, note=None)


def _us_sales_tax(profile: TaxProfile, on: date) -> TaxDecision:
    state = _code(profile.state) if profile.state else ""
    if state not in US_STATE_SALES_TAX_RATES:
        raise UnknownTaxJurisdiction(f"unknown US state {profile.state!r}")
    cert = profile.exemption
    # A certificate only exempts sales taxed by the state that issued it.
    if cert is not None and _code(cert.state) == state and cert.covers(on):
        note = f"Exempt from {state} sales tax: resale exemption certificate {cert.number}"
        return TaxDecision(regime="us_sales_tax", rate=_ZERO, note=note)
    rate = rate_on(US_STATE_SALES_TAX_RATES, US_STATE_SALES_TAX_CHANGES, state, on)
    return TaxDecision(regime="us_sales_tax", rate=rate, note=None)


def _eu_vat(profile: TaxProfile, country: str, vendor_country: str, on: date) -> TaxDecision:
    has_valid_vat_id = profile.vat_id_valid and bool(profile.vat_id and profile.vat_id.strip())
    # A domestic supply is always taxed by the vendor, VAT id or not; reverse charge is
    # only for a business customer in another member state.
    if has_valid_vat_id and country != vendor_country:
        return TaxDecision(regime="eu_reverse_charge", rate=_ZERO, note=REVERSE_CHARGE_NOTE)
    rate = rate_on(EU_VAT_STANDARD_RATES, EU_VAT_CHANGES, country, on)
    return TaxDecision(regime="eu_vat", rate=rate, note=None)
