from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.sku_create_billing_plan import SkuCreateBillingPlan
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.money_in_type_0 import MoneyInType0
  from ..models.money_in_type_1 import MoneyInType1
  from ..models.money_in_type_2 import MoneyInType2
  from ..models.money_in_type_3 import MoneyInType3





T = TypeVar("T", bound="SkuCreate")



@_attrs_define
class SkuCreate:
    """ 
        Attributes:
            sku (str):
            product (str):
            name (str):
            billing_plan (SkuCreateBillingPlan):
            prices (list[MoneyInType0 | MoneyInType1 | MoneyInType2 | MoneyInType3]):
            seat_based (bool | Unset):  Default: False.
            effective_from (datetime.date | None | Unset):
     """

    sku: str
    product: str
    name: str
    billing_plan: SkuCreateBillingPlan
    prices: list[MoneyInType0 | MoneyInType1 | MoneyInType2 | MoneyInType3]
    seat_based: bool | Unset = False
    effective_from: datetime.date | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.money_in_type_0 import MoneyInType0 # noqa: PLC0415
        from ..models.money_in_type_1 import MoneyInType1 # noqa: PLC0415
        from ..models.money_in_type_2 import MoneyInType2 # noqa: PLC0415
        from ..models.money_in_type_3 import MoneyInType3 # noqa: PLC0415
        sku = self.sku

        product = self.product

        name = self.name

        billing_plan = self.billing_plan.value

        prices = []
        for prices_item_data in self.prices:
            prices_item: dict[str, Any]
            if isinstance(prices_item_data, MoneyInType0):
                prices_item = prices_item_data.to_dict()
            elif isinstance(prices_item_data, MoneyInType1):
                prices_item = prices_item_data.to_dict()
            elif isinstance(prices_item_data, MoneyInType2):
                prices_item = prices_item_data.to_dict()
            else:
                prices_item = prices_item_data.to_dict()

            prices.append(prices_item)



        seat_based = self.seat_based

        effective_from: None | str | Unset
        if isinstance(self.effective_from, Unset):
            effective_from = UNSET
        elif isinstance(self.effective_from, datetime.date):
            effective_from = self.effective_from.isoformat()
        else:
            effective_from = self.effective_from


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "sku": sku,
            "product": product,
            "name": name,
            "billing_plan": billing_plan,
            "prices": prices,
        })
        if seat_based is not UNSET:
            field_dict["seat_based"] = seat_based
        if effective_from is not UNSET:
            field_dict["effective_from"] = effective_from

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money_in_type_0 import MoneyInType0 # noqa: PLC0415
        from ..models.money_in_type_1 import MoneyInType1 # noqa: PLC0415
        from ..models.money_in_type_2 import MoneyInType2 # noqa: PLC0415
        from ..models.money_in_type_3 import MoneyInType3 # noqa: PLC0415
        d = dict(src_dict)
        sku = d.pop("sku")

        product = d.pop("product")

        name = d.pop("name")

        billing_plan = SkuCreateBillingPlan(d.pop("billing_plan"))




        prices = []
        _prices = d.pop("prices")
        for prices_item_data in (_prices):
            def _parse_prices_item(data: object) -> MoneyInType0 | MoneyInType1 | MoneyInType2 | MoneyInType3:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_money_in_type_0 = MoneyInType0.from_dict(data)



                    return componentsschemas_money_in_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_money_in_type_1 = MoneyInType1.from_dict(data)



                    return componentsschemas_money_in_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_money_in_type_2 = MoneyInType2.from_dict(data)



                    return componentsschemas_money_in_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_money_in_type_3 = MoneyInType3.from_dict(data)



                return componentsschemas_money_in_type_3

            prices_item = _parse_prices_item(prices_item_data)

            prices.append(prices_item)


        seat_based = d.pop("seat_based", UNSET)

        def _parse_effective_from(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                effective_from_type_0 = datetime.date.fromisoformat(data)



                return effective_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        effective_from = _parse_effective_from(d.pop("effective_from", UNSET))


        sku_create = cls(
            sku=sku,
            product=product,
            name=name,
            billing_plan=billing_plan,
            prices=prices,
            seat_based=seat_based,
            effective_from=effective_from,
        )

        return sku_create

