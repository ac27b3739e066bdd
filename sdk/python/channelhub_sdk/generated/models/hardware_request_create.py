from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from uuid import UUID






T = TypeVar("T", bound="HardwareRequestCreate")



@_attrs_define
class HardwareRequestCreate:
    """ 
        Attributes:
            customer_id (UUID):
            description (str):
            quantity (int):
     """

    customer_id: UUID
    description: str
    quantity: int





    def to_dict(self) -> dict[str, Any]:
        customer_id = str(self.customer_id)

        description = self.description

        quantity = self.quantity


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "customer_id": customer_id,
            "description": description,
            "quantity": quantity,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        customer_id = UUID(d.pop("customer_id"))




        description = d.pop("description")

        quantity = d.pop("quantity")

        hardware_request_create = cls(
            customer_id=customer_id,
            description=description,
            quantity=quantity,
        )

        return hardware_request_create

