from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.money_out import MoneyOut





T = TypeVar("T", bound="CreditBalance")



@_attrs_define
class CreditBalance:
    """ Money no invoice needed (R-BI-9), per currency; applied to the oldest open invoices.

        Attributes:
            reseller_id (UUID):
            balances (list[MoneyOut]):
     """

    reseller_id: UUID
    balances: list[MoneyOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.money_out import MoneyOut # noqa: PLC0415
        reseller_id = str(self.reseller_id)

        balances = []
        for balances_item_data in self.balances:
            balances_item = balances_item_data.to_dict()
            balances.append(balances_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "reseller_id": reseller_id,
            "balances": balances,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money_out import MoneyOut # noqa: PLC0415
        d = dict(src_dict)
        reseller_id = UUID(d.pop("reseller_id"))




        balances = []
        _balances = d.pop("balances")
        for balances_item_data in (_balances):
            balances_item = MoneyOut.from_dict(balances_item_data)



            balances.append(balances_item)


        credit_balance = cls(
            reseller_id=reseller_id,
            balances=balances,
        )


        credit_balance.additional_properties = d
        return credit_balance

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
