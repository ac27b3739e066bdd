from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from typing import Literal, cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="SeatActivation")



@_attrs_define
class SeatActivation:
    """ 
        Attributes:
            subscription_id (UUID):
            email (str):
            status (Literal['active']):
            existing_user (bool):
            activated_at (datetime.datetime):
     """

    subscription_id: UUID
    email: str
    status: Literal['active']
    existing_user: bool
    activated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        subscription_id = str(self.subscription_id)

        email = self.email

        status = self.status

        existing_user = self.existing_user

        activated_at = self.activated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "subscription_id": subscription_id,
            "email": email,
            "status": status,
            "existing_user": existing_user,
            "activated_at": activated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        subscription_id = UUID(d.pop("subscription_id"))




        email = d.pop("email")

        status = cast(Literal['active'] , d.pop("status"))
        if status != 'active':
            raise ValueError(f"status must match const 'active', got '{status}'")

        existing_user = d.pop("existing_user")

        activated_at = datetime.datetime.fromisoformat(d.pop("activated_at"))




        seat_activation = cls(
            subscription_id=subscription_id,
            email=email,
            status=status,
            existing_user=existing_user,
            activated_at=activated_at,
        )


        seat_activation.additional_properties = d
        return seat_activation

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
