"""Licensing's request and response shapes (API.md "Licensing"). No price appears anywhere:
licenses are what a customer may see (R-LI-6)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from libs.jsonschema import examples
from services.licensing.domain.licenses import LicenseStatus


class License(BaseModel):
    id: uuid.UUID
    kind: Literal["order", "subscription", "waas"]
    order_id: uuid.UUID | None
    subscription_id: uuid.UUID | None
    contract_id: uuid.UUID | None
    customer_id: uuid.UUID
    reseller_id: uuid.UUID
    licensee: str
    sku: str
    quantity: int | None
    seats: int | None
    temporary: bool
    status: LicenseStatus
    valid_from: date
    valid_until: date | None
    issued_at: datetime
    replaced_by: uuid.UUID | None


class LicenseFile(BaseModel):
    format: str
    key_id: str
    payload: str
    signature: str


class SigningKey(BaseModel):
    key_id: str
    algorithm: Literal["Ed25519"]
    public_key: str  # base64 of the raw 32-byte key
    status: Literal["active", "retired", "revoked"]


class SigningKeys(BaseModel):
    data: list[SigningKey]


class SeatAssign(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        json_schema_extra=examples({"email": "lena.fischer@keller-maschinenbau.de"}),
    )
    email: Annotated[str, Field(min_length=3, max_length=254, json_schema_extra={"format": "email"})]


class SeatAssignment(BaseModel):
    subscription_id: uuid.UUID
    email: str
    status: Literal["invited", "active"]
    assigned_at: datetime
    activated_at: datetime | None
    invitation_expires_at: datetime


class SeatOverview(BaseModel):
    subscription_id: uuid.UUID
    seats_usable: int
    seats_assigned: int  # seats_active + seats_invited
    seats_active: int  # activated
    seats_invited: int  # invitations pending (not activated, not expired)
    assignments: list[SeatAssignment]


class SeatActivate(BaseModel):
    """The invitation's token, in the body (never in a path: paths end up in logs)."""

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        json_schema_extra=examples({"token": "inv_Pr0o0mXot3gox_cRKPbq4LUgH_vYDDYBtNHsGliArfw"}),
    )
    token: Annotated[str, Field(min_length=10, max_length=100)]


class InvitationToken(BaseModel):
    token: str
    expires_at: datetime


class SeatActivation(BaseModel):
    subscription_id: uuid.UUID
    email: str
    status: Literal["active"]
    existing_user: bool
    activated_at: datetime
