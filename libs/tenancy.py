"""Which rows a caller may see, declared once per model.

A table that belongs to a tenant says so where it is defined:

    class Order(Base):
        __tablename__ = "orders"
        __tenant__ = TenantScope(reseller="reseller_id", customer="customer_id")

and every query a use case starts for a caller goes through `visible(Order, caller)` (or
`scoped(stmt, caller, Order)` for a statement built already): staff (and internal calls) see every
row, a reseller the rows it owns, a customer the rows that are its own — only where the model names
a customer column — and anyone else nothing. A row outside the scope is simply not found: 404, never
403, so ids cannot be probed. Never filter on `caller.reseller_id` by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar, cast

import sqlalchemy as sa

from libs.auth import Caller

M = TypeVar("M")
Condition = Callable[[Any], Any]  # the model class → a SQL condition on its columns


@dataclass(frozen=True)
class TenantScope:
    """`reseller` (and `customer`) name the model's owning columns; `reseller_sees` and
    `customer_sees` narrow what those callers see further (a WaaS invoice is the end customer's,
    not the partner's: R-BI-6), given as functions of the model class so that they can name its
    columns."""

    reseller: str
    customer: str | None = None
    reseller_sees: Condition | None = None
    customer_sees: Condition | None = None


def tenant_scope(model: type[Any]) -> TenantScope:
    scope = getattr(model, "__tenant__", None)
    if not isinstance(scope, TenantScope):
        raise TypeError(f"{model.__name__} declares no __tenant__ = TenantScope(...)")
    return scope


def scoped(stmt: Any, caller: Caller, model: type[Any]) -> Any:
    """`stmt` limited to the rows of `model` the caller may see (see the module's docstring)."""
    scope = tenant_scope(model)
    if caller.is_staff or caller.kind == "system":
        return stmt
    if caller.kind == "reseller" and caller.reseller_id is not None:
        stmt = stmt.where(getattr(model, scope.reseller) == caller.reseller_id)
        return stmt.where(scope.reseller_sees(model)) if scope.reseller_sees else stmt
    if caller.kind == "customer" and caller.customer_id is not None and scope.customer is not None:
        stmt = stmt.where(getattr(model, scope.customer) == caller.customer_id)
        return stmt.where(scope.customer_sees(model)) if scope.customer_sees else stmt
    return stmt.where(sa.false())


def visible(model: type[M], caller: Caller) -> sa.Select[tuple[M]]:
    """`SELECT model` from the caller's tenant."""
    return cast("sa.Select[tuple[M]]", scoped(sa.select(model), caller, model))
