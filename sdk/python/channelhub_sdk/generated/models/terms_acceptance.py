from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="TermsAcceptance")



@_attrs_define
class TermsAcceptance:
    """ 
        Attributes:
            customer_id (UUID):
            accepted_by (str):
            accepted_at (datetime.datetime):
     """

    customer_id: UUID
    accepted_by: str
    accepted_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        customer_id = str(self.customer_id)

        accepted_by = self.accepted_by

        accepted_at = self.accepted_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "customer_id": customer_id,
            "accepted_by": accepted_by,
            "accepted_at": accepted_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        customer_id = UUID(d.pop("customer_id"))




        accepted_by = d.pop("accepted_by")

        accepted_at = datetime.datetime.fromisoformat(d.pop("accepted_at"))




        terms_acceptance = cls(
            customer_id=customer_id,
            accepted_by=accepted_by,
            accepted_at=accepted_at,
        )


        terms_acceptance.additional_properties = d
        return terms_acceptance

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
