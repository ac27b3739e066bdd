from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="CommissionRow")



@_attrs_define
class CommissionRow:
    """ 
        Attributes:
            reseller_id (str):
            reseller_name (str): the reseller's company name
            currency (str):
            earned (str):
            paid (str):
            due (str):
     """

    reseller_id: str
    reseller_name: str
    currency: str
    earned: str
    paid: str
    due: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        reseller_id = self.reseller_id

        reseller_name = self.reseller_name

        currency = self.currency

        earned = self.earned

        paid = self.paid

        due = self.due


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "reseller_id": reseller_id,
            "reseller_name": reseller_name,
            "currency": currency,
            "earned": earned,
            "paid": paid,
            "due": due,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reseller_id = d.pop("reseller_id")

        reseller_name = d.pop("reseller_name")

        currency = d.pop("currency")

        earned = d.pop("earned")

        paid = d.pop("paid")

        due = d.pop("due")

        commission_row = cls(
            reseller_id=reseller_id,
            reseller_name=reseller_name,
            currency=currency,
            earned=earned,
            paid=paid,
            due=due,
        )


        commission_row.additional_properties = d
        return commission_row

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
