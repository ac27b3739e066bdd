"""Money: exact Decimal amounts in an ISO 4217 currency, rounded half-up to its minor unit.

The currency's minor unit (EUR 2, JPY 0, BHD 3) comes from Babel's CLDR data, so no
table of ours can drift from the standard.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from babel.numbers import get_currency_precision, list_currencies


class InvalidMoney(ValueError):
    """An amount or currency that is not valid money."""


@lru_cache(maxsize=1)
def _known_currencies() -> frozenset[str]:
    return frozenset(list_currencies())


def check_currency(code: str) -> str:
    if not isinstance(code, str) or code.upper() != code or code not in _known_currencies():
        raise InvalidMoney(f"{code!r} is not an ISO 4217 currency code")
    return code


@lru_cache(maxsize=512)
def minor_unit_exponent(currency: str) -> Decimal:
    """Decimal('0.01') for EUR, Decimal('1') for JPY."""
    digits = get_currency_precision(check_currency(currency))
    return Decimal(1).scaleb(-digits)


def round_half_up(amount: Decimal, currency: str) -> Decimal:
    return amount.quantize(minor_unit_exponent(currency), rounding=ROUND_HALF_UP)


def to_decimal(value: Any) -> Decimal:
    """Parse a wire amount. Floats are refused: they cannot carry exact cents."""
    if isinstance(value, float):
        raise InvalidMoney("amounts must be decimal strings, not floats")
    try:
        result = Decimal(str(value))
    except (InvalidOperation, ValueError) as exc:
        raise InvalidMoney(f"{value!r} is not a decimal amount") from exc
    if not result.is_finite():
        raise InvalidMoney(f"{value!r} is not a finite amount")
    return result


@dataclass(frozen=True, slots=True)
class Money:
    amount: Decimal
    currency: str

    def __post_init__(self) -> None:
        check_currency(self.currency)
        if not isinstance(self.amount, Decimal):
            object.__setattr__(self, "amount", to_decimal(self.amount))

    @classmethod
    def of(cls, amount: Any, currency: str) -> Money:
        return cls(round_half_up(to_decimal(amount), currency), currency)

    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls.of(0, currency)

    def rounded(self) -> Money:
        return Money(round_half_up(self.amount, self.currency), self.currency)

    def _same(self, other: Money) -> None:
        if other.currency != self.currency:
            raise InvalidMoney(f"cannot combine {self.currency} with {other.currency}")

    def __add__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.amount - other.amount, self.currency)

    def times(self, factor: Decimal | int) -> Money:
        """Multiply, rounding half-up to the minor unit."""
        return Money(round_half_up(self.amount * Decimal(factor), self.currency), self.currency)

    def to_wire(self) -> dict[str, str]:
        return {"amount": str(round_half_up(self.amount, self.currency)), "currency": self.currency}


# --- the wire shape: {"amount": "1349.10", "currency": "EUR"} ---------------------------

from pydantic import (  # noqa: E402
    BaseModel,
    BeforeValidator,
    ConfigDict,
    ValidationInfo,
    field_validator,
    model_validator,
)


class MoneyOut(BaseModel):
    amount: str
    currency: str

    @classmethod
    def of(cls, amount: Decimal, currency: str) -> MoneyOut:
        return cls(amount=str(round_half_up(amount, currency)), currency=currency)


def in_currency_of(currency_field: str) -> Any:
    """A response field shown as a money object although the record keeps a bare amount beside
    its currency (a reseller's `credit_limit` and `credit_currency`):
    `credit_limit: Annotated[MoneyOut, in_currency_of("credit_currency")]`, declared after the
    currency field (pydantic validates fields in order, so its value is known by then)."""

    def to_money(value: Any, info: ValidationInfo) -> Any:
        if isinstance(value, Decimal | int):
            return MoneyOut.of(Decimal(value), info.data[currency_field])
        return value

    return BeforeValidator(to_money)


# A wire amount: an integer, or a decimal string without exponent, sign "+" or spaces; at most
# 12 digits before the point (amounts are stored as numeric(18, 4), and sums need room).
MAX_WHOLE_DIGITS = 12
AMOUNT_PATTERN = r"^-?[0-9]{1,12}(\.[0-9]+)?$"
_AMOUNT = re.compile(AMOUNT_PATTERN)


def _amount_schema(places: int | None) -> dict[str, Any]:
    """The amount's JSON schema; with `places`, only amounts in that many minor-unit digits
    (trailing zeros beyond them are the same amount)."""
    pattern = AMOUNT_PATTERN if places is None else rf"^-?[0-9]{{1,12}}(\.[0-9]{{0,{places}}}0*)?$"
    if places == 0:
        pattern = r"^-?[0-9]{1,12}(\.0+)?$"
    bound = 10**MAX_WHOLE_DIGITS - 1
    integer = {"type": "integer", "minimum": -bound, "maximum": bound}
    return {"anyOf": [integer, {"type": "string", "pattern": pattern}], "title": "Amount"}


def _money_in_schema(schema: dict[str, Any]) -> None:
    """MoneyIn's document: the currency one of ISO 4217's codes, the amount a decimal string or an
    integer, and (one branch per minor unit) no finer than the currency's minor unit — exactly
    what the validators below accept."""
    by_places: dict[int, list[str]] = {}
    for code in sorted(_known_currencies()):
        by_places.setdefault(get_currency_precision(code), []).append(code)
    schema["properties"] = {
        "amount": _amount_schema(None),
        "currency": {"type": "string", "enum": sorted(_known_currencies()), "title": "Currency"},
    }
    schema["anyOf"] = [
        {"properties": {"currency": {"enum": codes}, "amount": _amount_schema(places)}}
        for places, codes in sorted(by_places.items())
    ]
    schema["examples"] = [{"amount": "1499.00", "currency": "EUR"}]


class MoneyIn(BaseModel):
    """An amount as partners send it: a decimal string (or integer), never a float."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=_money_in_schema)
    amount: Decimal
    currency: str

    @field_validator("amount", mode="before")
    @classmethod
    def _no_float(cls, value: Any) -> Any:
        if isinstance(value, float) and value.is_integer() and abs(value) < 10**MAX_WHOLE_DIGITS:
            # JSON has one number type: `1464.0` is the integer 1464 (JSON Schema's `integer` too).
            # Below 10**12 a double holds every integer exactly, so nothing is rounded.
            return int(value)
        if isinstance(value, float):
            raise ValueError('amounts are decimal strings, e.g. "1499.00", not floats')
        if isinstance(value, bool) or not isinstance(value, int | str | Decimal):
            raise ValueError('amounts are decimal strings, e.g. "1499.00", or integers')
        if isinstance(value, str) and not _AMOUNT.fullmatch(value):
            raise ValueError('amounts are decimal strings like "1499.00" (no exponent, sign "+" or spaces)')
        return value

    @field_validator("currency")
    @classmethod
    def _currency(cls, value: str) -> str:
        try:
            return check_currency(value)
        except InvalidMoney as exc:
            raise ValueError(str(exc)) from exc

    @model_validator(mode="after")
    def _whole_minor_units(self) -> MoneyIn:
        # 10.005 EUR cannot be charged: rounding it somewhere later would make the catalog and the
        # order disagree by a cent, so an amount must already be in the currency's minor units.
        if not self.amount.is_finite():
            raise ValueError("amount must be a finite number")
        if abs(self.amount) >= 10**MAX_WHOLE_DIGITS:
            raise ValueError(f"amounts have at most {MAX_WHOLE_DIGITS} digits before the point")
        if round_half_up(self.amount, self.currency) != self.amount:
            places = get_currency_precision(self.currency)
            raise ValueError(f"{self.currency} amounts have at most {places} decimal places")
        return self
