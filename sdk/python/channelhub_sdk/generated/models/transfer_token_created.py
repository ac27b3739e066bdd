from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="TransferTokenCreated")



@_attrs_define
class TransferTokenCreated:
    """ 
        Attributes:
            token (None | str): give it to the reseller that imports the customer; shown only once: null when an
                Idempotency-Key replay answers
            product_family (str):
            expires_at (datetime.datetime):
     """

    token: None | str
    product_family: str
    expires_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        token: None | str
        token = self.token

        product_family = self.product_family

        expires_at = self.expires_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "token": token,
            "product_family": product_family,
            "expires_at": expires_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_token(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        token = _parse_token(d.pop("token"))


        product_family = d.pop("product_family")

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))




        transfer_token_created = cls(
            token=token,
            product_family=product_family,
            expires_at=expires_at,
        )


        transfer_token_created.additional_properties = d
        return transfer_token_created

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
