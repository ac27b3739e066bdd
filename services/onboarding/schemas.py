"""Onboarding's request and response models (the API contract's shapes)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    field_validator,
    model_validator,
)

from libs.events.onboarding import BusinessType, CustomerKind, Edition, ResellerStatus, Standing
from libs.idempotency import shown_once
from libs.jsonschema import examples, one_of_fields_required, patch_body
from libs.money import MoneyOut, in_currency_of
from libs.params import (
    FractionOfOne,
    IsoDate,
    NonNegativeAmount,
    PercentBelow100,
    PercentUpTo100,
    whole_number,
)
from services.onboarding.domain import validation as v
from services.onboarding.domain.applications import ApplicationStatus
from services.onboarding.domain.statuses import (
    ApiKeyRole,
    CustomerUserKind,
    TaxProfileChangeStatus,
)

Text = Annotated[str, Field(min_length=1, max_length=200)]
LongText = Annotated[str, Field(min_length=1, max_length=5000)]


class ApplicationCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        json_schema_extra=examples(
            {
                "company_name": "Van den Berg IT Solutions B.V.",
                "contact_email": "partners@vandenberg-it.nl",
                "country": "NL",
                "vat_id": "NL823477162B01",
                "business_type": "reseller",
                "description": (
                    "Managed service provider for 140 small and mid-sized businesses in the Randstad; "
                    "we resell security and developer tooling with our own first-line support."
                ),
            },
            {
                "company_name": "Lakeshore Software Partners LLC",
                "contact_email": "channel@lakeshoresoftware.com",
                "country": "US",
                "state": "IL",
                "business_type": "reseller",
                "description": (
                    "Value-added reseller for engineering firms in the Midwest: "
                    "60 active accounts, Microsoft Solutions Partner."
                ),
            },
        ),
    )
    company_name: Text
    contact_email: Annotated[str, Field(max_length=254, json_schema_extra={"format": "email"})]
    country: Annotated[str, Field(json_schema_extra={"enum": sorted(v.iso_country_codes())})]
    state: str | None = None
    vat_id: Annotated[str | None, Field(max_length=32)] = None
    business_type: BusinessType
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
    status: ApplicationStatus
    company_name: str
    contact_email: str
    country: str
    state: str | None
    vat_id: str | None
    business_type: BusinessType
    description: str
    reason: str | None
    reseller_id: uuid.UUID | None
    created_at: datetime
    reviewed_at: datetime | None


class ApplicationApprove(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra=examples(
            {"discount_percent": "15.00", "credit_limit": "25000.00"},
            {
                "discount_percent": "10.00",
                "eligibility_override_reason": (
                    "Consultancy with its own resale desk and 30 signed customer agreements; "
                    "approved by channel management on 2026-11-26."
                ),
            },
        ),
    )
    discount_percent: PercentUpTo100 | None = None
    # in the program's credit currency (R-ON-6); default: the program's default credit limit
    credit_limit: NonNegativeAmount | None = None
    eligibility_override_reason: Annotated[
        str | None,
        Field(
            min_length=10,
            max_length=1000,
            description="R-ON-1: required to approve a consultancy; why it is eligible all the same",
        ),
    ] = None


class EligibilityOverride(BaseModel):
    """A staff decision to approve an applicant R-ON-1 would not admit (a consultancy)."""

    reason: str
    decided_by: str
    decided_at: datetime


class ApplicationApproved(BaseModel):
    id: uuid.UUID
    status: Literal["approved"]
    reseller_id: uuid.UUID
    api_key: str = Field(description="the reseller's first reseller_admin key; shown only once")


class ApplicationReject(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        json_schema_extra=examples(
            {
                "reason": (
                    "No resale activity: the applicant buys licences for its own staff only. "
                    "Please order through a reseller."
                )
            }
        ),
    )
    reason: Annotated[str, Field(min_length=1, max_length=1000)]


class ApplicationRejected(BaseModel):
    id: uuid.UUID
    status: Literal["rejected"]
    reason: str


class ExemptionCertificate(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: uuid.UUID
    state: str
    number: str
    valid_from: date
    valid_until: date
    uploaded_by: str
    created_at: datetime
    replaced_at: datetime | None = Field(description="set once a newer certificate replaced this one")


class Reseller(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: uuid.UUID
    program_id: str
    company_name: str
    status: ResellerStatus
    standing: Standing
    discount_percent: Decimal
    paid_orders: int
    country: str
    state: str | None
    vat_id: str | None
    vat_id_valid: bool
    has_overdue: bool
    credit_currency: str
    credit_limit: Annotated[MoneyOut, in_currency_of("credit_currency")]
    # money no invoice needed (R-BI-9), per currency, as billing last told; it pays open invoices
    credit_balance: list[MoneyOut] = []
    policy_version_accepted: int | None
    exemption_certificate: ExemptionCertificate | None = None
    eligibility_override: EligibilityOverride | None = None
    created_at: datetime


class Policy(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    version: int
    text: str
    published_at: datetime


class PolicyCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra=examples(
            {
                "text": (
                    "ChannelHub Reseller Policy, effective 1 December 2026.\n\n"
                    "1. Resellers sell to end customers only, never to other resellers.\n"
                    "2. Customer data is processed under the data processing agreement in Annex A.\n"
                    "3. Invoices are due within the program's payment terms; late payments accrue interest."
                )
            }
        ),
    )
    text: Annotated[str, Field(min_length=1, max_length=100_000)]


class PolicyAcceptanceCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra=examples({"version": 3, "accepted_by": "Sanne de Vries, Managing Director"}),
    )
    version: Annotated[int, Field(ge=1)]
    accepted_by: Annotated[str | None, Field(max_length=200)] = None


class PolicyAcceptance(BaseModel):
    reseller_id: uuid.UUID
    version: int
    accepted_by: str
    accepted_at: datetime
    status: ResellerStatus


class ApiKeyCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        json_schema_extra=examples({"name": "ERP integration (Exact Online)", "role": "reseller_user"}),
    )
    role: Literal["reseller_admin", "reseller_user"] = "reseller_user"
    name: Text


class ApiKeyCreated(BaseModel):
    id: uuid.UUID
    key: str | None = shown_once("the API key")
    name: str
    role: ApiKeyRole
    prefix: str


class StaffKeyCreate(BaseModel):
    """A vendor staff key (R-PL-5): what each role may call is the README's permission table."""

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        json_schema_extra=examples({"role": "credit_officer", "name": "Credit desk: Marta Kowalska"}),
    )
    role: Literal["admin", "credit_officer", "billing"]
    name: Text


