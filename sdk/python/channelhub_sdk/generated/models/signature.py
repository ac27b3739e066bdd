from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.signature_party import SignatureParty






T = TypeVar("T", bound="Signature")



@_attrs_define
class Signature:
    """ 
        Attributes:
            party (SignatureParty):
            signed_by (str):
     """

    party: SignatureParty
    signed_by: str





    def to_dict(self) -> dict[str, Any]:
        party = self.party.value

        signed_by = self.signed_by


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "party": party,
            "signed_by": signed_by,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        party = SignatureParty(d.pop("party"))




        signed_by = d.pop("signed_by")

        signature = cls(
            party=party,
            signed_by=signed_by,
        )

        return signature

