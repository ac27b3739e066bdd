from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="CustomerUserCreate")



@_attrs_define
class CustomerUserCreate:
    """ 
        Attributes:
            email (str):
            admin (bool | Unset):  Default: False.
            confirm (bool | Unset): required with admin=true: the reseller discount will not apply to that user's purchases
                Default: False.
     """

    email: str
    admin: bool | Unset = False
    confirm: bool | Unset = False





    def to_dict(self) -> dict[str, Any]:
        email = self.email

        admin = self.admin

        confirm = self.confirm


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "email": email,
        })
        if admin is not UNSET:
            field_dict["admin"] = admin
        if confirm is not UNSET:
            field_dict["confirm"] = confirm

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        admin = d.pop("admin", UNSET)

        confirm = d.pop("confirm", UNSET)

        customer_user_create = cls(
            email=email,
            admin=admin,
            confirm=confirm,
        )

        return customer_user_create

