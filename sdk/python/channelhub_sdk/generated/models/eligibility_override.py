from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="EligibilityOverride")



@_attrs_define
class EligibilityOverride:
    """ A staff decision to approve an applicant R-ON-1 would not admit (a consultancy).

        Attributes:
            reason (str):
            decided_by (str):
            decided_at (datetime.datetime):
     """

    reason: str
    decided_by: str
    decided_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        decided_by = self.decided_by

        decided_at = self.decided_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "reason": reason,
            "decided_by": decided_by,
            "decided_at": decided_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        decided_by = d.pop("decided_by")

        decided_at = datetime.datetime.fromisoformat(d.pop("decided_at"))




        eligibility_override = cls(
            reason=reason,
            decided_by=decided_by,
            decided_at=decided_at,
        )


        eligibility_override.additional_properties = d
        return eligibility_override

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
