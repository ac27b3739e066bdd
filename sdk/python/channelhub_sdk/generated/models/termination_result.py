from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.contract import Contract
  from ..models.money_out import MoneyOut





T = TypeVar("T", bound="TerminationResult")



@_attrs_define
class TerminationResult:
    """ 
        Attributes:
            contract (Contract):
            fee (MoneyOut):
            months_remaining (int):
     """

    contract: Contract
    fee: MoneyOut
    months_remaining: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.contract import Contract # noqa: PLC0415
        from ..models.money_out import MoneyOut # noqa: PLC0415
        contract = self.contract.to_dict()

        fee = self.fee.to_dict()

        months_remaining = self.months_remaining


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "contract": contract,
            "fee": fee,
            "months_remaining": months_remaining,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contract import Contract # noqa: PLC0415
        from ..models.money_out import MoneyOut # noqa: PLC0415
        d = dict(src_dict)
        contract = Contract.from_dict(d.pop("contract"))




        fee = MoneyOut.from_dict(d.pop("fee"))




        months_remaining = d.pop("months_remaining")

        termination_result = cls(
            contract=contract,
            fee=fee,
            months_remaining=months_remaining,
        )


        termination_result.additional_properties = d
        return termination_result

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
