from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.signing_key_status import SigningKeyStatus
from typing import Literal, cast






T = TypeVar("T", bound="SigningKey")



@_attrs_define
class SigningKey:
    """ 
        Attributes:
            key_id (str):
            algorithm (Literal['Ed25519']):
            public_key (str):
            status (SigningKeyStatus):
     """

    key_id: str
    algorithm: Literal['Ed25519']
    public_key: str
    status: SigningKeyStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        key_id = self.key_id

        algorithm = self.algorithm

        public_key = self.public_key

        status = self.status.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "key_id": key_id,
            "algorithm": algorithm,
            "public_key": public_key,
            "status": status,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key_id = d.pop("key_id")

        algorithm = cast(Literal['Ed25519'] , d.pop("algorithm"))
        if algorithm != 'Ed25519':
            raise ValueError(f"algorithm must match const 'Ed25519', got '{algorithm}'")

        public_key = d.pop("public_key")

        status = SigningKeyStatus(d.pop("status"))




        signing_key = cls(
            key_id=key_id,
            algorithm=algorithm,
            public_key=public_key,
            status=status,
        )


        signing_key.additional_properties = d
        return signing_key

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
