"""Events published by leasing (Workplace as a Service): bundles, contracts and their life cycle,
commissions (R-WA-1…11). Billing invoices the end customer monthly and pays commissions out
(R-BI-6/7); licensing issues the bundle's Office 365 licenses (R-LI-5); reports count them."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict

from libs.events.base import Event

BUNDLES = "leasing.bundles"
CONTRACTS = "leasing.contracts"


class ContractStatus(StrEnum):
    """A WaaS contract's status (R-WA-3): leasing's column, its API and its events."""

    DRAFT = "draft"
    CREDIT_CHECK_PENDING = "credit_check_pending"
    CREDIT_APPROVED = "credit_approved"
    CREDIT_REJECTED = "credit_rejected"
    AWAITING_SIGNATURES = "awaiting_signatures"
    ACTIVE = "active"
    ENDED = "ended"
    TERMINATED = "terminated"
    RETURNED = "returned"


class CommissionReason(StrEnum):
    """Why a partner commission was earned (R-WA-4): a new contract, or its renewal (extension).
    Leasing's commission events; billing's commission entries and statements (R-BI-7)."""

    NEW = "new"
    RENEWAL = "renewal"


class ContractOptionData(BaseModel):
    model_config = ConfigDict(frozen=True)
    code: str
    name: str
    monthly_price: Decimal
    commission: Decimal
    upgrade: bool


class InstalmentData(BaseModel):
    """Instalment `n` of a contract's one schedule (R-WA-6, R-BI-6): billing invoices exactly these,
    each in its monthly run on `due_date` (the first 1st of a month on or after `period_start`)."""

    model_config = ConfigDict(frozen=True)
    n: int
    period_start: date
    period_end: date
    due_date: date
    amount: Decimal


class ContractData(BaseModel):
    """A contract as every contract event carries it (the state after the change). The contract is
    between the distributor and the end customer (`customer_id`); `reseller_id` is the partner who
    sold it. `monthly_total` = (bundle + options) * quantity, what the end customer pays a month."""

    model_config = ConfigDict(frozen=True)
    reseller_id: uuid.UUID
    customer_id: uuid.UUID
    status: ContractStatus
    bundle: str
    manufacturer: str
    hardware_model: str
    options: list[ContractOptionData]
    quantity: int
    term_months: int  # the current total term, extensions included
    delivery: Literal["partner", "customer"]
    currency: str
    monthly_total: Decimal
    start_date: date | None = None
    end_date: date | None = None
    office365_sku: str  # the bundle's Office 365 plan (upgraded by an option, R-WA-1)
    office365_seats: int
    commission: Decimal | None = None  # fixed at activation from the price list (R-WA-4)
    customer_country: str | None = None  # the end customer's (billing's VAT, sell-out reports)
    # the partner's country when the contract was drafted (sell-out reports, R-WA-9); absent from
    # events emitted before it was added
    reseller_country: str | None = None
    customer_vat_id: str | None = None  # a valid EU VAT id of a business end customer (R-BI-6 VAT)
    billing_email: str | None = None  # where the end customer's invoices and reminders go (R-BI-6)
    # the one instalment schedule (from activation; empty before): what billing invoices
    schedule: list[InstalmentData] = []
    terminated_on: date | None = None  # the termination's effective date: nothing is due after it


class ContractEvent(Event):
    topic = CONTRACTS
    subject_field = "contract_id"
    contract_id: uuid.UUID
    contract: ContractData


class ContractCreated(ContractEvent):
    event_type = "leasing.contract.created.v1"


class ContractSubmitted(ContractEvent):
    event_type = "leasing.contract.submitted.v1"


class ContractCreditChecked(ContractEvent):
    event_type = "leasing.contract.credit_checked.v1"
    decision: Literal["approved", "rejected"]
    reason: str | None = None


class ContractSigned(ContractEvent):
    event_type = "leasing.contract.signed.v1"
    party: Literal["distributor", "customer"]
    signed_by: str


class ContractActivated(ContractEvent):
    """Credit approved and both signatures in: the lease runs from `start_date` (R-WA-3); the
    commission is earned (R-WA-4), the Office 365 licenses are due (R-LI-5)."""

    event_type = "leasing.contract.activated.v1"


class ContractExtended(ContractEvent):
    """The end customer agreed to extend the term by `months` (R-WA-7); the extension earns the
    renewal commission once, pro rata to its months over the original term (R-WA-4)."""

    event_type = "leasing.contract.extended.v1"
    months: int
    commission: Decimal
    extension_id: uuid.UUID | None = None


class ContractExtensionProposed(ContractEvent):
    """The partner proposed an extension (R-WA-7); nothing changes until the end customer accepts."""

    event_type = "leasing.contract.extension_proposed.v1"
    extension_id: uuid.UUID
    months: int


class ContractTerminated(ContractEvent):
    """Ended early (R-WA-6) on `terminated_on`, the platform's date (or a staff correction): every
    instalment of the schedule due by then is invoiced as an instalment (`invoiced_instalments`);
    `fee` = the sum of the others (`fee_instalments`), invoiced to the end customer."""

    event_type = "leasing.contract.terminated.v1"
    terminated_on: date
    months_invoiced: int
    months_remaining: int
    fee: Decimal
    invoiced_instalments: list[int] = []
    fee_instalments: list[int] = []


class ContractEnded(ContractEvent):
    event_type = "leasing.contract.ended.v1"


class ContractReturned(ContractEvent):
    """The hardware came back with certified data wiping (R-WA-8); a pick-up carries its fee."""

    event_type = "leasing.contract.returned.v1"
    method: Literal["self", "pickup"]
    wipe_certificate_id: str
    wiping_company: str
    pickup_fee: Decimal | None = None


class CommissionEarned(Event):
    """A partner commission became due (R-WA-4): billing pays it out on the partner's monthly
    commission statement (R-BI-7)."""

    event_type = "leasing.commission.earned.v1"
    topic = CONTRACTS
    subject_field = "contract_id"
    contract_id: uuid.UUID
    commission_id: uuid.UUID
    reseller_id: uuid.UUID
    reason: CommissionReason
    amount: Decimal
    currency: str
    earned_on: date
