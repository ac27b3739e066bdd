from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.reseller_status import ResellerStatus
from ..models.standing import Standing






T = TypeVar("T", bound="ResellerRow")



@_attrs_define
class ResellerRow:
    """ 
        Attributes:
            reseller_id (str):
            company_name (str):
            status (ResellerStatus): A reseller's status (R-ON-2/3): onboarding's column and API, every reseller snapshot.
            standing (Standing): A reseller's standing (R-ON-4): what the program lets it order on account.
     """

    reseller_id: str
    company_name: str
    status: ResellerStatus
    standing: Standing
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        reseller_id = self.reseller_id

        company_name = self.company_name

        status = self.status.value

        standing = self.standing.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "reseller_id": reseller_id,
            "company_name": company_name,
            "status": status,
            "standing": standing,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reseller_id = d.pop("reseller_id")

        company_name = d.pop("company_name")

        status = ResellerStatus(d.pop("status"))




        standing = Standing(d.pop("standing"))




        reseller_row = cls(
            reseller_id=reseller_id,
            company_name=company_name,
            status=status,
            standing=standing,
        )


        reseller_row.additional_properties = d
        return reseller_row

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
