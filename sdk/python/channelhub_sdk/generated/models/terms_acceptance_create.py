from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="TermsAcceptanceCreate")



@_attrs_define
class TermsAcceptanceCreate:
    """ 
        Attributes:
            accepted_by (str):
     """

    accepted_by: str





    def to_dict(self) -> dict[str, Any]:
        accepted_by = self.accepted_by


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "accepted_by": accepted_by,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accepted_by = d.pop("accepted_by")

        terms_acceptance_create = cls(
            accepted_by=accepted_by,
        )

        return terms_acceptance_create

