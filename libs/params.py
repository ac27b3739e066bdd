"""Typed path parameters shared by every service.

A Python `int` has no upper bound but PostgreSQL's `bigint` does: an integer path id beyond int64
would reach the database and fail there (a 500). Declaring the bound in the parameter makes
FastAPI answer 422 and documents the range in the OpenAPI, so clients and fuzzers know it.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Path

MAX_INT64 = 2**63 - 1

# An integer id in a path (`/failed-events/{failed_id}`): positive and within bigint.
IntId = Annotated[int, Path(ge=1, le=MAX_INT64)]
