"""Validators for what resellers and customers tell us about themselves (R-ON-4/5, R-CU-1/2).

Each `check_*` function returns the value in its canonical form or raises `ValidationFailed`
naming the offending field, so the API layer can render one 422 problem per bad field
without knowing how the check was made. Every check works offline: reference data comes from
the installed packages (Babel/CLDR, python-stdnum, tldextract's bundled Public Suffix List
snapshot, langcodes, tzdata), never from the network.
"""

from __future__ import annotations

import ipaddress
import re
import zoneinfo
from functools import lru_cache

import babel
import idna
import langcodes
import tldextract
from email_validator import EmailNotValidError, ValidatedEmail, validate_email
from stdnum import exceptions as stdnum_errors
from stdnum.eu import vat as eu_vat


class ValidationFailed(ValueError):
    """A value the caller sent is not acceptable; `field` says which one, `message` why."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


# --- countries and states -----------------------------------------------------------------

# CLDR's territory list also carries codes that are not ISO 3166-1 country codes. ISO reserves
# AA, QM-QZ, XA-XZ and ZZ for private use (CLDR uses XA/XB for pseudo-locales, XK for Kosovo,
# QO and ZZ for "unknown"), and "exceptionally reserves" a handful of codes for other bodies
# (EU, UN, EZ, ...). None of these identifies a country a reseller can be established in.
_EXCEPTIONALLY_RESERVED = frozenset(
    {"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "FX", "IC", "SU", "TA", "UK", "UN"}
)


def _is_user_assigned(code: str) -> bool:
    return code == "AA" or code == "ZZ" or code[0] == "X" or (code[0] == "Q" and code[1] >= "M")


@lru_cache(maxsize=1)
def iso_country_codes() -> frozenset[str]:
    """The officially assigned ISO 3166-1 alpha-2 codes (249), from Babel's CLDR data."""
    territories = babel.Locale("en").territories
    return frozenset(
        code
        for code in territories
        # numeric keys are UN M.49 regions ("150" = Europe), not countries
        if isinstance(code, str)
        and len(code) == 2
        and code.isascii()
        and code.isalpha()
        and code.isupper()
        and code not in _EXCEPTIONALLY_RESERVED
        and not _is_user_assigned(code)
    )


def country_name(code: str) -> str:
    """English short name of a country code, for messages ("NL" -> "Netherlands")."""
    return babel.Locale("en").territories.get(code, code)


def check_country(code: object, *, field: str = "country") -> str:
    """An ISO 3166-1 alpha-2 country code, exactly as ISO writes it (upper case)."""
    if not isinstance(code, str) or not code:
        raise ValidationFailed(field, "a two-letter ISO 3166-1 country code is required")
    if code not in iso_country_codes():
        hint = f"; did you mean {code.upper()!r}?" if code.upper() in iso_country_codes() else ""
        raise ValidationFailed(field, f"{code!r} is not an ISO 3166-1 alpha-2 country code{hint}")
    return code


# USPS codes of the 50 states and the District of Columbia. Territories (PR, GU, VI, ...) and
# military codes (AA, AE, AP) are left out on purpose: the sales-tax rule (R-ON-4) is about
# state sales tax, which they do not levy.
US_STATES = frozenset(
    """
    AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH
    NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY
    """.split()
)


def check_us_state(state: object, *, field: str = "state") -> str:
    """A USPS code of one of the 50 states or DC, upper case (like the country code)."""
    if not isinstance(state, str) or not state:
        raise ValidationFailed(field, "a two-letter US state code is required")
    if state not in US_STATES:
        hint = f"; did you mean {state.upper()!r}?" if state.upper() in US_STATES else ""
        raise ValidationFailed(field, f"{state!r} is not a USPS code of a US state or DC{hint}")
    return state


def check_state_for_country(country: str, state: str | None, *, field: str = "state") -> str | None:
    """The reseller's state: required for US resellers, absent for everyone else.

    The state only exists to pick the US sales-tax rate (R-ON-4). Accepting it for other
    countries would store a value no rule reads, and an API client could take it for something
    that matters, so it is refused. Blank strings count as absent, because forms send them.
    """
    blank = state is None or (isinstance(state, str) and not state.strip())
    if country == "US":
        if blank:
            raise ValidationFailed(field, "US resellers must give their state (it sets the sales tax)")
        return check_us_state(state, field=field)
    if not blank:
        raise ValidationFailed(field, f"a state is only recorded for US resellers, not for {country}")
    return None


# --- EU VAT ids (R-ON-5) -------------------------------------------------------------------

# Membership is a political fact, not reference data a package ships; it changes rarely enough
# that a reviewed constant is the honest source. (stdnum's VAT list also holds XI, Northern
# Ireland, which is not a member state.)
EU_MEMBER_STATES = frozenset(
    "AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK".split()
)


def is_eu_member(country: str) -> bool:
    return country in EU_MEMBER_STATES


