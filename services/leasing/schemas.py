"""Leasing's request and response shapes (API.md "Leasing (WaaS)")."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field, field_validator

from libs.events.leasing import ContractStatus
from libs.jsonschema import examples
from libs.money import MoneyIn, MoneyOut
from libs.params import IsoDate
from services.leasing.domain.contracts import ExtensionStatus, HardwareRequestStatus

Code = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
Text = Annotated[str, Field(min_length=1, max_length=200)]
Country = Annotated[str, Field(pattern=r"^[A-Z]{2}$")]


class OptionIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    code: Code
    name: Text
    monthly_price: MoneyIn
    commission: MoneyIn
    upgrade: bool = False
    office365_sku: Code | None = None  # an upgrade of the Office 365 plan (e.g. Business Premium)


class BundleCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        json_schema_extra=examples(
            {
                "code": "LAPTOP-ESSENTIALS-T14",
                "name": "Laptop Essentials",
                "manufacturer": "Lenovo",
                "hardware_model": "ThinkPad T14 Gen 5",
                "monthly_price": {"amount": "59.00", "currency": "EUR"},
                "commission": {"amount": "100.00", "currency": "EUR"},
                "warranty_years": 3,
                "max_warranty_extension_years": 2,
                "office365_sku": "O365-BUSINESS-ESSENTIALS",
                "office365_seats_per_unit": 1,
                "options": [
                    {
                        "code": "DOCK-USB-C",
                        "name": "ThinkPad USB-C Dock",
                        "monthly_price": {"amount": "6.50", "currency": "EUR"},
                        "commission": {"amount": "10.00", "currency": "EUR"},
                    },
                    {
                        "code": "M365-PREMIUM",
                        "name": "Microsoft 365 Business Premium instead of Essentials",
                        "monthly_price": {"amount": "14.20", "currency": "EUR"},
                        "commission": {"amount": "15.00", "currency": "EUR"},
                        "upgrade": True,
                        "office365_sku": "O365-BUSINESS-PREMIUM",
                    },
                ],
            }
        ),
    )
    code: Code
    name: Text
    manufacturer: Text
    hardware_model: Text
    monthly_price: MoneyIn
    commission: MoneyIn
    warranty_years: Annotated[int, Field(ge=1, le=10)] = 3
    max_warranty_extension_years: Annotated[int, Field(ge=0, le=10)] = 0
    office365_sku: Code = "O365-BUSINESS-ESSENTIALS"
    office365_seats_per_unit: Annotated[int, Field(ge=0, le=100)] = 1
    options: Annotated[list[OptionIn], Field(max_length=50)] = []


class Option(BaseModel):
    code: str
    name: str
    monthly_price: MoneyOut
    commission: MoneyOut | None  # never shown to a customer's key
    upgrade: bool
    office365_sku: str | None = None


class Bundle(BaseModel):
    code: str
    name: str
    manufacturer: str
    hardware_model: str
    monthly_price: MoneyOut
    commission: MoneyOut | None  # partners and staff only: a customer never sees commissions
    warranty_years: int
    max_warranty_extension_years: int
    office365_sku: str
    office365_seats_per_unit: int
    options: list[Option]


class ContractCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        json_schema_extra=examples(
            {
                "customer_id": "c1cf82f6-de85-4a32-947d-be7d3643eade",
                "bundle": "LAPTOP-ESSENTIALS-T14",
                "options": ["DOCK-USB-C"],
                "quantity": 12,
                "term_months": 36,
                "delivery": "customer",
                "customer_country": "DE",
                "customer_vat_id": "DE298417608",
                "billing_email": "buchhaltung@keller-maschinenbau.de",
            }
        ),
    )
    customer_id: uuid.UUID
    bundle: Code
    options: Annotated[list[Code], Field(max_length=50)] = []
    quantity: Annotated[int, Field(ge=1, le=10_000)] = 1
    term_months: Literal[12, 24, 36]
    delivery: Literal["partner", "customer"]
    customer_country: Country | None = None  # sell-out reporting and VAT; default: the partner's country
    # R-BI-6: the end customer is the debtor — its VAT id (an EU business, for reverse charge) and the
    # billing contact its invoices, reminders and the termination / pick-up invoices are mailed to
    customer_vat_id: Annotated[str | None, Field(min_length=4, max_length=20)] = None
    billing_email: EmailStr | None = None


class CreditDecision(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        json_schema_extra=examples(
            {
                "decision": "approved",
                "reason": "Creditreform index 182; three years of filed accounts, no payment defaults.",
            }
        ),
    )
    decision: Literal["approved", "rejected"]
    reason: Annotated[str | None, Field(max_length=2000)] = None


class Signature(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        json_schema_extra=examples({"party": "customer", "signed_by": "Thomas Keller, Managing Director"}),
    )
    party: Literal["distributor", "customer"]
    signed_by: Text


class Extension(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra=examples({"months": 12}))
    months: Annotated[int, Field(ge=1, le=36)]


class Termination(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        json_schema_extra=examples(
            {"reason": "Site in Esslingen closed; the customer returns all twelve laptops."},
            {
                "as_of": "2026-11-30",
                "reason": "Notice received by registered mail on 2026-11-30 (staff only).",
            },
        ),
    )
    as_of: IsoDate | None = None  # staff only (a notice received earlier), never after today
    reason: Annotated[str | None, Field(min_length=1, max_length=2000)] = None


class ExtensionProposal(BaseModel):
    """A partner's proposal (R-WA-7): the end customer accepts it with
    `POST /v1/waas/contracts/{id}/extensions/{extension_id}/accept`."""

    id: uuid.UUID
    contract_id: uuid.UUID
    months: int
    status: ExtensionStatus
    proposed_by: str | None
    proposed_at: datetime | None
    accepted_by: str | None = None
    accepted_at: datetime | None = None


class InstalmentOut(BaseModel):
    n: int
    period_start: date
    period_end: date
    due_date: date  # the monthly billing run (the 1st) that invoices it
    amount: MoneyOut
    invoiced: bool


class Schedule(BaseModel):
    data: list[InstalmentOut]


class ReturnIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        json_schema_extra=examples(
            {
                "method": "pickup",
                "wipe_certificate_id": "DW-2026-118734",
                "wiping_company": "SecureErase Services GmbH",
                "wiped_on": "2026-12-02",
            }
        ),
    )
    method: Literal["self", "pickup"]
    wipe_certificate_id: Text
    wiping_company: Text
    wiped_on: IsoDate | None = None


class HardwareRequestCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        json_schema_extra=examples(
            {
                "customer_id": "c1cf82f6-de85-4a32-947d-be7d3643eade",
                "description": (
                    "Rugged tablets for warehouse staff with a built-in barcode scanner, "
                    "e.g. Dell Latitude 7230 Rugged Extreme, 36 months."
                ),
                "quantity": 12,
            }
        ),
    )
    customer_id: uuid.UUID
    description: Annotated[str, Field(min_length=1, max_length=2000)]
    quantity: Annotated[int, Field(ge=1, le=10_000)]


class HardwareDecision(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        json_schema_extra=examples(
            {
                "decision": "accepted",
                "bundle": {
                    "code": "RUGGED-TABLET-7230",
                    "name": "Rugged Warehouse Tablet",
                    "manufacturer": "Dell",
                    "hardware_model": "Latitude 7230 Rugged Extreme",
                    "monthly_price": {"amount": "89.00", "currency": "EUR"},
                    "commission": {"amount": "150.00", "currency": "EUR"},
                    "warranty_years": 3,
                    "office365_sku": "O365-BUSINESS-ESSENTIALS",
                    "office365_seats_per_unit": 1,
                },
            },
            {
                "decision": "declined",
                "reason": "Dell ends sales of the Latitude 7230 in January 2027; ask for its successor.",
            },
        ),
    )
    decision: Literal["accepted", "declined"]
    reason: Annotated[str | None, Field(max_length=2000)] = None
    bundle: BundleCreate | None = None  # accepted: the bundle that extends the catalog

    @field_validator("reason")
    @classmethod
    def _strip(cls, value: str | None) -> str | None:
        return value or None


class HardwareRequest(BaseModel):
    id: uuid.UUID
    reseller_id: uuid.UUID
    customer_id: uuid.UUID
    description: str
    quantity: int
    status: HardwareRequestStatus
    reason: str | None
    bundle_code: str | None
    decided_at: datetime | None
    created_at: datetime


class Contract(BaseModel):
    id: uuid.UUID
    status: ContractStatus
    reseller_id: uuid.UUID
    customer_id: uuid.UUID
    customer_country: str
    customer_vat_id: str | None = None
    billing_email: str | None = None
    bundle: str
    manufacturer: str
    hardware_model: str
    options: list[dict[str, Any]]
    quantity: int
    term_months: int
    delivery: str
    monthly_total: MoneyOut
    commission: MoneyOut | None = None  # never shown to the customer's key
    office365_sku: str
    office365_seats: int
    credit_check: dict[str, Any] | None
    signatures: dict[str, Any]
    start_date: date | None
    end_date: date | None
    terminated_on: date | None
    termination_fee: MoneyOut | None
    months_remaining: int | None
    termination: dict[str, Any] | None = None  # effective date, who recorded it, the reason
    extensions: list[ExtensionProposal] = []
    return_record: dict[str, Any] | None
    created_at: datetime


class TerminationResult(BaseModel):
    contract: Contract
    fee: MoneyOut
    months_remaining: int


class CommissionOut(BaseModel):
    id: uuid.UUID
    contract_id: uuid.UUID
    reason: Literal["new", "renewal"]
    amount: MoneyOut
    earned_on: date
