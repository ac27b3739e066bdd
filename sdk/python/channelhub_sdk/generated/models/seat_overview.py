from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.seat_assignment import SeatAssignment





T = TypeVar("T", bound="SeatOverview")



@_attrs_define
class SeatOverview:
    """ 
        Attributes:
            subscription_id (UUID):
            seats_usable (int):
            seats_assigned (int):
            seats_active (int):
            seats_invited (int):
            assignments (list[SeatAssignment]):
     """

    subscription_id: UUID
    seats_usable: int
    seats_assigned: int
    seats_active: int
    seats_invited: int
    assignments: list[SeatAssignment]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.seat_assignment import SeatAssignment # noqa: PLC0415
        subscription_id = str(self.subscription_id)

        seats_usable = self.seats_usable

        seats_assigned = self.seats_assigned

        seats_active = self.seats_active

        seats_invited = self.seats_invited

        assignments = []
        for assignments_item_data in self.assignments:
            assignments_item = assignments_item_data.to_dict()
            assignments.append(assignments_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "subscription_id": subscription_id,
            "seats_usable": seats_usable,
            "seats_assigned": seats_assigned,
            "seats_active": seats_active,
            "seats_invited": seats_invited,
            "assignments": assignments,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.seat_assignment import SeatAssignment # noqa: PLC0415
        d = dict(src_dict)
        subscription_id = UUID(d.pop("subscription_id"))




        seats_usable = d.pop("seats_usable")

        seats_assigned = d.pop("seats_assigned")

        seats_active = d.pop("seats_active")

        seats_invited = d.pop("seats_invited")

        assignments = []
        _assignments = d.pop("assignments")
        for assignments_item_data in (_assignments):
            assignments_item = SeatAssignment.from_dict(assignments_item_data)



            assignments.append(assignments_item)


        seat_overview = cls(
            subscription_id=subscription_id,
            seats_usable=seats_usable,
            seats_assigned=seats_assigned,
            seats_active=seats_active,
            seats_invited=seats_invited,
            assignments=assignments,
        )


        seat_overview.additional_properties = d
        return seat_overview

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