def vat_prefix_for(country: str) -> str:
    """The VAT id prefix of a member state: its ISO code, except Greece, which uses "EL"."""
    return "EL" if country == "GR" else country


# Every prefix a VAT id in the EU VAT system can carry, with the country it belongs to; used to
# tell "VAT id of another country" apart from "national number typed without its prefix".
_VAT_PREFIX_REGION = {vat_prefix_for(c): country_name(c) for c in EU_MEMBER_STATES} | {
    "GR": country_name("GR"),
    "XI": "Northern Ireland",
}


# Letters and digits; old Irish numbers also use "+" and "*".
_VAT_CHARACTERS = re.compile(r"[A-Z0-9+*]+")


def normalise_vat_id(country: str, vat_id: object, *, field: str = "vat_id") -> str:
    """A reseller's EU VAT id, checked for format and check digits, compact and prefixed.

    "nl 0044.95445.b01" for NL gives "NL004495445B01". A national number without its prefix is
    accepted and prefixed. The prefix must be the reseller's own country: reverse charge
    (R-OR-5) depends on the country the reseller is established in. Only the number's own
    structure is checked here; whether the tax office has issued it (VIES) needs the network
    and belongs outside the domain.
    """
    if not is_eu_member(country):
        raise ValidationFailed(field, f"a VAT id is only recorded for resellers in the EU, not for {country}")
    if not isinstance(vat_id, str) or not vat_id.strip():
        raise ValidationFailed(field, "the VAT id is empty")
    expected = vat_prefix_for(country)
    # The separators people type and stdnum ignores; upper case, because "nl" is still NL.
    number = re.sub(r"[\s\-./,]", "", vat_id).upper()
    if not number.isascii() or not _VAT_CHARACTERS.fullmatch(number):
        raise ValidationFailed(field, f"{vat_id!r} is not a VAT id: it may only hold letters and digits")
    if country == "GR" and number.startswith("GR"):
        number = "EL" + number[2:]  # a common slip: Greek VAT ids use EL, not the ISO code
    if not number.startswith(expected):
        other = _VAT_PREFIX_REGION.get(number[:2])
        if other is not None:
            raise ValidationFailed(
                field,
                f"{number} is a VAT id of {other}, but the reseller is in "
                f"{country_name(country)}; its VAT id must start with {expected}",
            )
        number = expected + number
    try:
        return eu_vat.validate(number)
    except stdnum_errors.InvalidChecksum:
        raise ValidationFailed(
            field, f"{number} is not a valid VAT id: its check digits do not match (probably a typing error)"
        ) from None
    except stdnum_errors.InvalidLength:
        raise ValidationFailed(
            field, f"{number} has the wrong length for a VAT id of {country_name(country)}"
        ) from None
    except stdnum_errors.ValidationError:
        raise ValidationFailed(
            field, f"{number} is not in the format of a VAT id of {country_name(country)}"
        ) from None


# --- domains (R-CU-1) ----------------------------------------------------------------------

_LDH_LABEL = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")
_MAX_DOMAIN_LENGTH = 253  # RFC 1035's 255 octets on the wire, written without the root dot


@lru_cache(maxsize=1)
def _public_suffixes() -> tldextract.TLDExtract:
    # No suffix-list URLs and no cache directory: tldextract then uses the Public Suffix List
    # snapshot bundled with the package, so validation never touches the network or the disk's
    # cache and gives the same answer on every machine with the same package version.
    # Private suffixes (github.io, blogspot.com, ...) are left out, as "registered domain" means
    # registered under an ICANN suffix: "github.io" is GitHub's registered domain and
    # "acme.github.io" a subdomain of it. Whether a customer controls a name is for domain
    # verification to prove, not for this syntax check.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, include_psl_private_domains=False)


def _is_ip_address(text: str) -> bool:
    try:
        ipaddress.ip_address(text.strip("[]"))
    except ValueError:
        return False
    return True


def check_domain(domain: object, *, field: str = "domain") -> str:
    """A registered domain or a subdomain of one, in lower-case ASCII (A-label) form.

    Internationalised names are accepted and returned as IDNA A-labels ("münchen.de" gives
    "xn--mnchen-3ya.de"): that is the form DNS, domain verification and e-mail comparison use,
    so two spellings of one domain never become two customers. A trailing root dot is dropped.
    """
    if not isinstance(domain, str) or not domain.strip():
        raise ValidationFailed(field, "a domain name is required")
    text = domain.strip()
    if _is_ip_address(text):
        raise ValidationFailed(field, "an IP address is not a domain name")
    if any(sep in text for sep in ("/", "@", ":")):
        raise ValidationFailed(
            field, "give only the domain name, like example.com (no scheme, port, path or e-mail)"
        )
    if text.endswith(".") and not text.endswith(".."):
        text = text[:-1]
    try:
        ascii_name = idna.encode(text, uts46=True).decode("ascii").lower()
    except idna.IDNAError as exc:
        raise ValidationFailed(field, f"{domain!r} is not a valid domain name ({exc})") from None
    if len(ascii_name) > _MAX_DOMAIN_LENGTH:
        raise ValidationFailed(field, f"a domain name has at most {_MAX_DOMAIN_LENGTH} characters")
    # IDNA already enforces these; re-checking the ASCII result keeps the guarantee independent
    # of the idna package's options (e.g. std3 rules).
    if not all(_LDH_LABEL.match(label) for label in ascii_name.split(".")):
        raise ValidationFailed(field, f"{domain!r} is not a valid domain name")
    parts = _public_suffixes()(ascii_name)
    if not parts.suffix:
        raise ValidationFailed(field, f"{domain!r} does not end in a public top-level domain")
    if not parts.domain:
        raise ValidationFailed(field, f"{domain!r} is a public suffix; give the domain registered under it")
    return ascii_name


