from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.customer_user_kind import CustomerUserKind
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="CustomerUser")



@_attrs_define
class CustomerUser:
    """ 
        Attributes:
            id (UUID):
            kind (CustomerUserKind): Who a customer user is (R-CU-8): the owning reseller (it occupies no seat), or a user.
            reseller_id (None | UUID):
            email (None | str):
            admin (bool):
            occupies_seat (bool):
            reseller_discount_applies (bool): false for administrators who buy directly: the reseller discount does not
                apply
            created_at (datetime.datetime):
     """

    id: UUID
    kind: CustomerUserKind
    reseller_id: None | UUID
    email: None | str
    admin: bool
    occupies_seat: bool
    reseller_discount_applies: bool
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        kind = self.kind.value

        reseller_id: None | str
        if isinstance(self.reseller_id, UUID):
            reseller_id = str(self.reseller_id)
        else:
            reseller_id = self.reseller_id

        email: None | str
        email = self.email

        admin = self.admin

        occupies_seat = self.occupies_seat

        reseller_discount_applies = self.reseller_discount_applies

        created_at = self.created_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "kind": kind,
            "reseller_id": reseller_id,
            "email": email,
            "admin": admin,
            "occupies_seat": occupies_seat,
            "reseller_discount_applies": reseller_discount_applies,
            "created_at": created_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        kind = CustomerUserKind(d.pop("kind"))




        def _parse_reseller_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reseller_id_type_0 = UUID(data)



                return reseller_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        reseller_id = _parse_reseller_id(d.pop("reseller_id"))


        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))


        admin = d.pop("admin")

        occupies_seat = d.pop("occupies_seat")

        reseller_discount_applies = d.pop("reseller_discount_applies")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        customer_user = cls(
            id=id,
            kind=kind,
            reseller_id=reseller_id,
            email=email,
            admin=admin,
            occupies_seat=occupies_seat,
            reseller_discount_applies=reseller_discount_applies,
            created_at=created_at,
        )


        customer_user.additional_properties = d
        return customer_user

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
