"""A WaaS contract's rules (R-WA-2…7)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from stdnum.eu import vat as eu_vat
from stdnum.exceptions import ValidationError

from libs.events.leasing import ContractStatus

TERMS = (12, 24, 36)  # R-WA-2
MAX_TOTAL_MONTHS = 36  # R-WA-7: extensions never take a contract past 36 months

S = ContractStatus


class HardwareRequestStatus(StrEnum):
    """R-WA-10: a partner's request for hardware outside the catalog, and staff's decision on it."""

    PENDING = "pending"
    ACCEPTED = "accepted"
    DECLINED = "declined"


class ExtensionStatus(StrEnum):
    """R-WA-7: proposed by the partner, accepted by the end customer."""

    PROPOSED = "proposed"
    ACCEPTED = "accepted"


# R-WA-3: who may move a contract from which state to which
MOVES: dict[ContractStatus, set[ContractStatus]] = {
    S.DRAFT: {S.CREDIT_CHECK_PENDING},
    S.CREDIT_CHECK_PENDING: {S.CREDIT_APPROVED, S.CREDIT_REJECTED},
    S.CREDIT_APPROVED: {S.AWAITING_SIGNATURES, S.ACTIVE},
    S.AWAITING_SIGNATURES: {S.ACTIVE},
    S.ACTIVE: {S.ENDED, S.TERMINATED},
    S.ENDED: {S.RETURNED},
    S.TERMINATED: {S.RETURNED},
    S.CREDIT_REJECTED: set(),
    S.RETURNED: set(),
}


class ContractRuleBroken(ValueError):
    """A move or a figure the rules do not allow; the message names the rule and the limit."""


def move(current: str, target: str) -> ContractStatus:
    if target not in MOVES.get(ContractStatus(current), set()):
        raise ContractRuleBroken(f"a {current} contract cannot become {target}")
    return ContractStatus(target)


@dataclass(frozen=True)
class PriceLine:
    monthly_price: Decimal
    commission: Decimal


def monthly_total(bundle: PriceLine, options: list[PriceLine], quantity: int) -> Decimal:
    """What the end customer pays a month: (bundle + options) per unit, times the units."""
    return (bundle.monthly_price + sum((o.monthly_price for o in options), Decimal(0))) * quantity


def commission(bundle: PriceLine, options: list[PriceLine], quantity: int) -> Decimal:
    """R-WA-4: a fixed amount per contract from the price list — the bundle's per unit, plus each
    upgrade's or option's own (which is why upgrades earn more), times the units."""
    return (bundle.commission + sum((o.commission for o in options), Decimal(0))) * quantity


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def end_date(start: date, months: int) -> date:
    """The last day of a term of `months` starting on `start`."""
    return add_months(start, months) - timedelta(days=1)


def extension_limit(warranty_years: int, max_warranty_extension_years: int) -> tuple[int, str]:
    """R-WA-7: the most months a contract may run, and which limit that is."""
    warranty_months = (warranty_years + max_warranty_extension_years) * 12
    if warranty_months < MAX_TOTAL_MONTHS:
        return warranty_months, f"the manufacturer's maximum warranty ({warranty_months} months)"
    return MAX_TOTAL_MONTHS, f"{MAX_TOTAL_MONTHS} months in total"


def check_extension(current_months: int, extra: int, warranty_years: int, max_extension_years: int) -> int:
    if extra < 1:
        raise ContractRuleBroken("extend by at least one whole month")
    limit, what = extension_limit(warranty_years, max_extension_years)
    if current_months + extra > limit:
        room = max(limit - current_months, 0)
        raise ContractRuleBroken(
            f"R-WA-7: {current_months} + {extra} months would pass {what}; at most {room} more"
        )
    return current_months + extra


def renewal_commission(commission: Decimal, original_term: int, extended_before: int, months: int) -> Decimal:
    """R-WA-4/7: an extension earns the renewal commission once, pro rata to its months over the
    original term: `commission x months / original_term`. Rounded to the cent cumulatively — the
    k-th extension earns round(C x (all months extended so far) / T) - round(C x (months before it) / T)
    — so the extensions of a contract together earn exactly round(C x extended months / T): 24
    one-month extensions of a 12-month contract earning 100.00 earn 200.00, never 24 x 8.33."""
    if original_term < 1 or months < 1 or extended_before < 0:
        raise ContractRuleBroken("an extension needs whole months over a whole original term")

    def upto(extended: int) -> Decimal:
        return (commission * extended / original_term).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)

    return upto(extended_before + months) - upto(extended_before)


def checked_vat_id(country: str, vat_id: str) -> str:
    """R-BI-6: an end customer's EU VAT id (format and checksum), of the customer's own country."""
    refused = ContractRuleBroken(f"{vat_id!r} is not a valid VAT id of {country}")
    try:
        # compact() itself refuses a number whose prefix is no EU country's ("00…")
        compact = eu_vat.compact(vat_id)
    except ValidationError:
        raise refused from None
    prefix = "EL" if country == "GR" else country
    if not compact.startswith(prefix) or not eu_vat.is_valid(compact):
        raise refused
    return compact
