"""The one place reports' rows become answers: a typed table for JSON, or its CSV — the row model's
columns, in order, every cell safe for spreadsheets (libs.csvsafe)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from libs.csvsafe import to_csv
from services.reports.schemas import Table


def columns(model: type[BaseModel]) -> list[str]:
    return [field.alias or name for name, field in model.model_fields.items()]


def table(rows: list[dict[str, Any]], model: type[BaseModel]) -> Table[Any]:
    return Table[model](data=[model.model_validate(r) for r in rows])  # type: ignore[valid-type]


def csv(rows: list[dict[str, Any]], model: type[BaseModel]) -> str:
    return to_csv(rows, columns(model))
