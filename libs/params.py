"""Typed path parameters and body fields shared by every service.

A Python `int` has no upper bound but PostgreSQL's `bigint` does: an integer path id beyond int64
would reach the database and fail there (a 500). Declaring the bound in the parameter makes
FastAPI answer 422 and documents the range in the OpenAPI, so clients and fuzzers know it.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any

from fastapi import Path
from pydantic import AwareDatetime, BeforeValidator, WithJsonSchema

MAX_INT64 = 2**63 - 1

# An integer id in a path (`/failed-events/{failed_id}`): positive and within bigint.
IntId = Annotated[int, Path(ge=1, le=MAX_INT64)]


# Dates and timestamps as the document says (`format: date` / `date-time`): ISO 8601 text only.
# pydantic's lax mode would also take a number (seconds since 1970) for either, which no schema
# allows, so a client's `as_of=0` is refused instead of meaning 1 January 1970.
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _iso_date(value: Any) -> Any:
    if isinstance(value, date) or (isinstance(value, str) and _ISO_DATE.fullmatch(value)):
        return value
    raise ValueError("a date is ISO 8601 text: YYYY-MM-DD")


def _iso_datetime(value: Any) -> Any:
    if isinstance(value, datetime) or (isinstance(value, str) and _ISO_DATE.match(value)):
        return value
    raise ValueError("a timestamp is ISO 8601 text with its offset: YYYY-MM-DDThh:mm:ssZ")


IsoDate = Annotated[date, BeforeValidator(_iso_date)]
IsoDateTime = Annotated[AwareDatetime, BeforeValidator(_iso_datetime)]


def whole_number(value: Any) -> Any:
    """A count in a request body exactly as `type: integer` says — 3 and 3.0, never "3" or true:
    `Annotated[int, Field(ge=0, le=10), BeforeValidator(whole_number)]` (the bounds first, so the
    schema shows them as minimum and maximum)."""
    # JSON Schema's `integer` is a number with no fraction, so 798.0 is one; pydantic's strict int
    # refuses it and its lax int would also take the text "798", which the schema does not allow
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError("a whole number is expected")
    return value


# Decimals in a request body (a percentage, a rate, an amount whose currency the record already
# has) as decimal text or a whole number, never a binary float — and with a schema exactly as
# strict as the check: the same pattern is what the validator matches, so a schema-valid value is
# never refused and a refused one is always schema-invalid (pydantic's own `max_digits` and
# `decimal_places` are left out of its schema, which then says `anyOf: [number, string]`).
def decimal_text(pattern: str, maximum: int, example: str) -> Any:
    """`Annotated[Decimal, …]` taking text matching `pattern` (anchored) or a whole number in
    0…`maximum` (3.0 is the whole number 3, as JSON Schema's `integer` says)."""
    compiled = re.compile(pattern)

    def parse(value: Any) -> Decimal:
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= maximum:
            return Decimal(value)
        if isinstance(value, str) and compiled.fullmatch(value):
            return Decimal(value)
        raise ValueError(f'expected decimal text like "{example}" or a whole number from 0 to {maximum}')

    schema = {
        "anyOf": [
            {"type": "integer", "minimum": 0, "maximum": maximum},
            {"type": "string", "pattern": f"^{pattern}$"},
        ],
        "examples": [example],
    }
    return Annotated[Decimal, BeforeValidator(parse), WithJsonSchema(schema)]


# at least 0, at most 12 digits before the point and 2 after (trailing zeros are the same amount)
NonNegativeAmount = decimal_text(r"[0-9]{1,12}(\.[0-9]{0,2}0*)?", 10**12 - 1, "50000.00")
# a percentage from 0 up to (not including) 100, two decimals
PercentBelow100 = decimal_text(r"[0-9]{1,2}(\.[0-9]{0,2}0*)?", 99, "12.50")
# a percentage from 0 to 100 included, two decimals
PercentUpTo100 = decimal_text(r"(100(\.0*)?|[0-9]{1,2}(\.[0-9]{0,2}0*)?)", 100, "12.50")
# a rate per year as a fraction from 0 to 1, four decimals (0.08 is 8 %)
FractionOfOne = decimal_text(r"(1(\.0*)?|0(\.[0-9]{0,4}0*)?)", 1, "0.0800")
