"""What a license says: the payload of its signed file (R-LI-2), and temporary validity (R-LI-3)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from uuid import UUID

PAYLOAD_VERSION = 1


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
        "order_id": str(terms.order_id) if terms.order_id else None,
        "subscription_id": str(terms.subscription_id) if terms.subscription_id else None,
        "issued_at": terms.issued_at.isoformat(),
    }


def temporary_validity(today: date, days: int) -> tuple[date, date]:
    """R-LI-3: a temporary license runs from today for the configured number of days."""
    return today, today + timedelta(days=days)


def has_ended(valid_until: date | None, as_of: date) -> bool:
    """A license valid until a day is usable through that day and ended the day after."""
    return valid_until is not None and as_of > valid_until
