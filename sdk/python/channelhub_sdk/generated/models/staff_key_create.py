from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.staff_key_create_role import StaffKeyCreateRole






T = TypeVar("T", bound="StaffKeyCreate")



@_attrs_define
class StaffKeyCreate:
    """ A vendor staff key (R-PL-5): what each role may call is the README's permission table.

        Attributes:
            role (StaffKeyCreateRole):
            name (str):
     """

    role: StaffKeyCreateRole
    name: str





    def to_dict(self) -> dict[str, Any]:
        role = self.role.value

        name = self.name


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "role": role,
            "name": name,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        role = StaffKeyCreateRole(d.pop("role"))




        name = d.pop("name")

        staff_key_create = cls(
            role=role,
            name=name,
        )

        return staff_key_create

