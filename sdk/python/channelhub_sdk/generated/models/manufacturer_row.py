from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="ManufacturerRow")



@_attrs_define
class ManufacturerRow:
    """ 
        Attributes:
            manufacturer (str):
            period (str): YYYY-MM the leases started
            currency (str):
            contracts (int):
            units (int):
            monthly_total (str): the leases' monthly instalments together
     """

    manufacturer: str
    period: str
    currency: str
    contracts: int
    units: int
    monthly_total: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        manufacturer = self.manufacturer

        period = self.period

        currency = self.currency

        contracts = self.contracts

        units = self.units

        monthly_total = self.monthly_total


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "manufacturer": manufacturer,
            "period": period,
            "currency": currency,
            "contracts": contracts,
            "units": units,
            "monthly_total": monthly_total,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        manufacturer = d.pop("manufacturer")

        period = d.pop("period")

        currency = d.pop("currency")

        contracts = d.pop("contracts")

        units = d.pop("units")

        monthly_total = d.pop("monthly_total")

        manufacturer_row = cls(
            manufacturer=manufacturer,
            period=period,
            currency=currency,
            contracts=contracts,
            units=units,
            monthly_total=monthly_total,
        )


        manufacturer_row.additional_properties = d
        return manufacturer_row

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
