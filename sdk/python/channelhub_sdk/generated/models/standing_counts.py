from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="StandingCounts")



@_attrs_define
class StandingCounts:
    """ 
        Attributes:
            new (int):
            established (int):
            prepay_required (int):
     """

    new: int
    established: int
    prepay_required: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        new = self.new

        established = self.established

        prepay_required = self.prepay_required


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "new": new,
            "established": established,
            "prepay_required": prepay_required,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        new = d.pop("new")

        established = d.pop("established")

        prepay_required = d.pop("prepay_required")

        standing_counts = cls(
            new=new,
            established=established,
            prepay_required=prepay_required,
        )


        standing_counts.additional_properties = d
        return standing_counts

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
