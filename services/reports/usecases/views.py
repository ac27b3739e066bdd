"""The one place reports' rows become answers: a typed table for JSON, or its CSV — the row model's
columns, in order, every cell safe for spreadsheets (libs.csvsafe) — and the summary's exact sums as
money objects; a manufacturer's sell-out report (R-WA-9), as JSON or its rows' CSV."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from libs.csvsafe import to_csv
from libs.money import MoneyOut
from services.reports import schemas
from services.reports.domain.sellout import SellOut
from services.reports.schemas import Table
from services.reports.usecases.summary import Figures, Totals


def columns(model: type[BaseModel]) -> list[str]:
    return [field.alias or name for name, field in model.model_fields.items()]


def table(rows: list[dict[str, Any]], model: type[BaseModel]) -> Table[Any]:
    return Table[model](data=[model.model_validate(r) for r in rows])  # type: ignore[valid-type]


def csv(rows: list[dict[str, Any]], model: type[BaseModel]) -> str:
    return to_csv(rows, columns(model))


def _money(totals: Totals) -> list[MoneyOut]:
    return [MoneyOut.of(amount, currency) for currency, amount in sorted(totals.items())]


def summary(f: Figures) -> schemas.Summary:
    return schemas.Summary(
        as_of=f.as_of,
        reseller_id=f.reseller_id,
        sales=schemas.SalesFigures(
            period=f.period,
            previous_period=f.previous_period,
            net=_money(f.net),
            previous_net=_money(f.previous_net),
        ),
        receivables=schemas.ReceivableFigures(
            open=_money(f.open), overdue=_money(f.overdue), overdue_resellers=f.overdue_resellers
        ),
        resellers=schemas.StandingCounts.model_validate(f.standings),
        waas_contracts=schemas.ContractFigures(active=f.active_contracts, units=f.leased_units),
        seats=schemas.SeatFigures.model_validate(f.seats),
    )


def sell_out(report: SellOut) -> schemas.SellOutReport:
    return schemas.SellOutReport(
        manufacturer=report.manufacturer,
        period=report.period,
        frozen=report.frozen,
        units=report.units,
        rows=[schemas.SellOutRow.model_validate(line.model_dump()) for line in report.lines],
    )


def sell_out_csv(report: SellOut) -> str:
    return csv([line.model_dump(mode="json") for line in report.lines], schemas.SellOutRow)
