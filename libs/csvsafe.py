"""CSV cells a spreadsheet will not run (CSV/formula injection): a text cell starting with `=`, `+`,
`-`, `@`, a tab, a carriage return or any other control character is prefixed with `'`, which
spreadsheets show as text. Plain numbers (`-12.50`, `+3`) stay as they are: they are not formulas and
a negative amount must stay a number."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping, Sequence
from typing import Any

_NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")
_DANGEROUS_START = ("=", "+", "-", "@")


def safe_cell(value: Any) -> Any:
    if not isinstance(value, str) or not value:
        return value
    first = value[0]
    if (first in _DANGEROUS_START or ord(first) < 0x20 or ord(first) == 0x7F) and not _NUMBER.fullmatch(
        value
    ):
        return "'" + value
    return value


def to_csv(rows: Sequence[Mapping[str, Any]], columns: Sequence[str]) -> str:
    """The rows as CSV with a header, every cell made safe for spreadsheets (`safe_cell`)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: safe_cell(row.get(k)) for k in columns})
    return out.getvalue()
