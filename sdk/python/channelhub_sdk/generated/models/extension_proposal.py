from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.extension_status import ExtensionStatus
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="ExtensionProposal")



@_attrs_define
class ExtensionProposal:
    """ A partner's proposal (R-WA-7): the end customer accepts it with
    `POST /v1/waas/contracts/{id}/extensions/{extension_id}/accept`.

        Attributes:
            id (UUID):
            contract_id (UUID):
            months (int):
            status (ExtensionStatus): R-WA-7: proposed by the partner, accepted by the end customer.
            proposed_by (None | str):
            proposed_at (datetime.datetime | None):
            accepted_by (None | str | Unset):
            accepted_at (datetime.datetime | None | Unset):
     """

    id: UUID
    contract_id: UUID
    months: int
    status: ExtensionStatus
    proposed_by: None | str
    proposed_at: datetime.datetime | None
    accepted_by: None | str | Unset = UNSET
    accepted_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        contract_id = str(self.contract_id)

        months = self.months

        status = self.status.value

        proposed_by: None | str
        proposed_by = self.proposed_by

        proposed_at: None | str
        if isinstance(self.proposed_at, datetime.datetime):
            proposed_at = self.proposed_at.isoformat()
        else:
            proposed_at = self.proposed_at

        accepted_by: None | str | Unset
        if isinstance(self.accepted_by, Unset):
            accepted_by = UNSET
        else:
            accepted_by = self.accepted_by

        accepted_at: None | str | Unset
        if isinstance(self.accepted_at, Unset):
            accepted_at = UNSET
        elif isinstance(self.accepted_at, datetime.datetime):
            accepted_at = self.accepted_at.isoformat()
        else:
            accepted_at = self.accepted_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "contract_id": contract_id,
            "months": months,
            "status": status,
            "proposed_by": proposed_by,
            "proposed_at": proposed_at,
        })
        if accepted_by is not UNSET:
            field_dict["accepted_by"] = accepted_by
        if accepted_at is not UNSET:
            field_dict["accepted_at"] = accepted_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        contract_id = UUID(d.pop("contract_id"))




        months = d.pop("months")

        status = ExtensionStatus(d.pop("status"))




        def _parse_proposed_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        proposed_by = _parse_proposed_by(d.pop("proposed_by"))


        def _parse_proposed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                proposed_at_type_0 = datetime.datetime.fromisoformat(data)



                return proposed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        proposed_at = _parse_proposed_at(d.pop("proposed_at"))


        def _parse_accepted_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        accepted_by = _parse_accepted_by(d.pop("accepted_by", UNSET))


        def _parse_accepted_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                accepted_at_type_0 = datetime.datetime.fromisoformat(data)



                return accepted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        accepted_at = _parse_accepted_at(d.pop("accepted_at", UNSET))


        extension_proposal = cls(
            id=id,
            contract_id=contract_id,
            months=months,
            status=status,
            proposed_by=proposed_by,
            proposed_at=proposed_at,
            accepted_by=accepted_by,
            accepted_at=accepted_at,
        )


        extension_proposal.additional_properties = d
        return extension_proposal

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
