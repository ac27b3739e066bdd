from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="OverdueRow")



@_attrs_define
class OverdueRow:
    """ 
        Attributes:
            reseller_id (str):
            reseller_name (str): the reseller's company name
            currency (str):
            overdue_invoices (int):
            overdue_amount (str):
            oldest_due_date (str):
            days_overdue (int): days the oldest of them is past due on `as_of`
     """

    reseller_id: str
    reseller_name: str
    currency: str
    overdue_invoices: int
    overdue_amount: str
    oldest_due_date: str
    days_overdue: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        reseller_id = self.reseller_id

        reseller_name = self.reseller_name

        currency = self.currency

        overdue_invoices = self.overdue_invoices

        overdue_amount = self.overdue_amount

        oldest_due_date = self.oldest_due_date

        days_overdue = self.days_overdue


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "reseller_id": reseller_id,
            "reseller_name": reseller_name,
            "currency": currency,
            "overdue_invoices": overdue_invoices,
            "overdue_amount": overdue_amount,
            "oldest_due_date": oldest_due_date,
            "days_overdue": days_overdue,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reseller_id = d.pop("reseller_id")

        reseller_name = d.pop("reseller_name")

        currency = d.pop("currency")

        overdue_invoices = d.pop("overdue_invoices")

        overdue_amount = d.pop("overdue_amount")

        oldest_due_date = d.pop("oldest_due_date")

        days_overdue = d.pop("days_overdue")

        overdue_row = cls(
            reseller_id=reseller_id,
            reseller_name=reseller_name,
            currency=currency,
            overdue_invoices=overdue_invoices,
            overdue_amount=overdue_amount,
            oldest_due_date=oldest_due_date,
            days_overdue=days_overdue,
        )


        overdue_row.additional_properties = d
        return overdue_row

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
