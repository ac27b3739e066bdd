from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Contacts")



@_attrs_define
class Contacts:
    """ 
        Attributes:
            admin_name (None | str | Unset):
            address (None | str | Unset):
            alternate_email (None | str | Unset):
            phone (None | str | Unset):
     """

    admin_name: None | str | Unset = UNSET
    address: None | str | Unset = UNSET
    alternate_email: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        admin_name: None | str | Unset
        if isinstance(self.admin_name, Unset):
            admin_name = UNSET
        else:
            admin_name = self.admin_name

        address: None | str | Unset
        if isinstance(self.address, Unset):
            address = UNSET
        else:
            address = self.address

        alternate_email: None | str | Unset
        if isinstance(self.alternate_email, Unset):
            alternate_email = UNSET
        else:
            alternate_email = self.alternate_email

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if admin_name is not UNSET:
            field_dict["admin_name"] = admin_name
        if address is not UNSET:
            field_dict["address"] = address
        if alternate_email is not UNSET:
            field_dict["alternate_email"] = alternate_email
        if phone is not UNSET:
            field_dict["phone"] = phone

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_admin_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        admin_name = _parse_admin_name(d.pop("admin_name", UNSET))


        def _parse_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        address = _parse_address(d.pop("address", UNSET))


        def _parse_alternate_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        alternate_email = _parse_alternate_email(d.pop("alternate_email", UNSET))


        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))


        contacts = cls(
            admin_name=admin_name,
            address=address,
            alternate_email=alternate_email,
            phone=phone,
        )

        return contacts

