"""Validators of the onboarding domain (R-ON-4, R-ON-5, R-CU-1, R-CU-2)."""

from __future__ import annotations

import importlib.resources
import socket
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum.eu import vat as eu_vat

from services.onboarding.domain import validation
from services.onboarding.domain.validation import (
    EU_MEMBER_STATES,
    US_STATES,
    ValidationFailed,
    check_alternate_email_outside_domain,
    check_country,
    check_domain,
    check_email,
    check_language,
    check_state_for_country,
    check_time_zone,
    check_us_state,
    is_eu_member,
    iso_country_codes,
    normalise_vat_id,
    registered_domain,
    vat_prefix_for,
)

# --- countries ------------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["NL", "US", "DE", "GR", "GB", "BE", "JP", "AQ", "SS", "CW", "AX"])
def test_iso_country_codes_are_accepted(code: str) -> None:
    assert check_country(code) == code


@pytest.mark.parametrize(
    "code",
    [
        "XX",
        "ZZ",
        "AA",
        "QO",
        "QM",
        "XK",
        "XA",
        "XB",  # user-assigned / private use
        "EU",
        "UN",
        "EZ",
        "UK",
        "AC",
        "TA",
        "IC",
        "EA",  # reserved, not countries
        "150",
        "001",
        "419",  # UN M.49 regions
        "nl",
        "Nl",
        "us",  # lower case: ISO codes are upper case
        "NLD",
        "N",
        "",
        " NL",
        "NL ",
    ],
)
def test_non_country_codes_are_refused(code: str) -> None:
    with pytest.raises(ValidationFailed) as refused:
        check_country(code)
    assert refused.value.field == "country"


def test_lower_case_country_gets_a_hint() -> None:
    with pytest.raises(ValidationFailed, match="'NL'"):
        check_country("nl")


@pytest.mark.parametrize("value", [None, 31, ["NL"]])
def test_country_must_be_text(value: object) -> None:
    with pytest.raises(ValidationFailed):
        check_country(value)


def test_country_list_matches_the_iso_3166_table_shipped_with_tzdata() -> None:
    # Two independent sources (CLDR via Babel, the tz project's iso3166.tab) must agree.
    table = importlib.resources.files("tzdata").joinpath("zoneinfo/iso3166.tab").read_text("utf-8")
    tz_codes = {line.split("\t")[0] for line in table.splitlines() if line and not line.startswith("#")}
    assert iso_country_codes() == tz_codes
    assert len(iso_country_codes()) == 249


def test_field_name_can_be_chosen_by_the_caller() -> None:
    with pytest.raises(ValidationFailed) as refused:
        check_country("XX", field="contacts.address.country")
    assert refused.value.field == "contacts.address.country"
    assert "contacts.address.country" in str(refused.value)
    assert isinstance(refused.value, ValueError)


# --- US states (R-ON-4) ----------------------------------------------------------------------


def test_r_on_4_there_are_fifty_states_and_dc() -> None:
    assert len(US_STATES) == 51
    assert "DC" in US_STATES


@pytest.mark.parametrize("state", ["CA", "NY", "TX", "DC", "WA", "HI", "AK", "WY"])
def test_r_on_4_us_state_codes_are_accepted(state: str) -> None:
    assert check_us_state(state) == state


@pytest.mark.parametrize("state", ["ca", "PR", "GU", "VI", "AA", "AE", "XX", "CAL", "California", "", " CA"])
def test_r_on_4_non_state_codes_are_refused(state: str) -> None:
    with pytest.raises(ValidationFailed) as refused:
        check_us_state(state)
    assert refused.value.field == "state"


@pytest.mark.parametrize("state", [None, "", "  "])
def test_r_on_4_us_reseller_must_give_its_state(state: str | None) -> None:
    with pytest.raises(ValidationFailed, match="sales tax"):
        check_state_for_country("US", state)


def test_r_on_4_us_reseller_state_is_checked() -> None:
    assert check_state_for_country("US", "NY") == "NY"
    with pytest.raises(ValidationFailed):
        check_state_for_country("US", "ON")


@pytest.mark.parametrize("country", ["NL", "CA", "DE", "GB", "AU"])
def test_r_on_4_other_countries_have_no_state(country: str) -> None:
    assert check_state_for_country(country, None) is None
    assert check_state_for_country(country, "") is None
    with pytest.raises(ValidationFailed, match="only recorded for US"):
        check_state_for_country(country, "CA")


