from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="TransferTokenCreate")



@_attrs_define
class TransferTokenCreate:
    """ 
        Attributes:
            product_family (str):
     """

    product_family: str





    def to_dict(self) -> dict[str, Any]:
        product_family = self.product_family


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "product_family": product_family,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        product_family = d.pop("product_family")

        transfer_token_create = cls(
            product_family=product_family,
        )

        return transfer_token_create

