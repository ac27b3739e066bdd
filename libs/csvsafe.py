"""CSV cells a spreadsheet will not run (CSV/formula injection): a text cell starting with `=`, `+`,
`-`, `@`, a tab, a carriage return or any other control character is prefixed with `'`, which
spreadsheets show as text. Plain numbers (`-12.50`, `+3`) stay as they are: they are not formulas and
a negative amount must stay a number."""

from __future__ import annotations

import re
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
