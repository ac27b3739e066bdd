from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.mail_attachment import MailAttachment





T = TypeVar("T", bound="MailWithBody")



@_attrs_define
class MailWithBody:
    """ 
        Attributes:
            id (str):
            subject (str):
            sender (str):
            recipients (list[str]):
            received_at (datetime.datetime):
            attachments (list[MailAttachment]):
            text (None | str):
            html (None | str):
     """

    id: str
    subject: str
    sender: str
    recipients: list[str]
    received_at: datetime.datetime
    attachments: list[MailAttachment]
    text: None | str
    html: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.mail_attachment import MailAttachment # noqa: PLC0415
        id = self.id

        subject = self.subject

        sender = self.sender

        recipients = self.recipients



        received_at = self.received_at.isoformat()

        attachments = []
        for attachments_item_data in self.attachments:
            attachments_item = attachments_item_data.to_dict()
            attachments.append(attachments_item)



        text: None | str
        text = self.text

        html: None | str
        html = self.html


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "subject": subject,
            "sender": sender,
            "recipients": recipients,
            "received_at": received_at,
            "attachments": attachments,
            "text": text,
            "html": html,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.mail_attachment import MailAttachment # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        subject = d.pop("subject")

        sender = d.pop("sender")

        recipients = cast(list[str], d.pop("recipients"))


        received_at = datetime.datetime.fromisoformat(d.pop("received_at"))




        attachments = []
        _attachments = d.pop("attachments")
        for attachments_item_data in (_attachments):
            attachments_item = MailAttachment.from_dict(attachments_item_data)



            attachments.append(attachments_item)


        def _parse_text(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        text = _parse_text(d.pop("text"))


        def _parse_html(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        html = _parse_html(d.pop("html"))


        mail_with_body = cls(
            id=id,
            subject=subject,
            sender=sender,
            recipients=recipients,
            received_at=received_at,
            attachments=attachments,
            text=text,
            html=html,
        )


        mail_with_body.additional_properties = d
        return mail_with_body

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
