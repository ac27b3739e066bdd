from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.money_in import MoneyIn





T = TypeVar("T", bound="PriceCreate")



@_attrs_define
class PriceCreate:
    """ 
        Attributes:
            amount (MoneyIn): An amount as partners send it: a decimal string (or integer), never a float.
            effective_from (datetime.date):
     """

    amount: MoneyIn
    effective_from: datetime.date





    def to_dict(self) -> dict[str, Any]:
        from ..models.money_in import MoneyIn # noqa: PLC0415
        amount = self.amount.to_dict()

        effective_from = self.effective_from.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "amount": amount,
            "effective_from": effective_from,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money_in import MoneyIn # noqa: PLC0415
        d = dict(src_dict)
        amount = MoneyIn.from_dict(d.pop("amount"))




        effective_from = datetime.date.fromisoformat(d.pop("effective_from"))




        price_create = cls(
            amount=amount,
            effective_from=effective_from,
        )

        return price_create

