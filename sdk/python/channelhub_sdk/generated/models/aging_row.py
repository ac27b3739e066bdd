from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.aging_row_group import AgingRowGroup






T = TypeVar("T", bound="AgingRow")



@_attrs_define
class AgingRow:
    """ 
        Attributes:
            group (AgingRowGroup): partner invoices, or end customers' WaaS instalments
            reseller_id (str):
            reseller_name (str): the reseller's company name
            currency (str):
            current (str):
            field_1_30 (str):
            field_31_60 (str):
            field_61_90 (str):
            field_90 (str):
            total (str):
     """

    group: AgingRowGroup
    reseller_id: str
    reseller_name: str
    currency: str
    current: str
    field_1_30: str
    field_31_60: str
    field_61_90: str
    field_90: str
    total: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        group = self.group.value

        reseller_id = self.reseller_id

        reseller_name = self.reseller_name

        currency = self.currency

        current = self.current

        field_1_30 = self.field_1_30

        field_31_60 = self.field_31_60

        field_61_90 = self.field_61_90

        field_90 = self.field_90

        total = self.total


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "group": group,
            "reseller_id": reseller_id,
            "reseller_name": reseller_name,
            "currency": currency,
            "current": current,
            "1-30": field_1_30,
            "31-60": field_31_60,
            "61-90": field_61_90,
            "90+": field_90,
            "total": total,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        group = AgingRowGroup(d.pop("group"))




        reseller_id = d.pop("reseller_id")

        reseller_name = d.pop("reseller_name")

        currency = d.pop("currency")

        current = d.pop("current")

        field_1_30 = d.pop("1-30")

        field_31_60 = d.pop("31-60")

        field_61_90 = d.pop("61-90")

        field_90 = d.pop("90+")

        total = d.pop("total")

        aging_row = cls(
            group=group,
            reseller_id=reseller_id,
            reseller_name=reseller_name,
            currency=currency,
            current=current,
            field_1_30=field_1_30,
            field_31_60=field_31_60,
            field_61_90=field_61_90,
            field_90=field_90,
            total=total,
        )


        aging_row.additional_properties = d
        return aging_row

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
