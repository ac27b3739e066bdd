from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.money_out import MoneyOut





T = TypeVar("T", bound="SalesFigures")



@_attrs_define
class SalesFigures:
    """ 
        Attributes:
            period (str): YYYY-MM
            previous_period (str): the month before `period`
            net (list[MoneyOut]): net sales in `period`, one per currency
            previous_net (list[MoneyOut]): net sales in `previous_period`
     """

    period: str
    previous_period: str
    net: list[MoneyOut]
    previous_net: list[MoneyOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.money_out import MoneyOut # noqa: PLC0415
        period = self.period

        previous_period = self.previous_period

        net = []
        for net_item_data in self.net:
            net_item = net_item_data.to_dict()
            net.append(net_item)



        previous_net = []
        for previous_net_item_data in self.previous_net:
            previous_net_item = previous_net_item_data.to_dict()
            previous_net.append(previous_net_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "period": period,
            "previous_period": previous_period,
            "net": net,
            "previous_net": previous_net,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money_out import MoneyOut # noqa: PLC0415
        d = dict(src_dict)
        period = d.pop("period")

        previous_period = d.pop("previous_period")

        net = []
        _net = d.pop("net")
        for net_item_data in (_net):
            net_item = MoneyOut.from_dict(net_item_data)



            net.append(net_item)


        previous_net = []
        _previous_net = d.pop("previous_net")
        for previous_net_item_data in (_previous_net):
            previous_net_item = MoneyOut.from_dict(previous_net_item_data)



            previous_net.append(previous_net_item)


        sales_figures = cls(
            period=period,
            previous_period=previous_period,
            net=net,
            previous_net=previous_net,
        )


        sales_figures.additional_properties = d
        return sales_figures

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