# --- EU VAT ids (R-ON-5) ---------------------------------------------------------------------

# Real VAT ids from python-stdnum's own documentation and test data.
VALID_VAT_IDS = [
    ("NL", "NL004495445B01"),
    ("DE", "DE136695976"),
    ("BE", "BE0776091951"),
    ("GR", "EL094259216"),
    ("FR", "FR40303265045"),
    ("AT", "ATU13585627"),
    ("IT", "IT00743110157"),
    ("ES", "ESB58378431"),
    ("PL", "PL8567346215"),
    ("IE", "IE6388047V"),
    ("SE", "SE556188840401"),
    ("DK", "DK13585628"),
    ("FI", "FI20774740"),
    ("PT", "PT501964843"),
    ("CZ", "CZ25123891"),
    ("LU", "LU15027442"),
]

# The same ids with one digit changed, so only the check digits are wrong.
BAD_CHECKSUM_VAT_IDS = [
    ("NL", "NL004495446B01"),
    ("DE", "DE136695977"),
    ("BE", "BE0776091952"),
    ("GR", "EL094259217"),
    ("FR", "FR40303265046"),
    ("AT", "ATU13585628"),
    ("IT", "IT00743110158"),
    ("ES", "ESB58378432"),
    ("PL", "PL8567346216"),
    ("DK", "DK13585629"),
    ("FI", "FI20774741"),
    ("PT", "PT501964844"),
]


@pytest.mark.parametrize(("country", "vat_id"), VALID_VAT_IDS)
def test_r_on_5_fixture_vat_ids_are_valid_for_stdnum(country: str, vat_id: str) -> None:
    assert eu_vat.validate(vat_id) == vat_id


@pytest.mark.parametrize(("country", "vat_id"), VALID_VAT_IDS)
def test_r_on_5_valid_vat_id_is_accepted(country: str, vat_id: str) -> None:
    assert normalise_vat_id(country, vat_id) == vat_id


@pytest.mark.parametrize(("country", "vat_id"), BAD_CHECKSUM_VAT_IDS)
def test_r_on_5_vat_id_with_bad_checksum_is_refused(country: str, vat_id: str) -> None:
    with pytest.raises(ValidationFailed, match="check digits") as refused:
        normalise_vat_id(country, vat_id)
    assert refused.value.field == "vat_id"


@pytest.mark.parametrize("position", range(2, 11))
def test_r_on_5_every_single_digit_typo_in_a_german_vat_id_is_refused(position: int) -> None:
    # ISO 7064 MOD 11,10 catches every single substitution.
    valid = "DE136695976"
    for digit in "0123456789":
        if digit == valid[position]:
            continue
        typo = valid[:position] + digit + valid[position + 1 :]
        with pytest.raises(ValidationFailed):
            normalise_vat_id("DE", typo)


@pytest.mark.parametrize(
    ("country", "typed", "compact"),
    [
        ("NL", "nl 0044.95445.b01", "NL004495445B01"),
        ("NL", " NL-004495445-B01 ", "NL004495445B01"),
        ("DE", "DE 136 695 976", "DE136695976"),
        ("BE", "be 0776.091.951", "BE0776091951"),
        ("FR", "FR 40 303 265 045", "FR40303265045"),
        ("AT", "atu 135 856 27", "ATU13585627"),
    ],
)
def test_r_on_5_vat_id_is_returned_compact(country: str, typed: str, compact: str) -> None:
    assert normalise_vat_id(country, typed) == compact


@pytest.mark.parametrize(
    ("country", "national", "prefixed"),
    [
        ("NL", "004495445B01", "NL004495445B01"),
        ("DE", "136695976", "DE136695976"),
        ("AT", "U13585627", "ATU13585627"),
        ("ES", "B58378431", "ESB58378431"),
        ("IE", "6388047V", "IE6388047V"),
        ("GR", "094259216", "EL094259216"),
    ],
)
def test_r_on_5_vat_id_without_prefix_gets_the_country_prefix(
    country: str, national: str, prefixed: str
) -> None:
    assert normalise_vat_id(country, national) == prefixed


