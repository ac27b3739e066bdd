from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.sku_for_customer_billing_plan import SkuForCustomerBillingPlan
from uuid import UUID






T = TypeVar("T", bound="SkuForCustomer")



@_attrs_define
class SkuForCustomer:
    """ A SKU as a customer sees it: no price at all (R-OR-8).

        Attributes:
            id (UUID):
            sku (str):
            product (str):
            name (str):
            billing_plan (SkuForCustomerBillingPlan):
            seat_based (bool):
     """

    id: UUID
    sku: str
    product: str
    name: str
    billing_plan: SkuForCustomerBillingPlan
    seat_based: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        sku = self.sku

        product = self.product

        name = self.name

        billing_plan = self.billing_plan.value

        seat_based = self.seat_based


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "sku": sku,
            "product": product,
            "name": name,
            "billing_plan": billing_plan,
            "seat_based": seat_based,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        sku = d.pop("sku")

        product = d.pop("product")

        name = d.pop("name")

        billing_plan = SkuForCustomerBillingPlan(d.pop("billing_plan"))




        seat_based = d.pop("seat_based")

        sku_for_customer = cls(
            id=id,
            sku=sku,
            product=product,
            name=name,
            billing_plan=billing_plan,
            seat_based=seat_based,
        )


        sku_for_customer.additional_properties = d
        return sku_for_customer

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
