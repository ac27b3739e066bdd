from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="ParkedRow")



@_attrs_define
class ParkedRow:
    """ An outbox row the relay does not send: parked after `attempts` refusals (`parked_at`
    set), or a later row of the same aggregate waiting behind one (`parked_at` null).

        Attributes:
            id (int):
            event_id (UUID):
            event_type (str):
            topic (str):
            key (str):
            created_at (datetime.datetime):
            attempts (int):
            last_error (None | str):
            parked_at (datetime.datetime | None):
     """

    id: int
    event_id: UUID
    event_type: str
    topic: str
    key: str
    created_at: datetime.datetime
    attempts: int
    last_error: None | str
    parked_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        event_id = str(self.event_id)

        event_type = self.event_type

        topic = self.topic

        key = self.key

        created_at = self.created_at.isoformat()

        attempts = self.attempts

        last_error: None | str
        last_error = self.last_error

        parked_at: None | str
        if isinstance(self.parked_at, datetime.datetime):
            parked_at = self.parked_at.isoformat()
        else:
            parked_at = self.parked_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "event_id": event_id,
            "event_type": event_type,
            "topic": topic,
            "key": key,
            "created_at": created_at,
            "attempts": attempts,
            "last_error": last_error,
            "parked_at": parked_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        event_id = UUID(d.pop("event_id"))




        event_type = d.pop("event_type")

        topic = d.pop("topic")

        key = d.pop("key")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        attempts = d.pop("attempts")

        def _parse_last_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_error = _parse_last_error(d.pop("last_error"))


        def _parse_parked_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                parked_at_type_0 = datetime.datetime.fromisoformat(data)



                return parked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        parked_at = _parse_parked_at(d.pop("parked_at"))


        parked_row = cls(
            id=id,
            event_id=event_id,
            event_type=event_type,
            topic=topic,
            key=key,
            created_at=created_at,
            attempts=attempts,
            last_error=last_error,
            parked_at=parked_at,
        )


        parked_row.additional_properties = d
        return parked_row

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