def test_r_on_5_greek_vat_id_uses_el_prefix() -> None:
    assert vat_prefix_for("GR") == "EL"
    assert normalise_vat_id("GR", "EL094259216") == "EL094259216"
    assert normalise_vat_id("GR", "GR094259216") == "EL094259216"


@pytest.mark.parametrize(
    ("country", "vat_id"),
    [
        ("NL", "DE136695976"),
        ("DE", "NL004495445B01"),
        ("BE", "EL094259216"),
        ("GR", "BE0776091951"),
        ("FR", "ATU13585627"),
        ("NL", "XI123456789"),
    ],
)
def test_r_on_5_vat_id_of_another_country_is_refused(country: str, vat_id: str) -> None:
    with pytest.raises(ValidationFailed, match="must start with") as refused:
        normalise_vat_id(country, vat_id)
    assert refused.value.field == "vat_id"


@pytest.mark.parametrize("country", ["US", "GB", "CH", "NO", "XI"])
def test_r_on_5_vat_id_is_only_for_eu_resellers(country: str) -> None:
    with pytest.raises(ValidationFailed, match="only recorded for resellers in the EU"):
        normalise_vat_id(country, "DE136695976")


@pytest.mark.parametrize(
    ("vat_id", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("DE12", "wrong length"),
        ("DE1366959760000", "wrong length"),
        ("NL004495445X01", "format"),
        ("NL∞", "letters and digits"),
        ("DE136_695_976", "letters and digits"),
    ],
)
def test_r_on_5_malformed_vat_id_is_refused(vat_id: str, reason: str) -> None:
    country = "NL" if vat_id.startswith("NL") else "DE"
    with pytest.raises(ValidationFailed, match=reason):
        normalise_vat_id(country, vat_id)


def test_r_on_5_vat_id_must_be_text() -> None:
    with pytest.raises(ValidationFailed):
        normalise_vat_id("DE", 136695976)


def test_r_on_5_there_are_27_member_states() -> None:
    assert len(EU_MEMBER_STATES) == 27
    # stdnum's VAT list is the member states (Greece as "gr") plus XI, Northern Ireland.
    assert {c.upper() for c in eu_vat.MEMBER_STATES} - {"XI"} == EU_MEMBER_STATES
    assert EU_MEMBER_STATES <= iso_country_codes()


@pytest.mark.parametrize(
    ("country", "member"),
    [
        ("NL", True),
        ("DE", True),
        ("GR", True),
        ("HR", True),
        ("EL", False),
        ("GB", False),
        ("CH", False),
        ("NO", False),
        ("US", False),
        ("XI", False),
        ("nl", False),
        ("EU", False),
    ],
)
def test_r_on_5_is_eu_member(country: str, member: bool) -> None:
    assert is_eu_member(country) is member


# --- domains (R-CU-1) ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "checked"),
    [
        ("example.com", "example.com"),
        ("Example.COM", "example.com"),
        ("  example.com  ", "example.com"),
        ("example.com.", "example.com"),
        ("www.example.co.uk", "www.example.co.uk"),
        ("example.co.uk", "example.co.uk"),
        ("mail.eu.acme.nl", "mail.eu.acme.nl"),
        ("my-company.de", "my-company.de"),
        ("123.com", "123.com"),
        ("münchen.de", "xn--mnchen-3ya.de"),
        ("MÜNCHEN.DE", "xn--mnchen-3ya.de"),
        ("xn--mnchen-3ya.de", "xn--mnchen-3ya.de"),
        ("пример.рф", "xn--e1afmkfd.xn--p1ai"),
        ("www.ck", "www.ck"),  # exception rule under the *.ck wildcard
        ("example.museum", "example.museum"),
    ],
)
def test_r_cu_1_registered_domains_are_accepted(typed: str, checked: str) -> None:
    assert check_domain(typed) == checked