def registered_domain(domain: str) -> str:
    """The registrable part of a checked domain: "mail.example.co.uk" -> "example.co.uk"."""
    parts = _public_suffixes()(domain)
    return f"{parts.domain}.{parts.suffix}" if parts.domain and parts.suffix else domain


# --- language and time zone (R-CU-2) -------------------------------------------------------

# Valid BCP 47, but none names a language to talk to a customer in: undetermined, multiple,
# no linguistic content, uncoded.
_NOT_A_LANGUAGE = frozenset({"und", "mul", "zxx", "mis"})


def _is_private_use_language(language: str) -> bool:
    return language.startswith("x-") or (len(language) == 3 and "qaa" <= language <= "qtz")


def check_language(tag: object, *, field: str = "language") -> str:
    """A BCP 47 language tag in its standard form ("EN_us" -> "en-US", "iw" -> "he")."""
    if not isinstance(tag, str) or not tag.strip():
        raise ValidationFailed(field, "a language tag (like en or nl-BE) is required")
    if not langcodes.tag_is_valid(tag):
        raise ValidationFailed(field, f"{tag!r} is not a valid BCP 47 language tag (like en or nl-BE)")
    standard = langcodes.standardize_tag(tag)
    language = langcodes.Language.get(standard).language
    if language is None or language in _NOT_A_LANGUAGE or _is_private_use_language(language):
        raise ValidationFailed(field, f"{tag!r} does not name a language")
    return standard


# Entries available_timezones() may report from the host's zoneinfo directory that are not
# zones one can choose: the host's own setting, the "Factory" placeholder, build leftovers.
_NOT_A_ZONE = frozenset({"localtime", "Factory", "posixrules"})


@lru_cache(maxsize=1)
def _time_zones() -> dict[str, str]:
    """Lower-cased name -> IANA spelling, so "europe/amsterdam" is understood."""
    names = (
        name
        for name in zoneinfo.available_timezones()
        if name not in _NOT_A_ZONE and not name.startswith(("posix/", "right/"))
    )
    return {name.lower(): name for name in names}


def check_time_zone(name: object, *, field: str = "time_zone") -> str:
    """An IANA time zone name, in IANA's spelling ("Europe/Amsterdam")."""
    if not isinstance(name, str) or not name.strip():
        raise ValidationFailed(field, "an IANA time zone name (like Europe/Amsterdam) is required")
    canonical = _time_zones().get(name.strip().lower())
    if canonical is None:
        raise ValidationFailed(field, f"{name!r} is not an IANA time zone name (like Europe/Amsterdam)")
    return canonical


# --- e-mail (R-CU-2) -------------------------------------------------------------------------


def _validated_email(addr: object, field: str) -> ValidatedEmail:
    if not isinstance(addr, str) or not addr.strip():
        raise ValidationFailed(field, "an e-mail address is required")
    try:
        # Syntax only: a DNS lookup is I/O and a temporarily broken mail server is no reason
        # to refuse a customer record.
        return validate_email(addr.strip(), check_deliverability=False)
    except EmailNotValidError as exc:
        raise ValidationFailed(field, f"{addr!r} is not a valid e-mail address: {exc}") from None


def check_email(addr: object, *, field: str = "email") -> str:
    """An e-mail address in email-validator's normalised form (domain lower case, NFC)."""
    return _validated_email(addr, field).normalized


def check_alternate_email_outside_domain(
    alternate_email: object, domain: object, *, field: str = "alternate_email"
) -> str:
    """The normalised alternate e-mail, refused when it lies within the customer's domain.

    The alternate address is how the customer is reached when its own domain's mail is not
    working (R-CU-2: "not using the customer's primary domain"). Anything under the same
    registered domain shares that fate -- the registration, the DNS, usually the mail servers --
    so the comparison is on the registered domain: for the customer "eu.acme.com" both
    "x@acme.com" and "x@mail.eu.acme.com" are refused.
    """
    email = _validated_email(alternate_email, field)
    customer = registered_domain(check_domain(domain, field="domain"))
    if registered_domain(email.ascii_domain.lower()) == customer:
        raise ValidationFailed(
            field, f"the alternate e-mail must be outside the customer's domain {customer}"
        )
    return email.normalized
