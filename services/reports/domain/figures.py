"""How the channel manager's figures are cut (R-PL-3): receivables by days past due, sales by month,
tables as CSV. Exact decimals throughout."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from libs.csvsafe import safe_cell

BUCKETS = ("current", "1-30", "31-60", "61-90", "90+")


def bucket(due_date: date, as_of: date) -> str:
    """Where an open invoice stands on `as_of`: not yet due is current; then by days past due."""
    late = (as_of - due_date).days
    if late <= 0:
        return "current"
    if late <= 30:
        return "1-30"
    if late <= 60:
        return "31-60"
    if late <= 90:
        return "61-90"
    return "90+"


def ageing(items: Iterable[tuple[date, Decimal]], as_of: date) -> dict[str, Decimal]:
    totals = dict.fromkeys(BUCKETS, Decimal("0.00"))
    for due, amount in items:
        totals[bucket(due, as_of)] += amount
    return totals


def month_of(day: date) -> str:
    return day.isoformat()[:7]


def to_csv(rows: Sequence[Mapping[str, Any]], columns: list[str]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: safe_cell(row.get(k)) for k in columns})  # no formulas (libs.csvsafe)
    return out.getvalue()
