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





T = TypeVar("T", bound="InstalmentOut")



@_attrs_define
class InstalmentOut:
    """ 
        Attributes:
            n (int):
            period_start (datetime.date):
            period_end (datetime.date):
            due_date (datetime.date):
            amount (MoneyOut):
            invoiced (bool):
     """

    n: int
    period_start: datetime.date
    period_end: datetime.date
    due_date: datetime.date
    amount: MoneyOut
    invoiced: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.money_out import MoneyOut # noqa: PLC0415
        n = self.n

        period_start = self.period_start.isoformat()

        period_end = self.period_end.isoformat()

        due_date = self.due_date.isoformat()

        amount = self.amount.to_dict()

        invoiced = self.invoiced


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "n": n,
            "period_start": period_start,
            "period_end": period_end,
            "due_date": due_date,
            "amount": amount,
            "invoiced": invoiced,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money_out import MoneyOut # noqa: PLC0415
        d = dict(src_dict)
        n = d.pop("n")

        period_start = datetime.date.fromisoformat(d.pop("period_start"))




        period_end = datetime.date.fromisoformat(d.pop("period_end"))




        due_date = datetime.date.fromisoformat(d.pop("due_date"))




        amount = MoneyOut.from_dict(d.pop("amount"))




        invoiced = d.pop("invoiced")

        instalment_out = cls(
            n=n,
            period_start=period_start,
            period_end=period_end,
            due_date=due_date,
            amount=amount,
            invoiced=invoiced,
        )


        instalment_out.additional_properties = d
        return instalment_out

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
