"""Tenant scope declared on the model (`libs.tenancy`): what each kind of caller's query selects."""

from __future__ import annotations

import uuid

import pytest
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from libs.auth import Caller
from libs.tenancy import TenantScope, scoped, visible


class Base(DeclarativeBase):
    pass


class Document(Base):
    __tablename__ = "documents"
    __tenant__ = TenantScope(
        reseller="reseller_id",
        customer="customer_id",
        reseller_sees=lambda m: m.kind != "end_customer",
        customer_sees=lambda m: m.kind == "end_customer",
    )
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    reseller_id: Mapped[uuid.UUID]
    customer_id: Mapped[uuid.UUID | None]
    kind: Mapped[str]


class Payment(Base):
    __tablename__ = "payments"
    __tenant__ = TenantScope(reseller="reseller_id")
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    reseller_id: Mapped[uuid.UUID]


class Undeclared(Base):
    __tablename__ = "undeclared"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)


RESELLER = uuid.UUID(int=1)
CUSTOMER = uuid.UUID(int=2)


def where(stmt: sa.Select[tuple[object]]) -> str:
    sql = str(stmt.compile(dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True}))
    return sql.split("WHERE", 1)[1].strip() if "WHERE" in sql else ""


def test_staff_and_internal_calls_see_every_row() -> None:
    assert where(visible(Document, Caller(kind="staff", roles=("admin",)))) == ""
    assert where(visible(Document, Caller(kind="system"))) == ""


def test_a_reseller_sees_its_own_rows_narrowed_as_the_model_declares() -> None:
    sql = where(visible(Document, Caller(kind="reseller", reseller_id=RESELLER)))
    assert f"documents.reseller_id = '{RESELLER}'" in sql and "documents.kind != 'end_customer'" in sql


def test_a_customer_sees_its_own_rows_where_the_model_names_a_customer_column() -> None:
    sql = where(visible(Document, Caller(kind="customer", customer_id=CUSTOMER)))
    assert f"documents.customer_id = '{CUSTOMER}'" in sql and "documents.kind = 'end_customer'" in sql
    assert "reseller_id" not in sql
    # no customer column declared: a customer key sees nothing, rather than everything
    assert where(visible(Payment, Caller(kind="customer", customer_id=CUSTOMER))) == "false"


def test_a_caller_without_a_tenant_sees_nothing() -> None:
    assert where(visible(Document, Caller(kind="reseller"))) == "false"
    assert where(visible(Document, Caller(kind="customer"))) == "false"


def test_scoped_narrows_a_statement_built_already() -> None:
    stmt = sa.select(Payment.id).where(Payment.id == RESELLER)
    sql = where(scoped(stmt, Caller(kind="reseller", reseller_id=CUSTOMER), Payment))
    assert f"payments.id = '{RESELLER}'" in sql and f"payments.reseller_id = '{CUSTOMER}'" in sql


def test_a_model_without_a_declared_scope_is_refused() -> None:
    with pytest.raises(TypeError, match="Undeclared declares no __tenant__"):
        visible(Undeclared, Caller(kind="staff"))
