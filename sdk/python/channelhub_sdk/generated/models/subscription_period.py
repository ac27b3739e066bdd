from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.subscription_period_kind import SubscriptionPeriodKind
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.money_out import MoneyOut
  from ..models.subscription_charge import SubscriptionCharge





T = TypeVar("T", bound="SubscriptionPeriod")



@_attrs_define
class SubscriptionPeriod:
    """ 
        Attributes:
            number (int):
            kind (SubscriptionPeriodKind):
            start (datetime.date):
            end (datetime.date):
            seats (int):
            net (MoneyOut):
            tax (MoneyOut):
            total (MoneyOut):
            charge (None | SubscriptionCharge): null for a free trial
     """

    number: int
    kind: SubscriptionPeriodKind
    start: datetime.date
    end: datetime.date
    seats: int
    net: MoneyOut
    tax: MoneyOut
    total: MoneyOut
    charge: None | SubscriptionCharge
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.money_out import MoneyOut # noqa: PLC0415
        from ..models.subscription_charge import SubscriptionCharge # noqa: PLC0415
        number = self.number

        kind = self.kind.value

        start = self.start.isoformat()

        end = self.end.isoformat()

        seats = self.seats

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
            "number": number,
            "kind": kind,
            "start": start,
            "end": end,
            "seats": seats,
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
        number = d.pop("number")

        kind = SubscriptionPeriodKind(d.pop("kind"))




        start = datetime.date.fromisoformat(d.pop("start"))




        end = datetime.date.fromisoformat(d.pop("end"))




        seats = d.pop("seats")

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


        subscription_period = cls(
            number=number,
            kind=kind,
            start=start,
            end=end,
            seats=seats,
            net=net,
            tax=tax,
            total=total,
            charge=charge,
        )


        subscription_period.additional_properties = d
        return subscription_period

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
