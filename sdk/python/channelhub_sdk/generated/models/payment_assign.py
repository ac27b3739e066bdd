from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from uuid import UUID






T = TypeVar("T", bound="PaymentAssign")



@_attrs_define
class PaymentAssign:
    """ 
        Attributes:
            invoice_id (UUID):
     """

    invoice_id: UUID





    def to_dict(self) -> dict[str, Any]:
        invoice_id = str(self.invoice_id)


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "invoice_id": invoice_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        invoice_id = UUID(d.pop("invoice_id"))




        payment_assign = cls(
            invoice_id=invoice_id,
        )

        return payment_assign

