from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="PolicyAcceptanceCreate")



@_attrs_define
class PolicyAcceptanceCreate:
    """ 
        Attributes:
            version (int):
            accepted_by (None | str | Unset):
     """

    version: int
    accepted_by: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        version = self.version

        accepted_by: None | str | Unset
        if isinstance(self.accepted_by, Unset):
            accepted_by = UNSET
        else:
            accepted_by = self.accepted_by


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "version": version,
        })
        if accepted_by is not UNSET:
            field_dict["accepted_by"] = accepted_by

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        version = d.pop("version")

        def _parse_accepted_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        accepted_by = _parse_accepted_by(d.pop("accepted_by", UNSET))


        policy_acceptance_create = cls(
            version=version,
            accepted_by=accepted_by,
        )

        return policy_acceptance_create

