from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.money_in_type_1_currency import MoneyInType1Currency
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="MoneyInType1")



@_attrs_define
class MoneyInType1:
    """ 
        Attributes:
            currency (MoneyInType1Currency | Unset):
            amount (int | str | Unset):
     """

    currency: MoneyInType1Currency | Unset = UNSET
    amount: int | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        currency: str | Unset = UNSET
        if not isinstance(self.currency, Unset):
            currency = self.currency.value


        amount: int | str | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if currency is not UNSET:
            field_dict["currency"] = currency
        if amount is not UNSET:
            field_dict["amount"] = amount

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _currency = d.pop("currency", UNSET)
        currency: MoneyInType1Currency | Unset
        if isinstance(_currency,  Unset):
            currency = UNSET
        else:
            currency = MoneyInType1Currency(_currency)




        def _parse_amount(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))


        money_in_type_1 = cls(
            currency=currency,
            amount=amount,
        )


        money_in_type_1.additional_properties = d
        return money_in_type_1

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
