"""Onboarding's request and response models (the API contract's shapes)."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from services.onboarding.domain import validation as v

Text = Annotated[str, Field(min_length=1, max_length=200)]
LongText = Annotated[str, Field(min_length=1, max_length=5000)]


class ApplicationCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    company_name: Text
    contact_email: Annotated[str, Field(max_length=254)]
    country: str
    state: str | None = None
    vat_id: Annotated[str | None, Field(max_length=32)] = None
    business_type: Literal["reseller", "consultancy", "other"]
    description: LongText

    @field_validator("contact_email")
    @classmethod
    def _email(cls, value: str) -> str:
        return v.check_email(value, field="contact_email")

    @field_validator("country")
    @classmethod
    def _country(cls, value: str) -> str:
        return v.check_country(value)

    @model_validator(mode="after")
    def _state_and_vat(self) -> ApplicationCreate:
        self.state = v.check_state_for_country(self.country, self.state)
        if self.vat_id:
            self.vat_id = v.normalise_vat_id(self.country, self.vat_id)
        return self


class Application(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: uuid.UUID
    status: Literal["submitted", "approved", "rejected"]
    company_name: str
    contact_email: str
    country: str
    state: str | None
    vat_id: str | None
    business_type: str
    description: str
    reason: str | None
    reseller_id: uuid.UUID | None
    created_at: datetime
    reviewed_at: datetime | None


class ApplicationApprove(BaseModel):
    model_config = ConfigDict(extra="forbid")
    discount_percent: Annotated[Decimal | None, Field(ge=0, le=100, max_digits=5, decimal_places=2)] = None
    credit_limit: Annotated[Decimal | None, Field(ge=0, max_digits=14, decimal_places=2)] = None


class ApplicationApproved(BaseModel):
    id: uuid.UUID
    status: Literal["approved"]
    reseller_id: uuid.UUID
    api_key: str = Field(description="the reseller's first reseller_admin key; shown only once")


class ApplicationReject(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    reason: Annotated[str, Field(min_length=1, max_length=1000)]


class ApplicationRejected(BaseModel):
    id: uuid.UUID
    status: Literal["rejected"]
    reason: str


class Reseller(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: uuid.UUID
    company_name: str
    status: Literal["pending_policy", "active", "suspended"]
    standing: Literal["new", "established", "prepay_required"]
    discount_percent: Decimal
    paid_orders: int
    country: str
    state: str | None
    vat_id: str | None
    credit_limit: Decimal
    credit_currency: str
    policy_version_accepted: int | None
    created_at: datetime


class Policy(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    version: int
    text: str
    published_at: datetime


class PolicyCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: Annotated[str, Field(min_length=1, max_length=100_000)]


class PolicyAcceptanceCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: Annotated[int, Field(ge=1)]
    accepted_by: Annotated[str | None, Field(max_length=200)] = None


class PolicyAcceptance(BaseModel):
    reseller_id: uuid.UUID
    version: int
    accepted_by: str
    accepted_at: datetime
    status: str


class ApiKeyCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    role: Literal["reseller_admin", "reseller_user"] = "reseller_user"
    name: Text


class ApiKeyCreated(BaseModel):
    id: uuid.UUID
    key: str = Field(description="shown only once")
    name: str
    role: str
    prefix: str


class ApiKeyInfo(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: uuid.UUID
    name: str
    role: str
    prefix: str
    created_at: datetime
    revoked_at: datetime | None


class KeyResolve(BaseModel):
    key_hash: Annotated[str, Field(min_length=64, max_length=64)]
