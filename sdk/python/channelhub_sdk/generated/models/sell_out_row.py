from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="SellOutRow")



@_attrs_define
class SellOutRow:
    """ 
        Attributes:
            contract_id (UUID):
            bundle (str):
            hardware_model (str):
            units (int): devices leased under the contract
            partner_id (UUID): the reseller who sold it
            partner_country (str): the partner's country when the contract was drafted
            customer_country (str): the end customer's (default: the partner's)
            leased_on (datetime.date): the day the lease started
     """

    contract_id: UUID
    bundle: str
    hardware_model: str
    units: int
    partner_id: UUID
    partner_country: str
    customer_country: str
    leased_on: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        contract_id = str(self.contract_id)

        bundle = self.bundle

        hardware_model = self.hardware_model

        units = self.units

        partner_id = str(self.partner_id)

        partner_country = self.partner_country

        customer_country = self.customer_country

        leased_on = self.leased_on.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "contract_id": contract_id,
            "bundle": bundle,
            "hardware_model": hardware_model,
            "units": units,
            "partner_id": partner_id,
            "partner_country": partner_country,
            "customer_country": customer_country,
            "leased_on": leased_on,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        contract_id = UUID(d.pop("contract_id"))




        bundle = d.pop("bundle")

        hardware_model = d.pop("hardware_model")

        units = d.pop("units")

        partner_id = UUID(d.pop("partner_id"))




        partner_country = d.pop("partner_country")

        customer_country = d.pop("customer_country")

        leased_on = datetime.date.fromisoformat(d.pop("leased_on"))




        sell_out_row = cls(
            contract_id=contract_id,
            bundle=bundle,
            hardware_model=hardware_model,
            units=units,
            partner_id=partner_id,
            partner_country=partner_country,
            customer_country=customer_country,
            leased_on=leased_on,
        )


        sell_out_row.additional_properties = d
        return sell_out_row

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
