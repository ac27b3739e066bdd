"""Typed path parameters shared by every service.

A Python `int` has no upper bound but PostgreSQL's `bigint` does: an integer path id beyond int64
would reach the database and fail there (a 500). Declaring the bound in the parameter makes
FastAPI answer 422 and documents the range in the OpenAPI, so clients and fuzzers know it.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any

from fastapi import Path
from pydantic import AwareDatetime, BeforeValidator

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
