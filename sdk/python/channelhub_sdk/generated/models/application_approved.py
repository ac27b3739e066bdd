from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import Literal, cast
from uuid import UUID






T = TypeVar("T", bound="ApplicationApproved")



@_attrs_define
class ApplicationApproved:
    """ 
        Attributes:
            id (UUID):
            status (Literal['approved']):
            reseller_id (UUID):
            api_key (str): the reseller's first reseller_admin key; shown only once
     """

    id: UUID
    status: Literal['approved']
    reseller_id: UUID
    api_key: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        status = self.status

        reseller_id = str(self.reseller_id)

        api_key = self.api_key


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "status": status,
            "reseller_id": reseller_id,
            "api_key": api_key,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        status = cast(Literal['approved'] , d.pop("status"))
        if status != 'approved':
            raise ValueError(f"status must match const 'approved', got '{status}'")

        reseller_id = UUID(d.pop("reseller_id"))




        api_key = d.pop("api_key")

        application_approved = cls(
            id=id,
            status=status,
            reseller_id=reseller_id,
            api_key=api_key,
        )


        application_approved.additional_properties = d
        return application_approved

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
