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





T = TypeVar("T", bound="SeatQuote")



@_attrs_define
class SeatQuote:
    """ What `add` extra seats cost for the rest of the period (R-OR-7).

        Attributes:
            seats (int):
            as_of (datetime.date):
            months_charged (int): months left in the period (a started month counts whole), plus terms already renewed
            unit_price (MoneyOut):
            term_price (MoneyOut):
            price_per_seat (MoneyOut):
            total (MoneyOut):
     """

    seats: int
    as_of: datetime.date
    months_charged: int
    unit_price: MoneyOut
    term_price: MoneyOut
    price_per_seat: MoneyOut
    total: MoneyOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.money_out import MoneyOut # noqa: PLC0415
        seats = self.seats

        as_of = self.as_of.isoformat()

        months_charged = self.months_charged

        unit_price = self.unit_price.to_dict()

        term_price = self.term_price.to_dict()

        price_per_seat = self.price_per_seat.to_dict()

        total = self.total.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "seats": seats,
            "as_of": as_of,
            "months_charged": months_charged,
            "unit_price": unit_price,
            "term_price": term_price,
            "price_per_seat": price_per_seat,
            "total": total,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money_out import MoneyOut # noqa: PLC0415
        d = dict(src_dict)
        seats = d.pop("seats")

        as_of = datetime.date.fromisoformat(d.pop("as_of"))




        months_charged = d.pop("months_charged")

        unit_price = MoneyOut.from_dict(d.pop("unit_price"))




        term_price = MoneyOut.from_dict(d.pop("term_price"))




        price_per_seat = MoneyOut.from_dict(d.pop("price_per_seat"))




        total = MoneyOut.from_dict(d.pop("total"))




        seat_quote = cls(
            seats=seats,
            as_of=as_of,
            months_charged=months_charged,
            unit_price=unit_price,
            term_price=term_price,
            price_per_seat=price_per_seat,
            total=total,
        )


        seat_quote.additional_properties = d
        return seat_quote

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
