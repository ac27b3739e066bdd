from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="FailedEvent")



@_attrs_define
class FailedEvent:
    """ 
        Attributes:
            id (int):
            consumer (str):
            event_id (None | str):
            event_type (None | str):
            topic (str):
            partition (int):
            offset (int):
            error (str):
            attempts (int):
            status (str):
            failed_at (datetime.datetime):
            redriven_at (datetime.datetime | None):
     """

    id: int
    consumer: str
    event_id: None | str
    event_type: None | str
    topic: str
    partition: int
    offset: int
    error: str
    attempts: int
    status: str
    failed_at: datetime.datetime
    redriven_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        consumer = self.consumer

        event_id: None | str
        event_id = self.event_id

        event_type: None | str
        event_type = self.event_type

        topic = self.topic

        partition = self.partition

        offset = self.offset

        error = self.error

        attempts = self.attempts

        status = self.status

        failed_at = self.failed_at.isoformat()

        redriven_at: None | str
        if isinstance(self.redriven_at, datetime.datetime):
            redriven_at = self.redriven_at.isoformat()
        else:
            redriven_at = self.redriven_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "consumer": consumer,
            "event_id": event_id,
            "event_type": event_type,
            "topic": topic,
            "partition": partition,
            "offset": offset,
            "error": error,
            "attempts": attempts,
            "status": status,
            "failed_at": failed_at,
            "redriven_at": redriven_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        consumer = d.pop("consumer")

        def _parse_event_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        event_id = _parse_event_id(d.pop("event_id"))


        def _parse_event_type(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        event_type = _parse_event_type(d.pop("event_type"))


        topic = d.pop("topic")

        partition = d.pop("partition")

        offset = d.pop("offset")

        error = d.pop("error")

        attempts = d.pop("attempts")

        status = d.pop("status")

        failed_at = datetime.datetime.fromisoformat(d.pop("failed_at"))




        def _parse_redriven_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                redriven_at_type_0 = datetime.datetime.fromisoformat(data)



                return redriven_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        redriven_at = _parse_redriven_at(d.pop("redriven_at"))


        failed_event = cls(
            id=id,
            consumer=consumer,
            event_id=event_id,
            event_type=event_type,
            topic=topic,
            partition=partition,
            offset=offset,
            error=error,
            attempts=attempts,
            status=status,
            failed_at=failed_at,
            redriven_at=redriven_at,
        )


        failed_event.additional_properties = d
        return failed_event

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