@pytest.mark.parametrize(
    "domain",
    [
        "localhost",
        "foo",
        "intranet",
        "example.local",
        "corp.internal",
        "example.test",  # no public suffix
        "com",
        "co.uk",
        "uk",
        "foo.ck",
        "xn--p1ai",  # a public suffix itself
        "1.2.3.4",
        "10.0.0.1",
        "::1",
        "[2001:db8::1]",
        "2001:db8::1",  # IP addresses
        "example..com",
        ".example.com",
        "example.com..",  # empty labels
        "-example.com",
        "example-.com",
        "ab--cd.com",  # hyphen rules
        "ex_ample.com",
        "exa mple.com",
        "exam!ple.com",
        "☃.com",  # characters
        "http://example.com",
        "example.com/path",
        "example.com:443",
        "jane@example.com",
        "a" * 64 + ".com",  # label too long
        ".".join(["a" * 63] * 4) + ".com",  # name too long
        "",
        "   ",
    ],
)
def test_r_cu_1_non_registered_domains_are_refused(domain: str) -> None:
    with pytest.raises(ValidationFailed) as refused:
        check_domain(domain)
    assert refused.value.field == "domain"


def test_r_cu_1_domain_check_never_uses_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    attempts: list[object] = []

    def no_network(*args: object, **kwargs: object) -> None:
        attempts.append(args)  # recorded, since tldextract may swallow a raised error
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    # Even when the environment asks tldextract to fetch the live list, the check must not.
    monkeypatch.setenv(
        "TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "https://publicsuffix.org/list/public_suffix_list.dat"
    )
    validation._public_suffixes.cache_clear()  # rebuild the suffix list under the guard
    try:
        assert check_domain("www.example.co.uk") == "www.example.co.uk"
        with pytest.raises(ValidationFailed):
            check_domain("co.uk")
    finally:
        validation._public_suffixes.cache_clear()
    assert attempts == []


@pytest.mark.parametrize("value", [None, 42, b"example.com"])
def test_r_cu_1_domain_must_be_text(value: object) -> None:
    with pytest.raises(ValidationFailed):
        check_domain(value)


@pytest.mark.parametrize(
    ("domain", "message"),
    [
        ("co.uk", "public suffix"),
        ("localhost", "public top-level domain"),
        ("1.2.3.4", "IP address"),
        ("https://example.com", "only the domain name"),
    ],
)
def test_r_cu_1_domain_refusals_say_why(domain: str, message: str) -> None:
    with pytest.raises(ValidationFailed, match=message):
        check_domain(domain)


@pytest.mark.parametrize(
    ("domain", "registered"),
    [
        ("example.com", "example.com"),
        ("a.b.example.com", "example.com"),
        ("www.example.co.uk", "example.co.uk"),
        ("xn--mnchen-3ya.de", "xn--mnchen-3ya.de"),
    ],
)
def test_r_cu_1_registered_domain_of_a_subdomain(domain: str, registered: str) -> None:
    assert registered_domain(domain) == registered


# --- language and time zone (R-CU-2) -------------------------------------------------------


@pytest.mark.parametrize(
    ("tag", "standard"),
    [
        ("en", "en"),
        ("EN", "en"),
        ("en-US", "en-US"),
        ("en-us", "en-US"),
        ("en_US", "en-US"),
        ("nl-BE", "nl-BE"),
        ("pt-BR", "pt-BR"),
        ("zh-hant-tw", "zh-Hant-TW"),
        ("de-CH-1996", "de-CH-1996"),
        ("es-419", "es-419"),
        ("iw", "he"),
        ("eng", "en"),
    ],
)
def test_r_cu_2_language_tags_are_standardised(tag: str, standard: str) -> None:
    assert check_language(tag) == standard


@pytest.mark.parametrize(
    "tag",
    [
        "english",
        "jp",
        "xx",
        "en--US",
        "en-",
        "123",
        "C.UTF-8",
        "",
        "  ",
        "und",
        "mul",
        "zxx",
        "mis",
        "x-klingon",
        "qaa",
    ],
)
def test_r_cu_2_invalid_language_tags_are_refused(tag: str) -> None:
    with pytest.raises(ValidationFailed) as refused:
        check_language(tag)
    assert refused.value.field == "language"


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("Europe/Amsterdam", "Europe/Amsterdam"),
        ("America/New_York", "America/New_York"),
        ("America/Argentina/Buenos_Aires", "America/Argentina/Buenos_Aires"),
        ("Asia/Kolkata", "Asia/Kolkata"),
        ("UTC", "UTC"),
        ("europe/amsterdam", "Europe/Amsterdam"),
        (" Europe/Brussels ", "Europe/Brussels"),
    ],
)
def test_r_cu_2_iana_time_zones_are_accepted(name: str, canonical: str) -> None:
    assert check_time_zone(name) == canonical


