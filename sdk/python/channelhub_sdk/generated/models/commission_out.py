from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.commission_out_reason import CommissionOutReason
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.money_out import MoneyOut





T = TypeVar("T", bound="CommissionOut")



@_attrs_define
class CommissionOut:
    """ 
        Attributes:
            id (UUID):
            contract_id (UUID):
            reason (CommissionOutReason):
            amount (MoneyOut):
            earned_on (datetime.date):
     """

    id: UUID
    contract_id: UUID
    reason: CommissionOutReason
    amount: MoneyOut
    earned_on: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.money_out import MoneyOut # noqa: PLC0415
        id = str(self.id)

        contract_id = str(self.contract_id)

        reason = self.reason.value

        amount = self.amount.to_dict()

        earned_on = self.earned_on.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "contract_id": contract_id,
            "reason": reason,
            "amount": amount,
            "earned_on": earned_on,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money_out import MoneyOut # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        contract_id = UUID(d.pop("contract_id"))




        reason = CommissionOutReason(d.pop("reason"))




        amount = MoneyOut.from_dict(d.pop("amount"))




        earned_on = datetime.date.fromisoformat(d.pop("earned_on"))




        commission_out = cls(
            id=id,
            contract_id=contract_id,
            reason=reason,
            amount=amount,
            earned_on=earned_on,
        )


        commission_out.additional_properties = d
        return commission_out

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
