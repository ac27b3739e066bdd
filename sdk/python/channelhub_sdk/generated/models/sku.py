from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.sku_billing_plan import SkuBillingPlan
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.money_out import MoneyOut





T = TypeVar("T", bound="Sku")



@_attrs_define
class Sku:
    """ 
        Attributes:
            id (UUID):
            sku (str):
            product (str):
            name (str):
            billing_plan (SkuBillingPlan):
            seat_based (bool):
            msrp (list[MoneyOut]):
            partner_price (list[MoneyOut] | None | Unset): MSRP minus the calling reseller's discount (R-OR-2); only for
                reseller callers
            discount_percent (None | str | Unset):
     """

    id: UUID
    sku: str
    product: str
    name: str
    billing_plan: SkuBillingPlan
    seat_based: bool
    msrp: list[MoneyOut]
    partner_price: list[MoneyOut] | None | Unset = UNSET
    discount_percent: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.money_out import MoneyOut # noqa: PLC0415
        id = str(self.id)

        sku = self.sku

        product = self.product

        name = self.name

        billing_plan = self.billing_plan.value

        seat_based = self.seat_based

        msrp = []
        for msrp_item_data in self.msrp:
            msrp_item = msrp_item_data.to_dict()
            msrp.append(msrp_item)



        partner_price: list[dict[str, Any]] | None | Unset
        if isinstance(self.partner_price, Unset):
            partner_price = UNSET
        elif isinstance(self.partner_price, list):
            partner_price = []
            for partner_price_type_0_item_data in self.partner_price:
                partner_price_type_0_item = partner_price_type_0_item_data.to_dict()
                partner_price.append(partner_price_type_0_item)


        else:
            partner_price = self.partner_price

        discount_percent: None | str | Unset
        if isinstance(self.discount_percent, Unset):
            discount_percent = UNSET
        else:
            discount_percent = self.discount_percent


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "sku": sku,
            "product": product,
            "name": name,
            "billing_plan": billing_plan,
            "seat_based": seat_based,
            "msrp": msrp,
        })
        if partner_price is not UNSET:
            field_dict["partner_price"] = partner_price
        if discount_percent is not UNSET:
            field_dict["discount_percent"] = discount_percent

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money_out import MoneyOut # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        sku = d.pop("sku")

        product = d.pop("product")

        name = d.pop("name")

        billing_plan = SkuBillingPlan(d.pop("billing_plan"))




        seat_based = d.pop("seat_based")

        msrp = []
        _msrp = d.pop("msrp")
        for msrp_item_data in (_msrp):
            msrp_item = MoneyOut.from_dict(msrp_item_data)



            msrp.append(msrp_item)


        def _parse_partner_price(data: object) -> list[MoneyOut] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                partner_price_type_0 = []
                _partner_price_type_0 = data
                for partner_price_type_0_item_data in (_partner_price_type_0):
                    partner_price_type_0_item = MoneyOut.from_dict(partner_price_type_0_item_data)



                    partner_price_type_0.append(partner_price_type_0_item)

                return partner_price_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[MoneyOut] | None | Unset, data)

        partner_price = _parse_partner_price(d.pop("partner_price", UNSET))


        def _parse_discount_percent(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        discount_percent = _parse_discount_percent(d.pop("discount_percent", UNSET))


        sku = cls(
            id=id,
            sku=sku,
            product=product,
            name=name,
            billing_plan=billing_plan,
            seat_based=seat_based,
            msrp=msrp,
            partner_price=partner_price,
            discount_percent=discount_percent,
        )


        sku.additional_properties = d
        return sku

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
