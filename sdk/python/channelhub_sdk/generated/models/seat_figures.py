from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="SeatFigures")



@_attrs_define
class SeatFigures:
    """ Seats of subscriptions in force (active or trial).

        Attributes:
            purchased (int):
            assigned (int): activated seats and pending invitations
            used (int): of the assigned: activated
            free (int): purchased, not assigned
     """

    purchased: int
    assigned: int
    used: int
    free: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        purchased = self.purchased

        assigned = self.assigned

        used = self.used

        free = self.free


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "purchased": purchased,
            "assigned": assigned,
            "used": used,
            "free": free,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        purchased = d.pop("purchased")

        assigned = d.pop("assigned")

        used = d.pop("used")

        free = d.pop("free")

        seat_figures = cls(
            purchased=purchased,
            assigned=assigned,
            used=used,
            free=free,
        )


        seat_figures.additional_properties = d
        return seat_figures

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
