"""Events published by onboarding: applications, resellers, policies, customers."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict

from libs.events.base import Event

APPLICATIONS = "onboarding.applications"
RESELLERS = "onboarding.resellers"
POLICIES = "onboarding.policies"
CUSTOMERS = "onboarding.customers"


class ExemptionCertificateData(BaseModel):
    model_config = ConfigDict(frozen=True)
    state: str
    number: str
    valid_from: date
    valid_until: date


class ResellerStatus(StrEnum):
    """A reseller's status (R-ON-2/3): onboarding's column and API, every reseller snapshot."""

    PENDING_POLICY = "pending_policy"
    ACTIVE = "active"
    SUSPENDED = "suspended"


class Standing(StrEnum):
    """A reseller's standing (R-ON-4): what the program lets it order on account."""

    NEW = "new"
    ESTABLISHED = "established"
    PREPAY_REQUIRED = "prepay_required"


class BusinessType(StrEnum):
    """What an applicant's business is (R-ON-1): onboarding's application column and API, and
    `onboarding.application.submitted.v1`. A consultancy is not eligible without a staff override."""

    RESELLER = "reseller"
    CONSULTANCY = "consultancy"
    OTHER = "other"


class CustomerKind(StrEnum):
    """A customer account's kind: a `domain` customer is named by its registered domain (R-CU-1/2),
    a `team` one by its primary e-mail (R-CU-3/4). Onboarding's column and API, every customer
    snapshot."""

    DOMAIN = "domain"
    TEAM = "team"


class Edition(StrEnum):
    """The edition of the vendor's product a customer runs today (R-CU-1): only `commercial`
    customers can be sold to (a non-profit or legacy free edition cannot)."""

    COMMERCIAL = "commercial"
    NON_PROFIT = "non_profit"
    LEGACY_FREE = "legacy_free"


class ResellerSnapshot(BaseModel):
    """Everything other services keep about a reseller. Every reseller event carries
    the whole snapshot, with a `version` that only grows, so a consumer can upsert
    and ignore anything older than what it has."""

    model_config = ConfigDict(frozen=True)
    reseller_id: uuid.UUID
    version: int
    company_name: str
    contact_email: str
    status: ResellerStatus
    standing: Standing
    discount_percent: Decimal
    paid_orders: int
    credit_limit: Decimal
    credit_currency: str
    country: str
    state: str | None
    vat_id: str | None
    vat_id_valid: bool
    policy_version_accepted: int | None
    exemption_certificate: ExemptionCertificateData | None = None
    # the reseller's program terms billing applies (R-BI-3: payment within 30 days; R-BI-4: interest)
    payment_terms_days: int = 30
    annual_interest_rate: Decimal = Decimal("0.08")


class ResellerEvent(Event):
    topic = RESELLERS
    subject_field = "reseller_id"
    reseller_id: uuid.UUID
    reseller: ResellerSnapshot


class ApplicationSubmitted(Event):
    event_type = "onboarding.application.submitted.v1"
    topic = APPLICATIONS
    subject_field = "application_id"
    application_id: uuid.UUID
    company_name: str
    country: str
    business_type: BusinessType


class ApplicationRejected(Event):
    event_type = "onboarding.application.rejected.v1"
    topic = APPLICATIONS
    subject_field = "application_id"
    application_id: uuid.UUID
    reason: str


class ResellerApproved(ResellerEvent):
    event_type = "onboarding.reseller.approved.v1"
    application_id: uuid.UUID


class ResellerPolicyAccepted(ResellerEvent):
    event_type = "onboarding.reseller.policy_accepted.v1"
    policy_version: int


class ResellerActivated(ResellerEvent):
    event_type = "onboarding.reseller.activated.v1"


class ResellerUpdated(ResellerEvent):
    """Discount, status, credit limit or any other snapshot field changed."""

    event_type = "onboarding.reseller.updated.v1"


class ResellerStandingChanged(ResellerEvent):
    event_type = "onboarding.reseller.standing_changed.v1"
    previous: Standing


class ResellerTaxProfileChanged(ResellerEvent):
    event_type = "onboarding.reseller.tax_profile_changed.v1"
    # who made the change (staff directly, or staff approving a reseller's request) and which request
    changed_by: str | None = None
    change_request_id: uuid.UUID | None = None


class TaxProfileChangeRequested(Event):
    """A reseller asked to change its country, state or VAT id; nothing applies until staff approve
    (the tax regime of later orders depends on it: R-ON-4/5, issue 8 item 18)."""

    event_type = "onboarding.reseller.tax_profile_change_requested.v1"
    topic = RESELLERS
    subject_field = "reseller_id"
    reseller_id: uuid.UUID
    change_request_id: uuid.UUID
    country: str
    state: str | None
    vat_id: str | None
    requested_by: str


class TaxProfileChangeRejected(Event):
    event_type = "onboarding.reseller.tax_profile_change_rejected.v1"
    topic = RESELLERS
    subject_field = "reseller_id"
    reseller_id: uuid.UUID
    change_request_id: uuid.UUID
    rejected_by: str
    reason: str


class PolicyPublished(Event):
    """A new reseller policy version: every reseller must accept it before its next order."""

    event_type = "onboarding.policy.published.v1"
    topic = POLICIES
    subject_field = "policy"
    policy: Literal["reseller-policy"] = "reseller-policy"
    version: int


class CustomerSnapshot(BaseModel):
    model_config = ConfigDict(frozen=True)
    customer_id: uuid.UUID
    reseller_id: uuid.UUID
    version: int
    kind: CustomerKind
    name: str
    domain: str | None
    primary_email: str | None
    education: bool
    terms_accepted: bool
    edition: Edition = Edition.COMMERCIAL  # R-CU-1


class ShipToCustomer(BaseModel):
    """Onboarding's answer to "who is this order's ship-to?" (`GET /internal/resellers/{id}/ship-to`,
    read-only): the reseller's existing customer, or the kind an order would create (R-CU-9), so
    that ordering applies R-CU-4 however the customer is named. Both None: no usable e-mail."""

    customer: CustomerSnapshot | None
    new_kind: CustomerKind | None


class CustomerEvent(Event):
    topic = CUSTOMERS
    subject_field = "customer_id"
    customer_id: uuid.UUID
    customer: CustomerSnapshot


class CustomerCreated(CustomerEvent):
    event_type = "onboarding.customer.created.v1"


class CustomerUpdated(CustomerEvent):
    event_type = "onboarding.customer.updated.v1"
    changed: list[str]


class CustomerDomainVerified(CustomerEvent):
    event_type = "onboarding.customer.domain_verified.v1"


class CustomerTermsAccepted(CustomerEvent):
    event_type = "onboarding.customer.terms_accepted.v1"
    accepted_by: str


class CustomerTransferred(CustomerEvent):
    event_type = "onboarding.customer.transferred.v1"
    from_reseller_id: uuid.UUID
    product_family: str


class CustomerLinkedToOrder(CustomerEvent):
    """An order placed without a customer id was matched to this customer from its ship-to
    (R-CU-9): an existing customer with the same domain or e-mail, or one created for it."""

    event_type = "onboarding.customer.linked_to_order.v1"
    order_id: uuid.UUID
    created: bool
