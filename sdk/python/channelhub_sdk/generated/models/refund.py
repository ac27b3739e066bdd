from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.money_out import MoneyOut





T = TypeVar("T", bound="Refund")



@_attrs_define
class Refund:
    """ 
        Attributes:
            id (UUID):
            reseller_id (UUID):
            amount (MoneyOut):
            reason (str):
            refunded_on (datetime.date):
            refunded_by (str):
     """

    id: UUID
    reseller_id: UUID
    amount: MoneyOut
    reason: str
    refunded_on: datetime.date
    refunded_by: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.money_out import MoneyOut # noqa: PLC0415
        id = str(self.id)

        reseller_id = str(self.reseller_id)

        amount = self.amount.to_dict()

        reason = self.reason

        refunded_on = self.refunded_on.isoformat()

        refunded_by = self.refunded_by


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "reseller_id": reseller_id,
            "amount": amount,
            "reason": reason,
            "refunded_on": refunded_on,
            "refunded_by": refunded_by,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money_out import MoneyOut # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        reseller_id = UUID(d.pop("reseller_id"))




        amount = MoneyOut.from_dict(d.pop("amount"))




        reason = d.pop("reason")

        refunded_on = datetime.date.fromisoformat(d.pop("refunded_on"))




        refunded_by = d.pop("refunded_by")

        refund = cls(
            id=id,
            reseller_id=reseller_id,
            amount=amount,
            reason=reason,
            refunded_on=refunded_on,
            refunded_by=refunded_by,
        )


        refund.additional_properties = d
        return refund

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
