"""Body fields whose schema is exactly as strict as their check (issue 25: a schema-valid value is
never refused, a refused one is always schema-invalid)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Any

import pytest
from pydantic import BaseModel, ValidationError

from libs.money import MoneyOut, in_currency_of
from libs.params import FractionOfOne, NonNegativeAmount, PercentBelow100, PercentUpTo100, whole_number


class Body(BaseModel):
    limit: NonNegativeAmount | None = None
    below: PercentBelow100 | None = None
    upto: PercentUpTo100 | None = None
    rate: FractionOfOne | None = None


def _schema_accepts(field: str, value: Any) -> bool:
    """What the published schema says of `value` (the two branches pydantic writes for it)."""
    [branch_int, branch_text] = next(
        b for b in Body.model_json_schema()["properties"][field]["anyOf"] if b.get("type") != "null"
    )["anyOf"]
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float) and float(value).is_integer():
        return branch_int["minimum"] <= value <= branch_int["maximum"]
    return isinstance(value, str) and re.search(branch_text["pattern"], value) is not None


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("limit", "50000.00", Decimal("50000.00")),
        ("limit", "50000", Decimal("50000")),
        ("limit", 50000, Decimal("50000")),
        ("limit", 50000.0, Decimal("50000")),
        ("limit", "0.500", Decimal("0.500")),
        ("below", "99.99", Decimal("99.99")),
        ("upto", "100", Decimal("100")),
        ("upto", "100.00", Decimal("100.00")),
        ("rate", "0.0800", Decimal("0.08")),
        ("rate", 1, Decimal("1")),
    ],
)
def test_decimal_text_takes_what_its_schema_allows(field: str, value: Any, expected: Decimal) -> None:
    assert _schema_accepts(field, value)
    assert getattr(Body.model_validate({field: value}), field) == expected


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("limit", "-1"),
        ("limit", 1000.5),  # a binary float cannot carry exact cents
        ("limit", "1000.005"),
        ("limit", "1e3"),
        ("limit", " 1"),
        ("limit", True),
        ("limit", 10**12),
        ("below", "100"),
        ("below", 100),
        ("upto", "100.01"),
        ("upto", "12.345"),
        ("rate", "1.0001"),
        ("rate", "0.00001"),
        ("rate", 2),
    ],
)
def test_decimal_text_refuses_what_its_schema_refuses(field: str, value: Any) -> None:
    assert not _schema_accepts(field, value)
    with pytest.raises(ValidationError):
        Body.model_validate({field: value})


def test_whole_number_takes_integral_floats_and_refuses_text() -> None:
    assert whole_number(3.0) == 3 and whole_number(7) == 7
    for value in ("3", True, 1.5):
        with pytest.raises(ValueError):
            whole_number(value)


def test_a_bare_amount_beside_its_currency_is_shown_as_a_money_object() -> None:
    class Limit(BaseModel):
        currency: str
        limit: Annotated[MoneyOut, in_currency_of("currency")]

    shown = Limit.model_validate({"currency": "EUR", "limit": Decimal("50000.0000")})
    assert shown.model_dump() == {"currency": "EUR", "limit": {"amount": "50000.00", "currency": "EUR"}}
    assert Limit.model_validate({"currency": "JPY", "limit": Decimal("7")}).limit.amount == "7"
