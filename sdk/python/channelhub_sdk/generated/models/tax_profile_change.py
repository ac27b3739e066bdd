from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.tax_profile_change_status import TaxProfileChangeStatus
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="TaxProfileChange")



@_attrs_define
class TaxProfileChange:
    """ 
        Attributes:
            id (UUID):
            reseller_id (UUID):
            country (str):
            state (None | str):
            vat_id (None | str):
            status (TaxProfileChangeStatus): A reseller's request to change its tax profile: applied only when staff approve
                it.
            requested_by (str):
            requested_at (datetime.datetime):
            decided_by (None | str):
            decided_at (datetime.datetime | None):
            reason (None | str):
     """

    id: UUID
    reseller_id: UUID
    country: str
    state: None | str
    vat_id: None | str
    status: TaxProfileChangeStatus
    requested_by: str
    requested_at: datetime.datetime
    decided_by: None | str
    decided_at: datetime.datetime | None
    reason: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        reseller_id = str(self.reseller_id)

        country = self.country

        state: None | str
        state = self.state

        vat_id: None | str
        vat_id = self.vat_id

        status = self.status.value

        requested_by = self.requested_by

        requested_at = self.requested_at.isoformat()

        decided_by: None | str
        decided_by = self.decided_by

        decided_at: None | str
        if isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        reason: None | str
        reason = self.reason


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "reseller_id": reseller_id,
            "country": country,
            "state": state,
            "vat_id": vat_id,
            "status": status,
            "requested_by": requested_by,
            "requested_at": requested_at,
            "decided_by": decided_by,
            "decided_at": decided_at,
            "reason": reason,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        reseller_id = UUID(d.pop("reseller_id"))




        country = d.pop("country")

        def _parse_state(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        state = _parse_state(d.pop("state"))


        def _parse_vat_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        vat_id = _parse_vat_id(d.pop("vat_id"))


        status = TaxProfileChangeStatus(d.pop("status"))




        requested_by = d.pop("requested_by")

        requested_at = datetime.datetime.fromisoformat(d.pop("requested_at"))




        def _parse_decided_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decided_by = _parse_decided_by(d.pop("decided_by"))


        def _parse_decided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)



                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        decided_at = _parse_decided_at(d.pop("decided_at"))


        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))


        tax_profile_change = cls(
            id=id,
            reseller_id=reseller_id,
            country=country,
            state=state,
            vat_id=vat_id,
            status=status,
            requested_by=requested_by,
            requested_at=requested_at,
            decided_by=decided_by,
            decided_at=decided_at,
            reason=reason,
        )


        tax_profile_change.additional_properties = d
        return tax_profile_change

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
