"""/v1/reports/* — what a channel manager asks (R-PL-3), JSON by default, CSV with `Accept: text/csv`
(the summary: JSON only). Staff see every reseller (or one: `reseller_id=`); a reseller sees its own
numbers; a customer none — except the manufacturers' sell-out reports, staff's alone. Days and
months default to the service's clock."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from pydantic import BaseModel

from libs.auth import CurrentCaller, Staff
from libs.errors import NotFound, problem_responses
from libs.params import IsoDate
from libs.service import CurrentClock, UoW
from services.reports import schemas
from services.reports.domain.figures import month_of
from services.reports.domain.periods import PERIOD_PATTERN
from services.reports.usecases import queries, resellers, sellout, summary, views

router = APIRouter(prefix="/v1/reports", tags=["reports"])
ResellerFilter = Annotated[uuid.UUID | None, Query(description="staff: one reseller")]
Currency = Annotated[str | None, Query(pattern=r"^[A-Z]{3}$")]
Period = Annotated[str | None, Query(pattern=PERIOD_PATTERN, description="YYYY-MM; default: this month")]
From = Annotated[IsoDate | None, Query(alias="from")]
To = Annotated[IsoDate | None, Query(alias="to")]
Manufacturer = Annotated[str, Query(min_length=1, max_length=100)]
Month = Annotated[str, Query(pattern=PERIOD_PATTERN, description="YYYY-MM")]
AS_CSV: dict[int | str, dict[str, Any]] = {200: {"content": {"text/csv": {"schema": {"type": "string"}}}}}
CSV = {**AS_CSV, **problem_responses(NotFound)}


def _wants_csv(request: Request) -> bool:
    return "text/csv" in (request.headers.get("accept") or "")


def _answer(request: Request, rows: list[dict[str, Any]], model: type[BaseModel]) -> Any:
    """The table as JSON, or as CSV when the caller asks for `text/csv`."""
    if _wants_csv(request):
        return Response(views.csv(rows, model), media_type="text/csv")
    return views.table(rows, model)


@router.get(
    "/summary",
    name="reports-summary",
    response_model=schemas.Summary,
    responses=problem_responses(NotFound),
)
async def summary_of(
    uow: UoW,
    caller: CurrentCaller,
    clock: CurrentClock,
    reseller_id: ResellerFilter = None,
    period: Period = None,
    as_of: IsoDate | None = None,
) -> Any:
    """The dashboard's tiles: net sales in `period` and the month before (per currency), what was
    owed on `as_of` (default today) and how much of it past due, resellers by standing, active WaaS
    contracts, and seats purchased, assigned, used and free. The same figures as the tables, added up."""
    today = clock.today()
    figures = await summary.summary(
        uow.session, caller, reseller_id=reseller_id, period=period or month_of(today), as_of=as_of or today
    )
    return views.summary(figures)


@router.get(
    "/resellers",
    name="reports-resellers",
    response_model=schemas.Table[schemas.ResellerRow],
    responses=CSV,
)
async def resellers_list(
    request: Request, uow: UoW, caller: CurrentCaller, reseller_id: ResellerFilter = None
) -> Any:
    """The resellers the caller sees, by name, with their status and standing (R-ON-4)."""
    rows = await resellers.listed(uow.session, caller, reseller_id=reseller_id)
    return _answer(request, rows, schemas.ResellerRow)


@router.get(
    "/sales",
    name="reports-sales",
    response_model=schemas.Table[schemas.SalesRow],
    responses=CSV,
)
async def sales(
    request: Request,
    uow: UoW,
    caller: CurrentCaller,
    reseller_id: ResellerFilter = None,
    start: From = None,
    end: To = None,
    currency: Currency = None,
) -> Any:
    """Net sales (partner prices) by reseller, product and month; orders and subscription charges."""
    rows = await queries.sales(
        uow.session, caller, reseller_id=reseller_id, start=start, end=end, currency=currency
    )
    return _answer(request, rows, schemas.SalesRow)


@router.get(
    "/receivables-aging",
    name="reports-receivables-aging",
    response_model=schemas.Table[schemas.AgingRow],
    responses=CSV,
)
async def receivables_aging(
    request: Request,
    uow: UoW,
    caller: CurrentCaller,
    clock: CurrentClock,
    reseller_id: ResellerFilter = None,
    as_of: IsoDate | None = None,
    currency: Currency = None,
) -> Any:
    """What was owed on `as_of` (default today; any past day is rebuilt from billing's history,
    interest included as of that day) by days past due: current, 1-30, 31-60, 61-90, 90+. Partner
    invoices per reseller (`group` partner); staff also see the end customers' WaaS instalments
    (`group` waas)."""
    rows = await queries.receivables_aging(
        uow.session, caller, reseller_id=reseller_id, as_of=as_of or clock.today(), currency=currency
    )
    return _answer(request, rows, schemas.AgingRow)


@router.get(
    "/overdue-resellers",
    name="reports-overdue-resellers",
    response_model=schemas.Table[schemas.OverdueRow],
    responses=CSV,
)
async def overdue_resellers(
    request: Request,
    uow: UoW,
    caller: CurrentCaller,
    clock: CurrentClock,
    reseller_id: ResellerFilter = None,
    as_of: IsoDate | None = None,
) -> Any:
    """Resellers with invoices past due on `as_of` (default today), with what they owed that day."""
    rows = await queries.overdue_resellers(
        uow.session, caller, reseller_id=reseller_id, as_of=as_of or clock.today()
    )
    return _answer(request, rows, schemas.OverdueRow)


@router.get(
    "/commissions",
    name="reports-commissions",
    response_model=schemas.Table[schemas.CommissionRow],
    responses=CSV,
)
async def commissions(
    request: Request, uow: UoW, caller: CurrentCaller, reseller_id: ResellerFilter = None
) -> Any:
    """WaaS commissions earned, paid out on statements, and still due (R-WA-4, R-BI-7)."""
    rows = await queries.commissions(uow.session, caller, reseller_id=reseller_id)
    return _answer(request, rows, schemas.CommissionRow)


@router.get(
    "/seat-utilisation",
    name="reports-seat-utilisation",
    response_model=schemas.Table[schemas.SeatRow],
    responses=CSV,
)
async def seat_utilisation(
    request: Request, uow: UoW, caller: CurrentCaller, reseller_id: ResellerFilter = None
) -> Any:
    rows = await queries.seat_utilisation(uow.session, caller, reseller_id=reseller_id)
    return _answer(request, rows, schemas.SeatRow)


@router.get(
    "/waas-contracts",
    name="reports-waas-contracts",
    response_model=schemas.Table[schemas.ContractRow],
    responses=CSV,
)
async def waas_contracts(
    request: Request, uow: UoW, caller: CurrentCaller, reseller_id: ResellerFilter = None
) -> Any:
    """WaaS contracts by month (of activation, else of drafting) and state."""
    rows = await queries.waas_contracts(uow.session, caller, reseller_id=reseller_id)
    return _answer(request, rows, schemas.ContractRow)


@router.get(
    "/manufacturers",
    name="reports-manufacturers",
    response_model=schemas.Table[schemas.ManufacturerRow],
    responses=CSV,
)
async def manufacturers(
    request: Request,
    uow: UoW,
    caller: CurrentCaller,
    reseller_id: ResellerFilter = None,
    start: From = None,
    end: To = None,
) -> Any:
    """Sell-out per manufacturer (R-WA-9): WaaS contracts and units by the month their lease started,
    with their monthly instalments; the manufacturer's own report is `/v1/reports/sell-out`."""
    rows = await queries.manufacturers(uow.session, caller, reseller_id=reseller_id, start=start, end=end)
    return _answer(request, rows, schemas.ManufacturerRow)


@router.get(
    "/sell-out",
    name="reports-sell-out",
    response_model=schemas.SellOutReport,
    responses=AS_CSV,
)
async def sell_out(
    request: Request, uow: UoW, _staff: Staff, manufacturer: Manufacturer, period: Month
) -> Any:
    """R-WA-9 (staff): every unit leased in the month for one manufacturer, with the partner's and the
    end customer's country; JSON, or CSV with `Accept: text/csv`. The `sell-out-reports` job freezes
    last month's report on the 1st (`frozen`); until then it follows leasing's contract events."""
    report = await sellout.report(uow.session, manufacturer, period)
    if _wants_csv(request):
        return Response(views.sell_out_csv(report), media_type="text/csv")
    return views.sell_out(report)
