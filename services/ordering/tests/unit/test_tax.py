"""R-OR-5 / R-ON-4 / R-ON-5: which tax regime and rate an order carries."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from libs.tax.rates import (
    EU_MEMBER_STATES,
    EU_VAT_AS_OF,
    EU_VAT_SOURCE,
    EU_VAT_STANDARD_RATES,
    US_SALES_TAX_AS_OF,
    US_SALES_TAX_SOURCE,
    US_STATE_SALES_TAX_RATES,
)
from services.ordering.domain.tax import (
    REVERSE_CHARGE_NOTE,
    ExemptionCertificate,
    TaxDecision,
    TaxProfile,
    UnknownTaxJurisdiction,
    decide_tax,
)

D = Decimal
VENDOR = "NL"  # the program default; always passed explicitly, as the caller does
ORDER_DAY = date(2026, 5, 14)
EU = sorted(EU_MEMBER_STATES)
EU_OTHER_THAN_VENDOR = [c for c in EU if c != VENDOR]


def eu_reseller(country: str, *, vat_id: str | None = None, valid: bool = False) -> TaxProfile:
    return TaxProfile(country=country, state=None, vat_id=vat_id, vat_id_valid=valid, exemption=None)


def us_reseller(state: str | None, exemption: ExemptionCertificate | None = None) -> TaxProfile:
    return TaxProfile(country="US", state=state, vat_id=None, vat_id_valid=False, exemption=exemption)


def certificate(
    state: str = "CA", *, valid_from: date = date(2026, 1, 1), valid_until: date = date(2026, 12, 31)
) -> ExemptionCertificate:
    return ExemptionCertificate(state, "SR-123-456", valid_from, valid_until)


# --- the tables ----------------------------------------------------------------------------------------

EXPECTED_EU = {
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
    "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
}  # fmt: skip


def test_r_on_5_vat_table_covers_exactly_the_27_member_states_by_iso_code():
    assert set(EU_VAT_STANDARD_RATES) == EXPECTED_EU
    assert "EL" not in EU_VAT_STANDARD_RATES  # Greece is GR in ISO 3166-1


def test_r_on_4_sales_tax_table_covers_50_states_and_dc():
    assert len(US_STATE_SALES_TAX_RATES) == 51
    assert "DC" in US_STATE_SALES_TAX_RATES
    no_state_sales_tax = {s for s, r in US_STATE_SALES_TAX_RATES.items() if r == 0}
    assert no_state_sales_tax == {"AK", "DE", "MT", "NH", "OR"}


@pytest.mark.parametrize("rate", [*EU_VAT_STANDARD_RATES.values(), *US_STATE_SALES_TAX_RATES.values()])
def test_r_or_5_rates_are_decimal_fractions(rate):
    assert isinstance(rate, Decimal)
    assert Decimal(0) <= rate < Decimal("0.30")


def test_r_or_5_tables_name_their_source_and_date():
    assert "European Commission" in EU_VAT_SOURCE
    assert "Tax Foundation" in US_SALES_TAX_SOURCE
    assert EU_VAT_AS_OF == date(2025, 8, 1)
    assert US_SALES_TAX_AS_OF == date(2025, 10, 1)


def test_r_or_5_tables_are_read_only():
    with pytest.raises(TypeError):
        EU_VAT_STANDARD_RATES["NL"] = Decimal("0")


# --- EU ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("country", EU)
def test_r_or_5_eu_reseller_without_vat_id_pays_its_countrys_standard_rate(country):
    decision = decide_tax(eu_reseller(country), vendor_country=VENDOR, on=ORDER_DAY)
    assert decision == TaxDecision(regime="eu_vat", rate=EU_VAT_STANDARD_RATES[country], note=None)


@pytest.mark.parametrize("country", EU_OTHER_THAN_VENDOR)
def test_r_or_5_reverse_charge_for_valid_vat_id_in_other_member_state(country):
    profile = eu_reseller(country, vat_id=f"{country}123456789", valid=True)
    decision = decide_tax(profile, vendor_country=VENDOR, on=ORDER_DAY)
    assert decision == TaxDecision(regime="eu_reverse_charge", rate=Decimal(0), note=REVERSE_CHARGE_NOTE)


@pytest.mark.parametrize("country", EU)
def test_r_or_5_vendors_own_country_always_pays_vat_even_with_valid_vat_id(country):
    profile = eu_reseller(country, vat_id=f"{country}123456789", valid=True)
    decision = decide_tax(profile, vendor_country=country, on=ORDER_DAY)
    assert decision == TaxDecision(regime="eu_vat", rate=EU_VAT_STANDARD_RATES[country], note=None)


@pytest.mark.parametrize("country", EU_OTHER_THAN_VENDOR)
def test_r_on_5_invalid_vat_id_pays_vat_at_its_countrys_rate(country):
    profile = eu_reseller(country, vat_id=f"{country}000", valid=False)
    decision = decide_tax(profile, vendor_country=VENDOR, on=ORDER_DAY)
    assert decision == TaxDecision(regime="eu_vat", rate=EU_VAT_STANDARD_RATES[country], note=None)


@pytest.mark.parametrize("vat_id", [None, "", "   "])
def test_r_on_5_valid_flag_without_a_vat_id_is_not_enough_for_reverse_charge(vat_id):
    profile = eu_reseller("DE", vat_id=vat_id, valid=True)
    assert decide_tax(profile, vendor_country=VENDOR, on=ORDER_DAY).regime == "eu_vat"


def test_r_or_5_reverse_charge_note_is_the_legal_mention():
    assert REVERSE_CHARGE_NOTE == (
        "Reverse charge: VAT to be accounted for by the recipient "
        "(Article 196, Council Directive 2006/112/EC)"
    )


def test_r_or_5_vendor_country_is_configuration_not_hard_coded():
    dutch = eu_reseller("NL", vat_id="NL123456789B01", valid=True)
    german = eu_reseller("DE", vat_id="DE123456789", valid=True)
    assert decide_tax(dutch, vendor_country="DE", on=ORDER_DAY).regime == "eu_reverse_charge"
    assert decide_tax(german, vendor_country="DE", on=ORDER_DAY) == TaxDecision("eu_vat", D("0.19"), None)


def test_r_or_5_greece_is_gr_and_its_vat_prefix_el_is_accepted_as_an_alias():
    greek = eu_reseller("GR")
    assert decide_tax(greek, vendor_country=VENDOR, on=ORDER_DAY).rate == Decimal("0.24")
    via_prefix = eu_reseller("EL", vat_id="EL094014201", valid=True)
    assert decide_tax(via_prefix, vendor_country="GR", on=ORDER_DAY).regime == "eu_vat"


def test_r_or_5_country_codes_are_normalised_not_silently_untaxed():
    assert decide_tax(eu_reseller(" be "), vendor_country="nl", on=ORDER_DAY).rate == Decimal("0.21")


def test_r_or_5_worked_rates_for_a_few_member_states():
    rates = {c: decide_tax(eu_reseller(c), vendor_country=VENDOR, on=ORDER_DAY).rate for c in EU}
    assert rates["NL"] == Decimal("0.21")
    assert rates["DE"] == Decimal("0.19")
    assert rates["HU"] == Decimal("0.27")
    assert rates["LU"] == Decimal("0.17")
    assert rates["FI"] == Decimal("0.255")


# --- elsewhere -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("country", ["CH", "GB", "NO", "JP", "CA", "AU", "BR", "PR"])
def test_r_or_5_reseller_outside_eu_and_us_pays_no_tax(country):
    profile = TaxProfile(country=country, state=None, vat_id="X123", vat_id_valid=True, exemption=None)
    assert decide_tax(profile, vendor_country=VENDOR, on=ORDER_DAY) == TaxDecision("none", Decimal(0), None)


# --- US ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("state", "rate"),
    [
        ("CA", Decimal("0.0725")),
        ("TX", Decimal("0.0625")),
        ("NY", Decimal("0.04")),
        ("OR", Decimal("0")),
        ("DE", Decimal("0")),
        ("FL", Decimal("0.06")),
    ],
)
def test_r_on_4_us_reseller_pays_its_own_states_base_rate(state, rate):
    decision = decide_tax(us_reseller(state), vendor_country=VENDOR, on=ORDER_DAY)
    assert decision == TaxDecision(regime="us_sales_tax", rate=rate, note=None)


def test_r_on_4_rate_follows_the_resellers_state_whatever_the_vendor_country():
    for vendor in ("NL", "US", "DE"):
        assert decide_tax(us_reseller("TX"), vendor_country=vendor, on=ORDER_DAY).rate == Decimal("0.0625")


def test_r_on_4_valid_exemption_certificate_exempts_and_names_the_certificate():
    decision = decide_tax(us_reseller("CA", certificate("CA")), vendor_country=VENDOR, on=ORDER_DAY)
    assert decision.regime == "us_sales_tax"
    assert decision.rate == Decimal(0)
    assert decision.note is not None and "SR-123-456" in decision.note


@pytest.mark.parametrize("on", [date(2026, 1, 1), date(2026, 12, 31)])
def test_r_on_4_exemption_certificate_covers_both_boundary_days(on):
    assert decide_tax(us_reseller("CA", certificate("CA")), vendor_country=VENDOR, on=on).rate == 0


def test_r_on_4_expired_exemption_certificate_no_longer_exempts():
    decision = decide_tax(us_reseller("CA", certificate("CA")), vendor_country=VENDOR, on=date(2027, 1, 1))
    assert decision == TaxDecision(regime="us_sales_tax", rate=Decimal("0.0725"), note=None)


def test_r_on_4_not_yet_valid_exemption_certificate_does_not_exempt():
    decision = decide_tax(us_reseller("CA", certificate("CA")), vendor_country=VENDOR, on=date(2025, 12, 31))
    assert decision.rate == Decimal("0.0725")


def test_r_on_4_certificate_for_another_state_does_not_exempt():
    decision = decide_tax(us_reseller("TX", certificate("CA")), vendor_country=VENDOR, on=ORDER_DAY)
    assert decision == TaxDecision(regime="us_sales_tax", rate=Decimal("0.0625"), note=None)


def test_r_on_4_state_codes_are_normalised():
    decision = decide_tax(us_reseller("ca", certificate("Ca")), vendor_country=VENDOR, on=ORDER_DAY)
    assert decision.rate == 0 and decision.note is not None


@pytest.mark.parametrize("state", [None, "", "XX", "PR", "California"])
def test_r_on_4_unknown_us_state_is_refused_not_taxed_at_zero(state):
    with pytest.raises(UnknownTaxJurisdiction):
        decide_tax(us_reseller(state), vendor_country=VENDOR, on=ORDER_DAY)


def test_r_on_4_unknown_tax_jurisdiction_is_a_value_error():
    assert issubclass(UnknownTaxJurisdiction, ValueError)


def test_r_on_4_certificate_cannot_end_before_it_starts():
    with pytest.raises(ValueError):
        certificate(valid_from=date(2026, 2, 1), valid_until=date(2026, 1, 31))


def test_r_on_4_certificate_covers_only_its_validity_window():
    cert = certificate(valid_from=date(2026, 3, 1), valid_until=date(2026, 3, 31))
    days = (date(2026, 2, 28), date(2026, 3, 1), date(2026, 3, 31), date(2026, 4, 1))
    assert [cert.covers(d) for d in days] == [False, True, True, False]


# --- rates in force on the order's date (issue 8, item 6) ---------------------------------------------


@pytest.mark.parametrize(
    ("country", "state", "on", "rate"),
    [
        ("EE", None, date(2025, 6, 30), "0.22"),  # Estonia: 22 % until 30 June 2025
        ("EE", None, date(2025, 7, 1), "0.24"),
        ("RO", None, date(2025, 7, 31), "0.19"),  # Romania: 19 % until 31 July 2025
        ("RO", None, date(2025, 8, 1), "0.21"),
        ("SK", None, date(2024, 12, 31), "0.20"),  # Slovakia: 20 % until 31 December 2024
        ("SK", None, date(2025, 1, 1), "0.23"),
        ("FI", None, date(2024, 8, 31), "0.24"),  # Finland: 24 % until 31 August 2024
        ("FI", None, date(2024, 9, 1), "0.255"),
        ("DE", None, date(2024, 1, 1), "0.19"),  # no change: the same rate on every day
        ("US", "DC", date(2025, 9, 30), "0.06"),  # District of Columbia: 6 % until 30 September 2025
        ("US", "DC", date(2025, 10, 1), "0.065"),
        ("US", "LA", date(2024, 12, 31), "0.0445"),  # Louisiana: 4.45 % until 31 December 2024
        ("US", "LA", date(2025, 1, 1), "0.05"),
        ("US", "MN", date(2024, 6, 1), "0.06875"),
    ],
)
def test_r_or_5_the_rate_in_force_on_the_order_date_applies(country, state, on, rate):
    profile = (
        us_reseller(state)
        if country == "US"
        else TaxProfile(country=country, state=None, vat_id=None, vat_id_valid=False, exemption=None)
    )
    assert decide_tax(profile, vendor_country=VENDOR, on=on).rate == Decimal(rate)


def test_r_or_5_every_earlier_rate_ends_before_the_next_one_and_names_a_known_jurisdiction():
    from libs.tax.rates import EU_VAT_CHANGES, US_STATE_SALES_TAX_CHANGES

    for current, changes in [
        (EU_VAT_STANDARD_RATES, EU_VAT_CHANGES),
        (US_STATE_SALES_TAX_RATES, US_STATE_SALES_TAX_CHANGES),
    ]:
        for code, earlier in changes.items():
            assert code in current
            untils = [e.until for e in earlier]
            assert untils == sorted(untils) and len(set(untils)) == len(untils)
            assert all(e.rate != current[code] for e in earlier[-1:])
