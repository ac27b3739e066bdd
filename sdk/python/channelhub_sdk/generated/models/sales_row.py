from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="SalesRow")



@_attrs_define
class SalesRow:
    """ 
        Attributes:
            reseller_id (str):
            reseller_name (str): the reseller's company name
            product (str):
            period (str): YYYY-MM
            currency (str):
            quantity (int):
            net (str):
     """

    reseller_id: str
    reseller_name: str
    product: str
    period: str
    currency: str
    quantity: int
    net: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        reseller_id = self.reseller_id

        reseller_name = self.reseller_name

        product = self.product

        period = self.period

        currency = self.currency

        quantity = self.quantity

        net = self.net


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "reseller_id": reseller_id,
            "reseller_name": reseller_name,
            "product": product,
            "period": period,
            "currency": currency,
            "quantity": quantity,
            "net": net,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reseller_id = d.pop("reseller_id")

        reseller_name = d.pop("reseller_name")

        product = d.pop("product")

        period = d.pop("period")

        currency = d.pop("currency")

        quantity = d.pop("quantity")

        net = d.pop("net")

        sales_row = cls(
            reseller_id=reseller_id,
            reseller_name=reseller_name,
            product=product,
            period=period,
            currency=currency,
            quantity=quantity,
            net=net,
        )


        sales_row.additional_properties = d
        return sales_row

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
