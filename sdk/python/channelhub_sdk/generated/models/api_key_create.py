from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.api_key_create_role import ApiKeyCreateRole
from ..types import UNSET, Unset






T = TypeVar("T", bound="ApiKeyCreate")



@_attrs_define
class ApiKeyCreate:
    """ 
        Attributes:
            name (str):
            role (ApiKeyCreateRole | Unset):  Default: ApiKeyCreateRole.RESELLER_USER.
     """

    name: str
    role: ApiKeyCreateRole | Unset = ApiKeyCreateRole.RESELLER_USER





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        role: str | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role.value



        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
        })
        if role is not UNSET:
            field_dict["role"] = role

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        _role = d.pop("role", UNSET)
        role: ApiKeyCreateRole | Unset
        if isinstance(_role,  Unset):
            role = UNSET
        else:
            role = ApiKeyCreateRole(_role)




        api_key_create = cls(
            name=name,
            role=role,
        )

        return api_key_create