class ApiKeyInfo(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: uuid.UUID
    name: str
    role: ApiKeyRole
    prefix: str
    created_at: datetime
    revoked_at: datetime | None


class KeyResolve(BaseModel):
    key_hash: Annotated[str, Field(min_length=64, max_length=64)]


# --- reseller administration (R-ON-3/4/5/6) -------------------------------------------------


class ExemptionCertificatePut(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        json_schema_extra=examples(
            {"state": "TX", "number": "32071954832", "valid_from": "2026-10-01", "valid_until": "2027-09-30"}
        ),
    )
    state: Annotated[str, Field(min_length=2, max_length=2, json_schema_extra={"enum": sorted(v.US_STATES)})]
    number: Annotated[str, Field(min_length=1, max_length=64)]
    valid_from: IsoDate
    valid_until: IsoDate

    @field_validator("state")
    @classmethod
    def _state(cls, value: str) -> str:
        return v.check_us_state(value)

    @model_validator(mode="after")
    def _dates(self) -> ExemptionCertificatePut:
        if self.valid_until < self.valid_from:
            raise ValueError("valid_until must not be before valid_from")
        return self


class TaxProfileChange(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: uuid.UUID
    reseller_id: uuid.UUID
    country: str
    state: str | None
    vat_id: str | None
    status: TaxProfileChangeStatus
    requested_by: str
    requested_at: datetime
    decided_by: str | None
    decided_at: datetime | None
    reason: str | None


class TaxProfileChangeReject(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        json_schema_extra=examples(
            {
                "reason": (
                    "VIES does not know DE298417608 for this company name; "
                    "please send the registration letter of the Bundeszentralamt fuer Steuern."
                )
            }
        ),
    )
    reason: Annotated[str, Field(min_length=1, max_length=1000)]


class TaxProfilePatch(BaseModel):
    """Missing fields stay as they are; `null` clears state or vat_id. The result is checked
    as a whole (a US reseller needs a state, a VAT id needs an EU country)."""

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        json_schema_extra=examples(
            {"country": "DE", "vat_id": "DE298417608"},
            {"country": "US", "state": "CA", "vat_id": None},
        ),
    )
    country: Annotated[str, Field(json_schema_extra={"enum": sorted(v.iso_country_codes())})] | None = None
    state: Annotated[str | None, Field(max_length=2)] = None
    vat_id: Annotated[str | None, Field(max_length=32)] = None

    @field_validator("country")
    @classmethod
    def _country(cls, value: str | None) -> str | None:
        if value is None:
            raise ValueError("the country cannot be cleared")
        return v.check_country(value)


class ResellerPatch(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra=examples(
            {"discount_percent": "17.50", "credit_limit": "40000.00"},
            also=patch_body("discount_percent", "credit_limit", "status"),
        ),
    )
    discount_percent: PercentBelow100 | None = None
    credit_limit: NonNegativeAmount | None = None  # in the reseller's credit_currency
    status: Literal["active", "suspended"] | None = None

    @model_validator(mode="after")
    def _something(self) -> ResellerPatch:
        if not self.model_fields_set:
            raise ValueError("give at least one of discount_percent, credit_limit, status")
        for name in self.model_fields_set:
            if getattr(self, name) is None:
                raise ValueError(f"{name} cannot be null")
        return self


class PaymentFacts(BaseModel):
    """Stand-in for billing's payment events until billing publishes them (R-ON-3, R-BI-4)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra=examples(
            {"paid_orders_delta": 1},
            {"has_overdue": True},
            also=one_of_fields_required(
                {
                    "required": ["paid_orders_delta"],
                    "properties": {"paid_orders_delta": {"not": {"const": 0}}},
                },
                {"required": ["has_overdue"], "properties": {"has_overdue": {"type": "boolean"}}},
            ),
        ),
    )
    paid_orders_delta: Annotated[int, Field(ge=-1000, le=1000), BeforeValidator(whole_number)] = 0
    has_overdue: StrictBool | None = None

    @model_validator(mode="after")
    def _something(self) -> PaymentFacts:
        if self.paid_orders_delta == 0 and self.has_overdue is None:
            raise ValueError("give paid_orders_delta or has_overdue")
        return self


class Program(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    name: str
    is_default: bool
    default_discount_percent: Decimal
    prepaid_orders_required: int
    payment_terms_days: int
    annual_interest_rate: Decimal
    allowed_payment_methods: list[str]
    credit_currency: str
    default_credit_limit: Annotated[MoneyOut, in_currency_of("credit_currency")]


class ProgramPatch(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra=examples(
            {"default_discount_percent": "12.50", "payment_terms_days": 30, "annual_interest_rate": "0.0800"},
            also=patch_body(
                "name",
                "default_discount_percent",
                "prepaid_orders_required",
                "payment_terms_days",
                "annual_interest_rate",
                "default_credit_limit",
            ),
        ),
    )
    name: Text | None = None
    default_discount_percent: PercentBelow100 | None = None
    prepaid_orders_required: Annotated[int, Field(ge=0, le=1000), BeforeValidator(whole_number)] | None = None
    payment_terms_days: Annotated[int, Field(ge=1, le=365), BeforeValidator(whole_number)] | None = None
    annual_interest_rate: FractionOfOne | None = None
    default_credit_limit: NonNegativeAmount | None = None  # in the program's credit_currency

    @model_validator(mode="after")
    def _something(self) -> ProgramPatch:
        if not self.model_fields_set:
            raise ValueError("give at least one field to change")
        for name in self.model_fields_set:
            if getattr(self, name) is None:
                raise ValueError(f"{name} cannot be null")
        return self


# --- customers (R-CU-1..9) ------------------------------------------------------------------

Email = Annotated[str, Field(min_length=3, max_length=254, json_schema_extra={"format": "email"})]
DomainName = Annotated[str, Field(min_length=1, max_length=253)]
ProductFamily = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9._-]{0,63}$")]


class Contacts(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    admin_name: Annotated[str, Field(min_length=1, max_length=200)] | None = None
    address: Annotated[str, Field(min_length=1, max_length=1000)] | None = None
    alternate_email: Email | None = None
    phone: Annotated[str, Field(pattern=r"^\+?[0-9][0-9 ()./-]{2,38}$")] | None = None

    @field_validator("alternate_email")
    @classmethod
    def _email(cls, value: str | None) -> str | None:
        return None if value is None else v.check_email(value, field="alternate_email")


class _CustomerFields(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @field_validator("domain", check_fields=False)
    @classmethod
    def _domain(cls, value: str | None) -> str | None:
        return None if value is None else v.check_domain(value)

    @field_validator("primary_email", check_fields=False)
    @classmethod
    def _primary_email(cls, value: str | None) -> str | None:
        return None if value is None else v.check_email(value, field="primary_email")

    @field_validator("language", check_fields=False)
    @classmethod
    def _language(cls, value: str | None) -> str | None:
        return None if value is None else v.check_language(value)

    @field_validator("time_zone", check_fields=False)
    @classmethod
    def _time_zone(cls, value: str | None) -> str | None:
        return None if value is None else v.check_time_zone(value)


class CustomerCreate(_CustomerFields):
    model_config = ConfigDict(
        json_schema_extra=examples(
            {
                "kind": "domain",
                "name": "Hoekstra Bouw B.V.",
                "domain": "hoekstrabouw.nl",
                "crm_id": "HUB-004211",
                "language": "nl-NL",
                "time_zone": "Europe/Amsterdam",
                "contacts": {
                    "admin_name": "Pieter Hoekstra",
                    "address": "Stationsweg 12, 3811 MH Amersfoort",
                    "alternate_email": "it-beheer@hoekstra-holding.com",
                    "phone": "+31 33 461 2290",
                },
            },
            {
                "kind": "team",
                "name": "Studio Lindqvist",
                "primary_email": "anna@studiolindqvist.se",
                "language": "sv",
                "time_zone": "Europe/Stockholm",
            },
        )
    )
    kind: CustomerKind
    name: Text
    domain: DomainName | None = None
    primary_email: Email | None = None
    education: StrictBool = False
    edition: Edition = Edition.COMMERCIAL
    crm_id: Annotated[str, Field(min_length=1, max_length=100)] | None = None
    language: Annotated[str, Field(max_length=35)] | None = None
    time_zone: Annotated[str, Field(max_length=64)] | None = None
    contacts: Contacts | None = None

    @model_validator(mode="after")
    def _kind(self) -> CustomerCreate:
        if self.kind == "domain" and self.domain is None:
            raise ValueError("a domain customer needs its registered domain")
        if self.kind == "team":
            if self.primary_email is None:
                raise ValueError("a team customer is verified through its primary_email, which is required")
            if self.domain is not None:
                raise ValueError(
                    "a team customer has no domain; "
                    "verify one later with POST /v1/customers/{id}/domain-verification"
                )
        return self


class CustomerPatch(_CustomerFields):
    """Missing fields stay as they are; `null` clears an optional field."""

    model_config = ConfigDict(
        json_schema_extra=examples(
            {
                "name": "Hoekstra Bouw & Infra B.V.",
                "crm_id": "HUB-004211",
                "contacts": {
                    "admin_name": "Eva Jansen",
                    "alternate_email": "it-beheer@hoekstra-holding.com",
                    "phone": "+31 33 461 2291",
                },
            },
            also=patch_body("name", "education", "domain", "edition"),
        )
    )
    name: Text | None = None
    domain: DomainName | None = None
    primary_email: Email | None = None
    education: StrictBool | None = None
    edition: Edition | None = None
    crm_id: Annotated[str, Field(min_length=1, max_length=100)] | None = None
    language: Annotated[str, Field(max_length=35)] | None = None
    time_zone: Annotated[str, Field(max_length=64)] | None = None
    contacts: Contacts | None = None

    @model_validator(mode="after")
    def _something(self) -> CustomerPatch:
        if not self.model_fields_set:
            raise ValueError("give at least one field to change")
        for name in ("name", "education", "domain", "edition"):
            if name in self.model_fields_set and getattr(self, name) is None:
                raise ValueError(f"{name} cannot be null")
        return self


class CustomerUser(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: uuid.UUID
    kind: CustomerUserKind
    reseller_id: uuid.UUID | None
    email: str | None
    admin: bool
    occupies_seat: bool
    reseller_discount_applies: bool = Field(
        description="false for administrators who buy directly: the reseller discount does not apply"
    )
    created_at: datetime


class CustomerUserCreated(CustomerUser):
    warning: str | None = None


class CustomerUserCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        json_schema_extra=examples(
            {"email": "j.bakker@hoekstrabouw.nl"},
            {"email": "it-admin@hoekstrabouw.nl", "admin": True, "confirm": True},
        ),
    )
    email: Email
    admin: StrictBool = False
    confirm: StrictBool = Field(
        default=False,
        description="required with admin=true: the reseller discount will not apply to that user's purchases",
    )

    @field_validator("email")
    @classmethod
    def _email(cls, value: str) -> str:
        return v.check_email(value)


class Customer(BaseModel):
    id: uuid.UUID
    reseller_id: uuid.UUID
    kind: CustomerKind
    name: str
    domain: str | None
    primary_email: str | None
    education: bool
    edition: Edition
    crm_id: str | None
    language: str | None
    time_zone: str | None
    contacts: Contacts | None
    domain_verified_at: datetime | None
    terms_accepted_at: datetime | None
    terms_accepted_by: str | None
    administrators: list[CustomerUser]
    version: int
    created_at: datetime
    updated_at: datetime


class DomainVerification(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        json_schema_extra=examples({"domain": "studiolindqvist.se"}),
    )
    domain: DomainName

    @field_validator("domain")
    @classmethod
    def _domain(cls, value: str) -> str:
        return v.check_domain(value)


class TermsAcceptanceCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        json_schema_extra=examples({"accepted_by": "Pieter Hoekstra, Director"}),
    )
    accepted_by: Text


class TermsAcceptance(BaseModel):
    customer_id: uuid.UUID
    accepted_by: str
    accepted_at: datetime


class TransferTokenCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid", str_strip_whitespace=True, json_schema_extra=examples({"product_family": "total-net"})
    )
    product_family: ProductFamily


class TransferTokenCreated(BaseModel):
    token: str | None = shown_once("give it to the reseller that imports the customer")
    product_family: str
    expires_at: datetime


class CustomerImport(BaseModel):
    """R-CU-5: name the customer as its account knows it — a domain customer by its domain, a team
    customer by its primary e-mail — and present the transfer token it issued."""

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        json_schema_extra=examples(
            {
                "domain": "hoekstrabouw.nl",
                "transfer_token": "q7Jf2LxV9c_Tn4RkP0sWmA8dYhE3uZbG6oNiC1lKtXw",
                "product_family": "total-net",
            },
            {
                "primary_email": "anna@studiolindqvist.se",
                "transfer_token": "Hs3vQ9mT_e1WcX7pLr2KdN5aZy0BgU8jFo4IiVtR6qM",
            },
        ),
    )
    domain: DomainName | None = None
    primary_email: Email | None = None
    transfer_token: Annotated[str, Field(min_length=1, max_length=200)]
    product_family: ProductFamily | None = Field(
        default=None, description="the family imported for; must match the token's when given"
    )

    @field_validator("domain")
    @classmethod
    def _domain(cls, value: str | None) -> str | None:
        return None if value is None else v.check_domain(value)

    @field_validator("primary_email")
    @classmethod
    def _primary_email(cls, value: str | None) -> str | None:
        return None if value is None else v.check_email(value, field="primary_email")

    @model_validator(mode="after")
    def _one_name(self) -> CustomerImport:
        if (self.domain is None) == (self.primary_email is None):
            raise ValueError("give the customer's domain (domain customer) or primary_email (team customer)")
        return self


class CustomerApiKeyCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid", str_strip_whitespace=True, json_schema_extra=examples({"name": "Customer portal"})
    )
    name: Text


def contacts_json(contacts: Contacts | None) -> dict[str, Any] | None:
    return None if contacts is None else contacts.model_dump(exclude_none=True)
