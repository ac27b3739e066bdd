"""Seats (R-LI-4): what a subscription's holder may assign."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum


class SeatStatus(StrEnum):
    """A seat assignment (R-LI-4): invited until activated; removed, or expired never activated."""

    INVITED = "invited"
    ACTIVE = "active"
    REMOVED = "removed"
    EXPIRED = "expired"


USABLE_STATUSES = ("active", "trial")


def usable_seats(seats: int, seats_pending_payment: int, status: str) -> int:
    """Seats bought and paid (or on account) of a running subscription; prepaid seats not yet paid,
    and every seat of an unpaid, expired or cancelled subscription, cannot be used."""
    if status not in USABLE_STATUSES:
        return 0
    return max(seats - seats_pending_payment, 0)


def may_assign(usable: int, assigned: int) -> bool:
    return assigned < usable


def holds_seat(status: str, invitation_expires_at: datetime, now: datetime) -> bool:
    """R-LI-4: an activated assignment holds its seat; an invitation only until it expires."""
    return status == "active" or (status == "invited" and invitation_expires_at >= now)
