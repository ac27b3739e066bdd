"""What a contract records of its credit check, signatures and return (R-WA-3, R-WA-8): typed value
objects, stored as JSONB (`libs.db.JSONBOf`) — written and read as these models, never loose dicts."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict

Party = Literal["distributor", "customer"]


class CreditCheck(BaseModel):
    """R-WA-3: staff's decision; the reason and the decider are staff's notes (R-PL-5)."""

    model_config = ConfigDict(frozen=True)
    decision: Literal["approved", "rejected"]
    reason: str | None
    decided_by: str
    decided_at: datetime

    STAFF_NOTES: ClassVar[frozenset[str]] = frozenset({"reason", "decided_by"})


class SignatureRecord(BaseModel):
    """Who signed for a party and when; `recorded_by` (the key that recorded it) is staff's note."""

    model_config = ConfigDict(frozen=True)
    signed_by: str
    signed_at: datetime
    recorded_by: str

    STAFF_NOTES: ClassVar[frozenset[str]] = frozenset({"recorded_by"})


Signatures = dict[Party, SignatureRecord]


def fully_signed(signatures: Signatures) -> bool:
    """R-WA-3: both the distributor and the end customer signed."""
    return {"distributor", "customer"} <= set(signatures)


class ReturnRecord(BaseModel):
    """R-WA-8: how the hardware came back and the certified wipe of its data."""

    model_config = ConfigDict(frozen=True)
    method: Literal["self", "pickup"]
    risk: str
    pickup_fee: Decimal | None
    wipe_certificate_id: str
    wiping_company: str
    wiped_on: date
    recorded_by: str
