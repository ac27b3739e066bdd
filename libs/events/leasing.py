"""Events published by leasing (Workplace as a Service): bundles, contracts and their life cycle,
commissions (R-WA-1…11). Billing invoices the end customer monthly and pays commissions out
(R-BI-6/7); licensing issues the bundle's Office 365 licenses (R-LI-5); reports count them."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict

from libs.events.base import Event

BUNDLES = "leasing.bundles"
CONTRACTS = "leasing.contracts"

ContractStatus = Literal[
    "draft",
    "credit_check_pending",
    "credit_approved",
    "credit_rejected",
    "awaiting_signatures",
    "active",
    "ended",
    "terminated",
    "returned",
]


class ContractOptionData(BaseModel):
    model_config = ConfigDict(frozen=True)
    code: str
    name: str
    monthly_price: Decimal
    commission: Decimal
    upgrade: bool


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
    """The term grew by `months` (R-WA-7); a renewal earns its commission again."""

    event_type = "leasing.contract.extended.v1"
    months: int
    commission: Decimal


class ContractTerminated(ContractEvent):
    """Ended early (R-WA-6): `fee` = every remaining instalment, invoiced to the end customer."""

    event_type = "leasing.contract.terminated.v1"
    terminated_on: date
    months_invoiced: int
    months_remaining: int
    fee: Decimal


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
    reason: Literal["new", "renewal"]
    amount: Decimal
    currency: str
    earned_on: date
