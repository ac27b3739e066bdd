from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.reseller_status import ResellerStatus
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="PolicyAcceptance")



@_attrs_define
class PolicyAcceptance:
    """ 
        Attributes:
            reseller_id (UUID):
            version (int):
            accepted_by (str):
            accepted_at (datetime.datetime):
            status (ResellerStatus): A reseller's status (R-ON-2/3): onboarding's column and API, every reseller snapshot.
     """

    reseller_id: UUID
    version: int
    accepted_by: str
    accepted_at: datetime.datetime
    status: ResellerStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        reseller_id = str(self.reseller_id)

        version = self.version

        accepted_by = self.accepted_by

        accepted_at = self.accepted_at.isoformat()

        status = self.status.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "reseller_id": reseller_id,
            "version": version,
            "accepted_by": accepted_by,
            "accepted_at": accepted_at,
            "status": status,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reseller_id = UUID(d.pop("reseller_id"))




        version = d.pop("version")

        accepted_by = d.pop("accepted_by")

        accepted_at = datetime.datetime.fromisoformat(d.pop("accepted_at"))




        status = ResellerStatus(d.pop("status"))




        policy_acceptance = cls(
            reseller_id=reseller_id,
            version=version,
            accepted_by=accepted_by,
            accepted_at=accepted_at,
            status=status,
        )


        policy_acceptance.additional_properties = d
        return policy_acceptance

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
