from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.money_out import MoneyOut





T = TypeVar("T", bound="InvoiceLine")



@_attrs_define
class InvoiceLine:
    """ 
        Attributes:
            description (str):
            sku (str):
            quantity (int):
            unit_price (MoneyOut):
            net (MoneyOut):
            tax (MoneyOut):
            total (MoneyOut):
     """

    description: str
    sku: str
    quantity: int
    unit_price: MoneyOut
    net: MoneyOut
    tax: MoneyOut
    total: MoneyOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.money_out import MoneyOut # noqa: PLC0415
        description = self.description

        sku = self.sku

        quantity = self.quantity

        unit_price = self.unit_price.to_dict()

        net = self.net.to_dict()

        tax = self.tax.to_dict()

        total = self.total.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "description": description,
            "sku": sku,
            "quantity": quantity,
            "unit_price": unit_price,
            "net": net,
            "tax": tax,
            "total": total,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money_out import MoneyOut # noqa: PLC0415
        d = dict(src_dict)
        description = d.pop("description")

        sku = d.pop("sku")

        quantity = d.pop("quantity")

        unit_price = MoneyOut.from_dict(d.pop("unit_price"))




        net = MoneyOut.from_dict(d.pop("net"))




        tax = MoneyOut.from_dict(d.pop("tax"))




        total = MoneyOut.from_dict(d.pop("total"))




        invoice_line = cls(
            description=description,
            sku=sku,
            quantity=quantity,
            unit_price=unit_price,
            net=net,
            tax=tax,
            total=total,
        )


        invoice_line.additional_properties = d
        return invoice_line

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
