from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.sell_out_row import SellOutRow





T = TypeVar("T", bound="SellOutReport")



@_attrs_define
class SellOutReport:
    """ One manufacturer's sell-out in a month (R-WA-9): every WaaS contract whose lease started in it.
    `frozen`: the monthly job made it final (on the 1st of the month after); until then it is
    computed from the contracts as they stand.

        Attributes:
            manufacturer (str):
            period (str): YYYY-MM
            frozen (bool):
            units (int): the rows' units together
            rows (list[SellOutRow]):
     """

    manufacturer: str
    period: str
    frozen: bool
    units: int
    rows: list[SellOutRow]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.sell_out_row import SellOutRow # noqa: PLC0415
        manufacturer = self.manufacturer

        period = self.period

        frozen = self.frozen

        units = self.units

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "manufacturer": manufacturer,
            "period": period,
            "frozen": frozen,
            "units": units,
            "rows": rows,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sell_out_row import SellOutRow # noqa: PLC0415
        d = dict(src_dict)
        manufacturer = d.pop("manufacturer")

        period = d.pop("period")

        frozen = d.pop("frozen")

        units = d.pop("units")

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in (_rows):
            rows_item = SellOutRow.from_dict(rows_item_data)



            rows.append(rows_item)


        sell_out_report = cls(
            manufacturer=manufacturer,
            period=period,
            frozen=frozen,
            units=units,
            rows=rows,
        )


        sell_out_report.additional_properties = d
        return sell_out_report

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
