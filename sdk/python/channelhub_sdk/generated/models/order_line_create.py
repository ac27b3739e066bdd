from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="OrderLineCreate")



@_attrs_define
class OrderLineCreate:
    """ 
        Attributes:
            sku (str):
            quantity (int):
     """

    sku: str
    quantity: int





    def to_dict(self) -> dict[str, Any]:
        sku = self.sku

        quantity = self.quantity


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "sku": sku,
            "quantity": quantity,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        sku = d.pop("sku")

        quantity = d.pop("quantity")

        order_line_create = cls(
            sku=sku,
            quantity=quantity,
        )

        return order_line_create

