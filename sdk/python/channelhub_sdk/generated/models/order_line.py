from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.money_out import MoneyOut





T = TypeVar("T", bound="OrderLine")



@_attrs_define
class OrderLine:
    """ 
        Attributes:
            sku (str):
            product (str):
            quantity (int):
            unit_msrp (MoneyOut):
            discount_percent (str):
            unit_price (MoneyOut):
            net (MoneyOut):
            tax (MoneyOut):
            total (MoneyOut):
     """

    sku: str
    product: str
    quantity: int
    unit_msrp: MoneyOut
    discount_percent: str
    unit_price: MoneyOut
    net: MoneyOut
    tax: MoneyOut
    total: MoneyOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.money_out import MoneyOut # noqa: PLC0415
        sku = self.sku

        product = self.product

        quantity = self.quantity

        unit_msrp = self.unit_msrp.to_dict()

        discount_percent = self.discount_percent

        unit_price = self.unit_price.to_dict()

        net = self.net.to_dict()

        tax = self.tax.to_dict()

        total = self.total.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "sku": sku,
            "product": product,
            "quantity": quantity,
            "unit_msrp": unit_msrp,
            "discount_percent": discount_percent,
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
        sku = d.pop("sku")

        product = d.pop("product")

        quantity = d.pop("quantity")

        unit_msrp = MoneyOut.from_dict(d.pop("unit_msrp"))




        discount_percent = d.pop("discount_percent")

        unit_price = MoneyOut.from_dict(d.pop("unit_price"))




        net = MoneyOut.from_dict(d.pop("net"))




        tax = MoneyOut.from_dict(d.pop("tax"))




        total = MoneyOut.from_dict(d.pop("total"))




        order_line = cls(
            sku=sku,
            product=product,
            quantity=quantity,
            unit_msrp=unit_msrp,
            discount_percent=discount_percent,
            unit_price=unit_price,
            net=net,
            tax=tax,
            total=total,
        )


        order_line.additional_properties = d
        return order_line

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
