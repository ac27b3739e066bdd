"""Ordering's request and response models. Customer-facing shapes carry no price field (R-OR-8)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field, model_validator

from libs.events.ordering import SubscriptionStatus
from libs.jsonschema import examples
from libs.money import MoneyIn, MoneyOut
from libs.params import IsoDate
from services.ordering.domain.order_states import OrderStatus
from services.ordering.domain.subscription_states import ChargeStatus

Code = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
Name = Annotated[str, Field(min_length=1, max_length=200)]
BillingPlan = Literal["perpetual", "monthly", "yearly"]


class ProductCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        json_schema_extra=examples(
            {
                "code": "axcrypt-business",
                "name": "AxCrypt Business",
                "family": "axcrypt",
                "team_customers_allowed": True,
            }
        ),
    )
    code: Code
    name: Name
    family: Code | None = Field(None, description="product family for transfer tokens; defaults to the code")
    team_customers_allowed: bool = False


class Product(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: uuid.UUID
    code: str
    name: str
    family: str
    team_customers_allowed: bool
    created_at: datetime


class SkuCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        json_schema_extra=examples(
            {
                "sku": "TOTAL-NET-DEV-1Y",
                "product": "total-net",
                "name": "Total for .NET, developer licence, 1 year",
                "billing_plan": "yearly",
                "prices": [
                    {"amount": "1499.00", "currency": "EUR"},
                    {"amount": "1649.00", "currency": "USD"},
                ],
                "seat_based": False,
                "effective_from": "2026-12-01",
            }
        ),
    )
    sku: Code
    product: Code
    name: Name
    billing_plan: BillingPlan
    prices: Annotated[list[MoneyIn], Field(min_length=1, max_length=50)]
    seat_based: bool = False
    effective_from: IsoDate | None = None

    @model_validator(mode="after")
    def _one_price_per_currency(self) -> SkuCreate:
        currencies = [p.currency for p in self.prices]
        if len(set(currencies)) != len(currencies):
            raise ValueError("one price per currency")
        if any(p.amount < 0 or p.amount > 10**9 for p in self.prices):
            raise ValueError("prices must be between 0 and 1,000,000,000")
        return self


class PriceCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra=examples(
            {"amount": {"amount": "1549.00", "currency": "EUR"}, "effective_from": "2026-12-01"}
        ),
    )
    amount: MoneyIn
    effective_from: IsoDate


class SkuForCustomer(BaseModel):
    """A SKU as a customer sees it: no price at all (R-OR-8)."""

    id: uuid.UUID
    sku: str
    product: str
    name: str
    billing_plan: BillingPlan
    seat_based: bool


class Sku(SkuForCustomer):
    msrp: list[MoneyOut]
    partner_price: list[MoneyOut] | None = Field(
        None, description="MSRP minus the calling reseller's discount (R-OR-2); only for reseller callers"
    )
    discount_percent: str | None = None


class ShipTo(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    name: Name
    email: EmailStr
    domain: Annotated[str | None, Field(max_length=253)] = None
    address: Annotated[str | None, Field(max_length=1000)] = None


class OrderLineCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    sku: Code
    quantity: Annotated[int, Field(ge=1, le=100_000)]


class OrderCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra=examples(
            {
                "customer_id": "3f6c2a9e-8d41-4b7a-9c15-6e2d0b8f4a71",
                "currency": "EUR",
                "payment_method": "bank_transfer",
                "lines": [{"sku": "TOTAL-NET-DEV-1Y", "quantity": 3}],
            },
            {
                "ship_to": {
                    "name": "Keller Maschinenbau GmbH",
                    "email": "einkauf@keller-maschinenbau.de",
                    "domain": "keller-maschinenbau.de",
                    "address": "Industriestrasse 7, 70565 Stuttgart, Germany",
                },
                "currency": "EUR",
                "payment_method": "card",
                "lines": [{"sku": "TOTAL-NET-DEV-1Y", "quantity": 1}],
            },
        ),
    )
    customer_id: uuid.UUID | None = None
    ship_to: ShipTo | None = None
    currency: Annotated[str, Field(min_length=3, max_length=3)]
    payment_method: Literal["bank_transfer", "card"]
    lines: Annotated[list[OrderLineCreate], Field(min_length=1, max_length=100)]

    @model_validator(mode="after")
    def _ship_to(self) -> OrderCreate:
        if (self.customer_id is None) == (self.ship_to is None):
            raise ValueError("give either customer_id (an existing customer) or ship_to (a new one)")
        return self


class OrderLine(BaseModel):
    sku: str
    product: str
    quantity: int
    unit_msrp: MoneyOut
    discount_percent: str
    unit_price: MoneyOut
    net: MoneyOut
    tax: MoneyOut
    total: MoneyOut


class TaxInfo(BaseModel):
    regime: Literal["us_sales_tax", "eu_vat", "eu_reverse_charge", "none"]
    rate: str
    note: str | None


class OrderLineForCustomer(BaseModel):
    sku: str
    product: str
    quantity: int


# what a released order still waits for before its licenses are issued (R-CU-6)
WaitingFor = Annotated[
    Literal["terms_acceptance"] | None,
    Field(description="`terms_acceptance`: the customer must accept the terms of service first (R-CU-6)"),
]


class OrderForCustomer(BaseModel):
    """An order as its customer sees it: id, SKUs, status — never a price (R-OR-8)."""

    id: uuid.UUID
    status: OrderStatus
    customer_id: uuid.UUID | None
    lines: list[OrderLineForCustomer]
    placed_on: date
    created_at: datetime
    waiting_for: WaitingFor = None


class Order(BaseModel):
    id: uuid.UUID
    status: OrderStatus
    reseller_id: uuid.UUID
    customer_id: uuid.UUID | None
    ship_to: ShipTo | None
    currency: str
    payment_method: str
    payment_requirement: Literal["prepay", "on_account"]
    lines: list[OrderLine]
    net_total: MoneyOut
    tax_total: MoneyOut
    total: MoneyOut
    tax: TaxInfo
    placed_on: date
    created_at: datetime
    waiting_for: WaitingFor = None


class Handover(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra=examples(
            {"note": "Licence keys handed to the customer's IT lead on 2026-11-24; they install them."}
        ),
    )
    note: Annotated[str | None, Field(max_length=2000)] = None


class OrderCancel(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        json_schema_extra=examples(
            {"reason": "The customer ordered the wrong edition; a new order for the team edition follows."}
        ),
    )
    reason: Annotated[str, Field(min_length=1, max_length=2000)]


# --- seat subscriptions (R-OR-6, R-OR-7, R-OR-10) -------------------------------------

Seats = Annotated[int, Field(ge=1, le=100_000)]


class SubscriptionCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra=examples(
            {
                "customer_id": "3f6c2a9e-8d41-4b7a-9c15-6e2d0b8f4a71",
                "sku": "AXCRYPT-BIZ-SEAT-1Y",
                "seats": 25,
                "term_months": 12,
                "currency": "EUR",
            }
        ),
    )
    customer_id: uuid.UUID
    sku: Code
    seats: Seats
    term_months: Literal[1, 12]
    trial: bool = False
    currency: Annotated[str | None, Field(min_length=3, max_length=3)] = Field(
        None, description="defaults to the reseller's billing currency"
    )


class SeatsAdd(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra=examples({"add": 5, "as_of": "2026-11-16"}))
    add: Seats
    as_of: IsoDate | None = Field(None, description="the purchase date; defaults to today")


class SeatQuote(BaseModel):
    """What `add` extra seats cost for the rest of the period (R-OR-7)."""

    seats: int
    as_of: date
    months_charged: int = Field(
        description="months left in the period (a started month counts whole), plus terms already renewed"
    )
    unit_price: MoneyOut = Field(description="partner price per seat per month, for information (rounded)")
    term_price: MoneyOut = Field(description="partner price per seat for a whole term")
    price_per_seat: MoneyOut = Field(
        description="term_price x months_charged / term_months, rounded half-up: what each seat costs"
    )
    total: MoneyOut = Field(description="price_per_seat x seats")


class SubscriptionCharge(BaseModel):
    """How a period or a seat purchase is paid (R-ON-3/6): prepaid ones wait for the payment
    (`pending_payment`) before what they pay for is usable; on-account ones are `released` at once
    and use the credit line until paid. Billing invoices it under this id."""

    id: uuid.UUID
    payment_requirement: Literal["prepay", "on_account"]
    status: ChargeStatus
    paid_on: date | None


class SubscriptionPeriod(BaseModel):
    number: int
    kind: Literal["initial", "trial", "renewal", "conversion"]
    start: date
    end: date
    seats: int
    net: MoneyOut
    tax: MoneyOut
    total: MoneyOut
    charge: SubscriptionCharge | None = Field(description="null for a free trial")


class SeatPurchase(BaseModel):
    added: int
    as_of: date
    months_charged: int
    unit_price: MoneyOut = Field(description="per seat per month, for information")
    price_per_seat: MoneyOut | None = Field(description="per seat for the months charged; net = this x added")
    date_corrected_by: str | None = Field(description="staff who dated the purchase other than its day")
    net: MoneyOut
    tax: MoneyOut
    total: MoneyOut
    charge: SubscriptionCharge | None = Field(description="null for a free trial's seats")


class SubscriptionForCustomer(BaseModel):
    """A subscription as its customer sees it: seats and dates, never a price (R-OR-8)."""

    id: uuid.UUID
    customer_id: uuid.UUID
    sku: str
    product: str
    seats: int
    term_months: int
    status: SubscriptionStatus = Field(
        description="pending_payment: created (or converted) under prepay, usable once paid"
    )
    trial: bool
    period_start: date
    period_end: date = Field(description="exclusive: the first day after the period")
    created_at: datetime


class Subscription(SubscriptionForCustomer):
    reseller_id: uuid.UUID
    seats_pending_payment: int = Field(
        description="of `seats`, bought under prepay and not paid yet: usable once paid (R-ON-3)"
    )
    converted_on: date | None
    currency: str
    unit_msrp: MoneyOut = Field(description="MSRP per seat per term when the subscription was created")
    discount_percent: str
    unit_price: MoneyOut = Field(description="partner price per seat per term, kept for the subscription")
    periods: list[SubscriptionPeriod]
    seat_purchases: list[SeatPurchase]


class OrderEligibility(BaseModel):
    """Whether ordering would accept an order from the caller now (as ordering knows the reseller)."""

    eligible: bool
    reason: str | None = Field(None, description="problem code an order would get, e.g. policy-not-accepted")
    detail: str | None = None
    standing: str | None = None
    discount_percent: str | None = None
