from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ProductCreate")



@_attrs_define
class ProductCreate:
    """ 
        Attributes:
            code (str):
            name (str):
            family (None | str | Unset): product family for transfer tokens; defaults to the code
            team_customers_allowed (bool | Unset):  Default: False.
     """

    code: str
    name: str
    family: None | str | Unset = UNSET
    team_customers_allowed: bool | Unset = False





    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name = self.name

        family: None | str | Unset
        if isinstance(self.family, Unset):
            family = UNSET
        else:
            family = self.family

        team_customers_allowed = self.team_customers_allowed


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "code": code,
            "name": name,
        })
        if family is not UNSET:
            field_dict["family"] = family
        if team_customers_allowed is not UNSET:
            field_dict["team_customers_allowed"] = team_customers_allowed

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        name = d.pop("name")

        def _parse_family(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        family = _parse_family(d.pop("family", UNSET))


        team_customers_allowed = d.pop("team_customers_allowed", UNSET)

        product_create = cls(
            code=code,
            name=name,
            family=family,
            team_customers_allowed=team_customers_allowed,
        )

        return product_create

