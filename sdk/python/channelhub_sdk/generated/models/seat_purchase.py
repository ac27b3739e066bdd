from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.money_out import MoneyOut
  from ..models.subscription_charge import SubscriptionCharge





T = TypeVar("T", bound="SeatPurchase")



@_attrs_define
class SeatPurchase:
    """ 
        Attributes:
            added (int):
            as_of (datetime.date):
            months_charged (int):
            unit_price (MoneyOut):
            price_per_seat (MoneyOut | None): per seat for the months charged; net = this x added
            date_corrected_by (None | str): staff who dated the purchase other than its day
            net (MoneyOut):
            tax (MoneyOut):
            total (MoneyOut):
            charge (None | SubscriptionCharge): null for a free trial's seats
     """

    added: int
    as_of: datetime.date
    months_charged: int
    unit_price: MoneyOut
    price_per_seat: MoneyOut | None
    date_corrected_by: None | str
    net: MoneyOut
    tax: MoneyOut
    total: MoneyOut
    charge: None | SubscriptionCharge
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.money_out import MoneyOut # noqa: PLC0415
        from ..models.subscription_charge import SubscriptionCharge # noqa: PLC0415
        added = self.added

        as_of = self.as_of.isoformat()

        months_charged = self.months_charged

        unit_price = self.unit_price.to_dict()

        price_per_seat: dict[str, Any] | None
        if isinstance(self.price_per_seat, MoneyOut):
            price_per_seat = self.price_per_seat.to_dict()
        else:
            price_per_seat = self.price_per_seat

        date_corrected_by: None | str
        date_corrected_by = self.date_corrected_by

        net = self.net.to_dict()

        tax = self.tax.to_dict()

        total = self.total.to_dict()

        charge: dict[str, Any] | None
        if isinstance(self.charge, SubscriptionCharge):
            charge = self.charge.to_dict()
        else:
            charge = self.charge


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "added": added,
            "as_of": as_of,
            "months_charged": months_charged,
            "unit_price": unit_price,
            "price_per_seat": price_per_seat,
            "date_corrected_by": date_corrected_by,
            "net": net,
            "tax": tax,
            "total": total,
            "charge": charge,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money_out import MoneyOut # noqa: PLC0415
        from ..models.subscription_charge import SubscriptionCharge # noqa: PLC0415
        d = dict(src_dict)
        added = d.pop("added")

        as_of = datetime.date.fromisoformat(d.pop("as_of"))




        months_charged = d.pop("months_charged")

        unit_price = MoneyOut.from_dict(d.pop("unit_price"))




        def _parse_price_per_seat(data: object) -> MoneyOut | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                price_per_seat_type_0 = MoneyOut.from_dict(data)



                return price_per_seat_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MoneyOut | None, data)

        price_per_seat = _parse_price_per_seat(d.pop("price_per_seat"))


        def _parse_date_corrected_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        date_corrected_by = _parse_date_corrected_by(d.pop("date_corrected_by"))


        net = MoneyOut.from_dict(d.pop("net"))




        tax = MoneyOut.from_dict(d.pop("tax"))




        total = MoneyOut.from_dict(d.pop("total"))




        def _parse_charge(data: object) -> None | SubscriptionCharge:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                charge_type_0 = SubscriptionCharge.from_dict(data)



                return charge_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SubscriptionCharge, data)

        charge = _parse_charge(d.pop("charge"))


        seat_purchase = cls(
            added=added,
            as_of=as_of,
            months_charged=months_charged,
            unit_price=unit_price,
            price_per_seat=price_per_seat,
            date_corrected_by=date_corrected_by,
            net=net,
            tax=tax,
            total=total,
            charge=charge,
        )


        seat_purchase.additional_properties = d
        return seat_purchase

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
