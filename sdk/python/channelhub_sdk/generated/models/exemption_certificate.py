from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="ExemptionCertificate")



@_attrs_define
class ExemptionCertificate:
    """ 
        Attributes:
            id (UUID):
            state (str):
            number (str):
            valid_from (datetime.date):
            valid_until (datetime.date):
            uploaded_by (str):
            created_at (datetime.datetime):
            replaced_at (datetime.datetime | None): set once a newer certificate replaced this one
     """

    id: UUID
    state: str
    number: str
    valid_from: datetime.date
    valid_until: datetime.date
    uploaded_by: str
    created_at: datetime.datetime
    replaced_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        state = self.state

        number = self.number

        valid_from = self.valid_from.isoformat()

        valid_until = self.valid_until.isoformat()

        uploaded_by = self.uploaded_by

        created_at = self.created_at.isoformat()

        replaced_at: None | str
        if isinstance(self.replaced_at, datetime.datetime):
            replaced_at = self.replaced_at.isoformat()
        else:
            replaced_at = self.replaced_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "state": state,
            "number": number,
            "valid_from": valid_from,
            "valid_until": valid_until,
            "uploaded_by": uploaded_by,
            "created_at": created_at,
            "replaced_at": replaced_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        state = d.pop("state")

        number = d.pop("number")

        valid_from = datetime.date.fromisoformat(d.pop("valid_from"))




        valid_until = datetime.date.fromisoformat(d.pop("valid_until"))




        uploaded_by = d.pop("uploaded_by")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_replaced_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                replaced_at_type_0 = datetime.datetime.fromisoformat(data)



                return replaced_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        replaced_at = _parse_replaced_at(d.pop("replaced_at"))


        exemption_certificate = cls(
            id=id,
            state=state,
            number=number,
            valid_from=valid_from,
            valid_until=valid_until,
            uploaded_by=uploaded_by,
            created_at=created_at,
            replaced_at=replaced_at,
        )


        exemption_certificate.additional_properties = d
        return exemption_certificate

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
