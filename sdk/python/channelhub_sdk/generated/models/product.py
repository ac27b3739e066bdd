from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="Product")



@_attrs_define
class Product:
    """ 
        Attributes:
            id (UUID):
            code (str):
            name (str):
            family (str):
            team_customers_allowed (bool):
            created_at (datetime.datetime):
     """

    id: UUID
    code: str
    name: str
    family: str
    team_customers_allowed: bool
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        code = self.code

        name = self.name

        family = self.family

        team_customers_allowed = self.team_customers_allowed

        created_at = self.created_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "code": code,
            "name": name,
            "family": family,
            "team_customers_allowed": team_customers_allowed,
            "created_at": created_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        code = d.pop("code")

        name = d.pop("name")

        family = d.pop("family")

        team_customers_allowed = d.pop("team_customers_allowed")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        product = cls(
            id=id,
            code=code,
            name=name,
            family=family,
            team_customers_allowed=team_customers_allowed,
            created_at=created_at,
        )


        product.additional_properties = d
        return product

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
