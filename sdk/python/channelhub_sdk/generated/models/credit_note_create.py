from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.money_in_type_0 import MoneyInType0
  from ..models.money_in_type_1 import MoneyInType1
  from ..models.money_in_type_2 import MoneyInType2
  from ..models.money_in_type_3 import MoneyInType3





T = TypeVar("T", bound="CreditNoteCreate")



@_attrs_define
class CreditNoteCreate:
    """ 
        Attributes:
            reason (str):
            amount (MoneyInType0 | MoneyInType1 | MoneyInType2 | MoneyInType3 | None | Unset):
     """

    reason: str
    amount: MoneyInType0 | MoneyInType1 | MoneyInType2 | MoneyInType3 | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.money_in_type_0 import MoneyInType0 # noqa: PLC0415
        from ..models.money_in_type_1 import MoneyInType1 # noqa: PLC0415
        from ..models.money_in_type_2 import MoneyInType2 # noqa: PLC0415
        from ..models.money_in_type_3 import MoneyInType3 # noqa: PLC0415
        reason = self.reason

        amount: dict[str, Any] | None | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        elif isinstance(self.amount, MoneyInType0):
            amount = self.amount.to_dict()
        elif isinstance(self.amount, MoneyInType1):
            amount = self.amount.to_dict()
        elif isinstance(self.amount, MoneyInType2):
            amount = self.amount.to_dict()
        elif isinstance(self.amount, MoneyInType3):
            amount = self.amount.to_dict()
        else:
            amount = self.amount


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "reason": reason,
        })
        if amount is not UNSET:
            field_dict["amount"] = amount

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money_in_type_0 import MoneyInType0 # noqa: PLC0415
        from ..models.money_in_type_1 import MoneyInType1 # noqa: PLC0415
        from ..models.money_in_type_2 import MoneyInType2 # noqa: PLC0415
        from ..models.money_in_type_3 import MoneyInType3 # noqa: PLC0415
        d = dict(src_dict)
        reason = d.pop("reason")

        def _parse_amount(data: object) -> MoneyInType0 | MoneyInType1 | MoneyInType2 | MoneyInType3 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_money_in_type_0 = MoneyInType0.from_dict(data)



                return componentsschemas_money_in_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_money_in_type_1 = MoneyInType1.from_dict(data)



                return componentsschemas_money_in_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_money_in_type_2 = MoneyInType2.from_dict(data)



                return componentsschemas_money_in_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_money_in_type_3 = MoneyInType3.from_dict(data)



                return componentsschemas_money_in_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MoneyInType0 | MoneyInType1 | MoneyInType2 | MoneyInType3 | None | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))


        credit_note_create = cls(
            reason=reason,
            amount=amount,
        )

        return credit_note_create

