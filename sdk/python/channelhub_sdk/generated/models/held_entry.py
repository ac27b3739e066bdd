from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="HeldEntry")



@_attrs_define
class HeldEntry:
    """ 
        Attributes:
            entry_id (str):
            amount (str):
            currency (str):
            reason (str):
     """

    entry_id: str
    amount: str
    currency: str
    reason: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        entry_id = self.entry_id

        amount = self.amount

        currency = self.currency

        reason = self.reason


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "entry_id": entry_id,
            "amount": amount,
            "currency": currency,
            "reason": reason,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        entry_id = d.pop("entry_id")

        amount = d.pop("amount")

        currency = d.pop("currency")

        reason = d.pop("reason")

        held_entry = cls(
            entry_id=entry_id,
            amount=amount,
            currency=currency,
            reason=reason,
        )


        held_entry.additional_properties = d
        return held_entry

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
