"""Reports' answers (R-PL-3): every report is a table — `{"data": [rows]}` as JSON, or the same
columns as CSV with `Accept: text/csv`. Each row model is the table's one list of columns: the JSON
schema in the OpenAPI document and the CSV header both come from it. Money is an exact decimal
string in the row's `currency`; the summary's figures are the house money object
(`{"amount", "currency"}`), one per currency. Rows that belong to a reseller carry its name beside
its id (the id when the reseller's events have not reached the reports yet)."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, Field

from libs.events.onboarding import ResellerStatus, Standing
from libs.money import MoneyOut

Row = TypeVar("Row", bound=BaseModel)
Money = str  # "1234.50": exact, two decimals


class Table(BaseModel, Generic[Row]):
    data: list[Row]


class SalesRow(BaseModel):
    reseller_id: str
    reseller_name: str = Field(description="the reseller's company name")
    product: str
    period: str = Field(description="YYYY-MM")
    currency: str
    quantity: int
    net: Money


class AgingRow(BaseModel):
    group: Literal["partner", "waas"] = Field(
        description="partner invoices, or end customers' WaaS instalments"
    )
    reseller_id: str
    reseller_name: str = Field(description="the reseller's company name")
    currency: str
    current: Money
    d1_30: Money = Field(alias="1-30")
    d31_60: Money = Field(alias="31-60")
    d61_90: Money = Field(alias="61-90")
    d90_plus: Money = Field(alias="90+")
    total: Money

    model_config = {"populate_by_name": True, "serialize_by_alias": True}


class OverdueRow(BaseModel):
    reseller_id: str
    reseller_name: str = Field(description="the reseller's company name")
    currency: str
    overdue_invoices: int
    overdue_amount: Money
    oldest_due_date: str
    days_overdue: int = Field(description="days the oldest of them is past due on `as_of`")


class CommissionRow(BaseModel):
    reseller_id: str
    reseller_name: str = Field(description="the reseller's company name")
    currency: str
    earned: Money
    paid: Money
    due: Money


class SeatRow(BaseModel):
    subscription_id: str
    reseller_id: str
    reseller_name: str = Field(description="the reseller's company name")
    customer_id: str
    sku: str
    status: str
    seats: int
    assigned: int = Field(description="activated seats and pending invitations")
    active: int = Field(description="of the assigned: activated, in use")
    free: int = Field(description="seats not assigned")
    utilisation: Money = Field(description="assigned / seats, in percent")


class ContractRow(BaseModel):
    period: str = Field(description="YYYY-MM of activation, else of drafting")
    status: str
    contracts: int
    units: int


class ResellerRow(BaseModel):
    reseller_id: str
    company_name: str
    status: ResellerStatus
    standing: Standing


class ManufacturerRow(BaseModel):
    manufacturer: str
    period: str = Field(description="YYYY-MM the leases started")
    currency: str
    contracts: int
    units: int
    monthly_total: Money = Field(description="the leases' monthly instalments together")


class SellOutRow(BaseModel):
    contract_id: uuid.UUID
    bundle: str
    hardware_model: str
    units: int = Field(description="devices leased under the contract")
    partner_id: uuid.UUID = Field(description="the reseller who sold it")
    partner_country: str = Field(description="the partner's country when the contract was drafted")
    customer_country: str = Field(description="the end customer's (default: the partner's)")
    leased_on: date = Field(description="the day the lease started")


class SellOutReport(BaseModel):
    """One manufacturer's sell-out in a month (R-WA-9): every WaaS contract whose lease started in it.
    `frozen`: the monthly job made it final (on the 1st of the month after); until then it is
    computed from the contracts as they stand."""

    manufacturer: str
    period: str = Field(description="YYYY-MM")
    frozen: bool
    units: int = Field(description="the rows' units together")
    rows: list[SellOutRow]


class SalesFigures(BaseModel):
    period: str = Field(description="YYYY-MM")
    previous_period: str = Field(description="the month before `period`")
    net: list[MoneyOut] = Field(description="net sales in `period`, one per currency")
    previous_net: list[MoneyOut] = Field(description="net sales in `previous_period`")


class ReceivableFigures(BaseModel):
    open: list[MoneyOut] = Field(description="everything owed on `as_of`, interest included")
    overdue: list[MoneyOut] = Field(description="of it, past its due date on `as_of`")
    overdue_resellers: int = Field(description="resellers with a partner invoice past due")


class StandingCounts(BaseModel):
    new: int
    established: int
    prepay_required: int


class ContractFigures(BaseModel):
    active: int = Field(description="WaaS contracts active (signed by both parties)")
    units: int = Field(description="devices leased under them")


class SeatFigures(BaseModel):
    """Seats of subscriptions in force (active or trial)."""

    purchased: int
    assigned: int = Field(description="activated seats and pending invitations")
    used: int = Field(description="of the assigned: activated")
    free: int = Field(description="purchased, not assigned")


class Summary(BaseModel):
    """The dashboard's tiles: what was sold in a month against the month before, what was owed on a
    day, resellers by standing, WaaS contracts in force and seats — for every reseller (staff) or
    one (staff with `reseller_id`, or a reseller itself)."""

    as_of: date
    reseller_id: uuid.UUID | None = Field(description="the reseller the figures are for; null: all")
    sales: SalesFigures
    receivables: ReceivableFigures
    resellers: StandingCounts
    waas_contracts: ContractFigures
    seats: SeatFigures
