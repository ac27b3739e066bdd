"""Whose figures a caller sees (R-PL-3): staff every reseller's (or the one asked for), a reseller
only its own, a customer none. The reports' read models are fed by events of every tenant, so each
query starts from this condition on its table's reseller column."""

from __future__ import annotations

import uuid
from typing import Any

import sqlalchemy as sa

from libs.auth import Caller, require_reseller_access
from libs.errors import NotFound


def scope(caller: Caller, reseller_id: uuid.UUID | None, column: Any) -> Any:
    """The rows the caller may see: staff all (or the reseller asked for), a reseller its own (another
    reseller's id is a 404, as everywhere)."""
    if reseller_id is not None:
        require_reseller_access(caller, reseller_id)
        return column == reseller_id
    if caller.is_staff:
        return sa.true()
    if caller.reseller_id is None:  # a customer's key: no reseller's figures
        raise NotFound("no such reseller")
    require_reseller_access(caller, caller.reseller_id)
    return column == caller.reseller_id
