from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.money_in import MoneyIn





T = TypeVar("T", bound="CreditNoteCreate")



@_attrs_define
class CreditNoteCreate:
    """ 
        Attributes:
            reason (str):
            amount (MoneyIn | None | Unset):
     """

    reason: str
    amount: MoneyIn | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.money_in import MoneyIn # noqa: PLC0415
        reason = self.reason

        amount: dict[str, Any] | None | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        elif isinstance(self.amount, MoneyIn):
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
        from ..models.money_in import MoneyIn # noqa: PLC0415
        d = dict(src_dict)
        reason = d.pop("reason")

        def _parse_amount(data: object) -> MoneyIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                amount_type_0 = MoneyIn.from_dict(data)



                return amount_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MoneyIn | None | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))


        credit_note_create = cls(
            reason=reason,
            amount=amount,
        )

        return credit_note_create