@pytest.mark.parametrize(
    "name",
    [
        "Europe/Atlantis",
        "CEST",
        "GMT+2",
        "+02:00",
        "Amsterdam",
        "localtime",
        "Factory",
        "",
        "Europe/",
        "../etc/passwd",
    ],
)
def test_r_cu_2_unknown_time_zones_are_refused(name: str) -> None:
    with pytest.raises(ValidationFailed) as refused:
        check_time_zone(name)
    assert refused.value.field == "time_zone"


# --- e-mail (R-CU-2) -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("addr", "normalised"),
    [
        ("jane@example.com", "jane@example.com"),
        ("Jane.Doe@Example.COM", "Jane.Doe@example.com"),
        ("  jane@example.com ", "jane@example.com"),
        ("jane+crm@sub.example.co.uk", "jane+crm@sub.example.co.uk"),
        ("jane@MÜNCHEN.de", "jane@münchen.de"),
    ],
)
def test_r_cu_2_email_is_normalised(addr: str, normalised: str) -> None:
    assert check_email(addr) == normalised


@pytest.mark.parametrize(
    "addr",
    [
        "jane",
        "jane@",
        "@example.com",
        "jane@@example.com",
        "jane@localhost",
        "jane@example",
        "jane@example.test",
        "Jane <jane@example.com>",
        "jane doe@example.com",
        "",
        None,
    ],
)
def test_r_cu_2_invalid_email_is_refused(addr: str | None) -> None:
    with pytest.raises(ValidationFailed) as refused:
        check_email(addr, field="primary_email")
    assert refused.value.field == "primary_email"


@pytest.mark.parametrize(
    ("alternate", "domain"),
    [
        ("it@gmail.com", "acme.com"),
        ("admin@acme-backup.com", "acme.com"),
        ("admin@acme.co.uk", "acme.com"),  # same name, other registered domain
        ("admin@acme.com", "acme.nl"),
        ("admin@notacme.com", "acme.com"),
    ],
)
def test_r_cu_2_alternate_email_outside_the_customer_domain_is_accepted(alternate: str, domain: str) -> None:
    assert check_alternate_email_outside_domain(alternate, domain) == check_email(alternate)


@pytest.mark.parametrize(
    ("alternate", "domain"),
    [
        ("admin@acme.com", "acme.com"),
        ("Admin@ACME.com", "acme.com"),
        ("admin@mail.acme.com", "acme.com"),
        ("admin@acme.com", "eu.acme.com"),  # same registered domain, same fate
        ("admin@acme.co.uk", "www.acme.co.uk"),
        ("admin@münchen.de", "xn--mnchen-3ya.de"),
        ("admin@xn--mnchen-3ya.de", "MÜNCHEN.de"),
    ],
)
def test_r_cu_2_alternate_email_inside_the_customer_domain_is_refused(alternate: str, domain: str) -> None:
    with pytest.raises(ValidationFailed, match="outside the customer's domain") as refused:
        check_alternate_email_outside_domain(alternate, domain)
    assert refused.value.field == "alternate_email"


def test_r_cu_2_alternate_email_check_validates_both_inputs() -> None:
    with pytest.raises(ValidationFailed) as bad_email:
        check_alternate_email_outside_domain("not-an-email", "acme.com")
    assert bad_email.value.field == "alternate_email"
    with pytest.raises(ValidationFailed) as bad_domain:
        check_alternate_email_outside_domain("it@gmail.com", "co.uk")
    assert bad_domain.value.field == "domain"


# --- robustness: bad input is a ValidationFailed (a 422), never a crash (a 500) ---------------


@pytest.mark.parametrize(
    "check",
    [
        check_country,
        check_us_state,
        check_domain,
        check_language,
        check_time_zone,
        check_email,
        lambda text: normalise_vat_id("NL", text),
        lambda text: normalise_vat_id("GR", text),
        lambda text: check_alternate_email_outside_domain(text, "acme.com"),
        lambda text: check_alternate_email_outside_domain("it@gmail.com", text),
    ],
)
@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=80) | st.from_regex(r"[a-zA-Z0-9.\-@_ ]{0,40}", fullmatch=True))
def test_any_text_is_either_accepted_or_refused_cleanly(check: Callable[[str], str], text: str) -> None:
    try:
        result = check(text)
    except ValidationFailed:
        return
    assert isinstance(result, str)
