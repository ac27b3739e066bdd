"""Reports' answers (R-PL-3): every report is a table — `{"data": [rows]}` as JSON, or the same
columns as CSV with `Accept: text/csv`. Each row model is the table's one list of columns: the JSON
schema in the OpenAPI document and the CSV header both come from it. Money is an exact decimal
string in the row's `currency`."""

from __future__ import annotations

from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, Field

Row = TypeVar("Row", bound=BaseModel)
Money = str  # "1234.50": exact, two decimals


class Table(BaseModel, Generic[Row]):
    data: list[Row]


class SalesRow(BaseModel):
    reseller_id: str
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
    currency: str
    overdue_invoices: int
    overdue_amount: Money
    oldest_due_date: str


class CommissionRow(BaseModel):
    reseller_id: str
    currency: str
    earned: Money
    paid: Money
    due: Money


class SeatRow(BaseModel):
    subscription_id: str
    reseller_id: str
    customer_id: str
    sku: str
    status: str
    seats: int
    assigned: int
    utilisation: Money = Field(description="assigned / seats, in percent")


class ContractRow(BaseModel):
    period: str = Field(description="YYYY-MM of activation, else of drafting")
    status: str
    contracts: int
    units: int
