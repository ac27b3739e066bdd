from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.seat_assignment_status import SeatAssignmentStatus
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="SeatAssignment")



@_attrs_define
class SeatAssignment:
    """ 
        Attributes:
            subscription_id (UUID):
            email (str):
            status (SeatAssignmentStatus):
            assigned_at (datetime.datetime):
            activated_at (datetime.datetime | None):
            invitation_expires_at (datetime.datetime):
     """

    subscription_id: UUID
    email: str
    status: SeatAssignmentStatus
    assigned_at: datetime.datetime
    activated_at: datetime.datetime | None
    invitation_expires_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        subscription_id = str(self.subscription_id)

        email = self.email

        status = self.status.value

        assigned_at = self.assigned_at.isoformat()

        activated_at: None | str
        if isinstance(self.activated_at, datetime.datetime):
            activated_at = self.activated_at.isoformat()
        else:
            activated_at = self.activated_at

        invitation_expires_at = self.invitation_expires_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "subscription_id": subscription_id,
            "email": email,
            "status": status,
            "assigned_at": assigned_at,
            "activated_at": activated_at,
            "invitation_expires_at": invitation_expires_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        subscription_id = UUID(d.pop("subscription_id"))




        email = d.pop("email")

        status = SeatAssignmentStatus(d.pop("status"))




        assigned_at = datetime.datetime.fromisoformat(d.pop("assigned_at"))




        def _parse_activated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                activated_at_type_0 = datetime.datetime.fromisoformat(data)



                return activated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        activated_at = _parse_activated_at(d.pop("activated_at"))


        invitation_expires_at = datetime.datetime.fromisoformat(d.pop("invitation_expires_at"))




        seat_assignment = cls(
            subscription_id=subscription_id,
            email=email,
            status=status,
            assigned_at=assigned_at,
            activated_at=activated_at,
            invitation_expires_at=invitation_expires_at,
        )


        seat_assignment.additional_properties = d
        return seat_assignment

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
