from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.money_in import MoneyIn





T = TypeVar("T", bound="RefundCreate")



@_attrs_define
class RefundCreate:
    """ 
        Attributes:
            amount (MoneyIn): An amount as partners send it: a decimal string (or integer), never a float.
            reason (str):
            refunded_on (datetime.date | None | Unset):
     """

    amount: MoneyIn
    reason: str
    refunded_on: datetime.date | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.money_in import MoneyIn # noqa: PLC0415
        amount = self.amount.to_dict()

        reason = self.reason

        refunded_on: None | str | Unset
        if isinstance(self.refunded_on, Unset):
            refunded_on = UNSET
        elif isinstance(self.refunded_on, datetime.date):
            refunded_on = self.refunded_on.isoformat()
        else:
            refunded_on = self.refunded_on


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "amount": amount,
            "reason": reason,
        })
        if refunded_on is not UNSET:
            field_dict["refunded_on"] = refunded_on

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money_in import MoneyIn # noqa: PLC0415
        d = dict(src_dict)
        amount = MoneyIn.from_dict(d.pop("amount"))




        reason = d.pop("reason")

        def _parse_refunded_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                refunded_on_type_0 = datetime.date.fromisoformat(data)



                return refunded_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        refunded_on = _parse_refunded_on(d.pop("refunded_on", UNSET))


        refund_create = cls(
            amount=amount,
            reason=reason,
            refunded_on=refunded_on,
        )

        return refund_create

