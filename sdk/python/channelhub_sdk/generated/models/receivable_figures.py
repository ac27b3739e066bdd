from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.money_out import MoneyOut





T = TypeVar("T", bound="ReceivableFigures")



@_attrs_define
class ReceivableFigures:
    """ 
        Attributes:
            open_ (list[MoneyOut]): everything owed on `as_of`, interest included
            overdue (list[MoneyOut]): of it, past its due date on `as_of`
            overdue_resellers (int): resellers with a partner invoice past due
     """

    open_: list[MoneyOut]
    overdue: list[MoneyOut]
    overdue_resellers: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.money_out import MoneyOut # noqa: PLC0415
        open_ = []
        for open_item_data in self.open_:
            open_item = open_item_data.to_dict()
            open_.append(open_item)



        overdue = []
        for overdue_item_data in self.overdue:
            overdue_item = overdue_item_data.to_dict()
            overdue.append(overdue_item)



        overdue_resellers = self.overdue_resellers


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "open": open_,
            "overdue": overdue,
            "overdue_resellers": overdue_resellers,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money_out import MoneyOut # noqa: PLC0415
        d = dict(src_dict)
        open_ = []
        _open_ = d.pop("open")
        for open_item_data in (_open_):
            open_item = MoneyOut.from_dict(open_item_data)



            open_.append(open_item)


        overdue = []
        _overdue = d.pop("overdue")
        for overdue_item_data in (_overdue):
            overdue_item = MoneyOut.from_dict(overdue_item_data)



            overdue.append(overdue_item)


        overdue_resellers = d.pop("overdue_resellers")

        receivable_figures = cls(
            open_=open_,
            overdue=overdue,
            overdue_resellers=overdue_resellers,
        )


        receivable_figures.additional_properties = d
        return receivable_figures

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
