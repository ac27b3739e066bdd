from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.api_key_role import ApiKeyRole
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="ApiKeyCreated")



@_attrs_define
class ApiKeyCreated:
    """ 
        Attributes:
            id (UUID):
            key (None | str): the API key; shown only once: null when an Idempotency-Key replay answers
            name (str):
            role (ApiKeyRole): The role an API key is issued with: a staff key's (`admin`, `credit_officer`, `billing`), a
                reseller key's (`reseller_admin`, `reseller_user`), or `customer_admin`, every customer key's —
                the permission table's `customer` role.
            prefix (str):
     """

    id: UUID
    key: None | str
    name: str
    role: ApiKeyRole
    prefix: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        key: None | str
        key = self.key

        name = self.name

        role = self.role.value

        prefix = self.prefix


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "key": key,
            "name": name,
            "role": role,
            "prefix": prefix,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        def _parse_key(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        key = _parse_key(d.pop("key"))


        name = d.pop("name")

        role = ApiKeyRole(d.pop("role"))




        prefix = d.pop("prefix")

        api_key_created = cls(
            id=id,
            key=key,
            name=name,
            role=role,
            prefix=prefix,
        )


        api_key_created.additional_properties = d
        return api_key_created

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
