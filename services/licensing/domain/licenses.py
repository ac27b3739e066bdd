"""What a license says: the payload of its signed file (R-LI-2), and temporary validity (R-LI-3).

Validity: `valid_from` is the first day a license may be used and `valid_until` its last day
(inclusive, as the API shows it); the payload also states the exclusive end, `valid_before`
(= `valid_until` + 1 day), which is what the offline verifier compares a day against:
valid on `day` iff `valid_from <= day < valid_before`. A subscription period's end is exclusive
(ordering's `period_end`, the first day of the next period), so its license's last day is the day
before it (`last_day_of_period`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any
from uuid import UUID


class LicenseStatus(StrEnum):
    """A license's status (R-LI-1…3): licensing's column and API, and the payload of its file."""

    ACTIVE = "active"
    REVOKED = "revoked"
    EXPIRED = "expired"


PAYLOAD_VERSION = 2  # 2: status, valid_before (exclusive end), key_id


@dataclass(frozen=True)
class LicenseTerms:
    license_id: UUID
    licensee_id: UUID
    licensee: str
    sku: str
    quantity: int | None
    seats: int | None
    temporary: bool
    valid_from: date
    valid_until: date | None
    order_id: UUID | None
    subscription_id: UUID | None
    issued_at: datetime
    status: str = "active"
    key_id: str = ""
    # the file's own exclusive end, when earlier than the license's (`file_valid_before`)
    file_valid_before: date | None = None


def valid_before(valid_until: date | None) -> date | None:
    """The exclusive end of a validity whose last day is `valid_until`."""
    return valid_until + timedelta(days=1) if valid_until is not None else None


def file_valid_before(kind: str, valid_until: date | None, today: date, file_days: int) -> date | None:
    """The exclusive end of a signed file. A subscription's or WaaS contract's license can end early
    (cancelled, terminated: revoked), which an offline check cannot learn, so its file is valid for at
    most `file_days` from signing (the product fetches a fresh one): a revoked license stops
    verifying within that time, never only at its original end. Order licenses (perpetual, or a
    temporary one's fixed days) carry their license's own end."""
    end = valid_before(valid_until)
    if kind in ("subscription", "waas"):
        refresh = today + timedelta(days=file_days)
        return min(end, refresh) if end is not None else refresh
    return end


def last_day_of_period(period_end_exclusive: date) -> date:
    """R-LI-4: a subscription license ends exactly with its period (no day more)."""
    return period_end_exclusive - timedelta(days=1)


def may_sign(status: str, valid_until: date | None, today: date) -> bool:
    """R-LI-2: a file is signed only for a license that is active and has not ended."""
    return status == "active" and not has_ended(valid_until, today)


def payload(terms: LicenseTerms) -> dict[str, Any]:
    """The signed content: everything a vendor's product needs to decide what it may run."""
    return {
        "version": PAYLOAD_VERSION,
        "license_id": str(terms.license_id),
        "licensee": {"customer_id": str(terms.licensee_id), "name": terms.licensee},
        "sku": terms.sku,
        "quantity": terms.quantity,
        "seats": terms.seats,
        "temporary": terms.temporary,
        "valid_from": terms.valid_from.isoformat(),
        "valid_until": terms.valid_until.isoformat() if terms.valid_until else None,
        "valid_before": (
            end.isoformat() if (end := terms.file_valid_before or valid_before(terms.valid_until)) else None
        ),
        "status": terms.status,
        "key_id": terms.key_id,
        "order_id": str(terms.order_id) if terms.order_id else None,
        "subscription_id": str(terms.subscription_id) if terms.subscription_id else None,
        "issued_at": terms.issued_at.isoformat(),
    }


def temporary_validity(today: date, days: int) -> tuple[date, date]:
    """R-LI-3: a temporary license runs from today for the configured number of days."""
    return today, today + timedelta(days=days)


def may_issue_temporary(earlier: Sequence[str], extensions: int) -> bool:
    """R-LI-3: an order gets one temporary license; the program may allow `extensions` more, each only
    once the one before has ended (never two at a time). `earlier` are its temporary licenses' statuses."""
    return "active" not in earlier and len(earlier) <= extensions


def has_ended(valid_until: date | None, as_of: date) -> bool:
    """A license valid until a day is usable through that day and ended the day after."""
    return valid_until is not None and as_of > valid_until
