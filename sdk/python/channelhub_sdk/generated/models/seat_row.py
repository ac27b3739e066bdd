from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="SeatRow")



@_attrs_define
class SeatRow:
    """ 
        Attributes:
            subscription_id (str):
            reseller_id (str):
            reseller_name (str): the reseller's company name
            customer_id (str):
            sku (str):
            status (str):
            seats (int):
            assigned (int): activated seats and pending invitations
            active (int): of the assigned: activated, in use
            free (int): seats not assigned
            utilisation (str): assigned / seats, in percent
     """

    subscription_id: str
    reseller_id: str
    reseller_name: str
    customer_id: str
    sku: str
    status: str
    seats: int
    assigned: int
    active: int
    free: int
    utilisation: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        subscription_id = self.subscription_id

        reseller_id = self.reseller_id

        reseller_name = self.reseller_name

        customer_id = self.customer_id

        sku = self.sku

        status = self.status

        seats = self.seats

        assigned = self.assigned

        active = self.active

        free = self.free

        utilisation = self.utilisation


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "subscription_id": subscription_id,
            "reseller_id": reseller_id,
            "reseller_name": reseller_name,
            "customer_id": customer_id,
            "sku": sku,
            "status": status,
            "seats": seats,
            "assigned": assigned,
            "active": active,
            "free": free,
            "utilisation": utilisation,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        subscription_id = d.pop("subscription_id")

        reseller_id = d.pop("reseller_id")

        reseller_name = d.pop("reseller_name")

        customer_id = d.pop("customer_id")

        sku = d.pop("sku")

        status = d.pop("status")

        seats = d.pop("seats")

        assigned = d.pop("assigned")

        active = d.pop("active")

        free = d.pop("free")

        utilisation = d.pop("utilisation")

        seat_row = cls(
            subscription_id=subscription_id,
            reseller_id=reseller_id,
            reseller_name=reseller_name,
            customer_id=customer_id,
            sku=sku,
            status=status,
            seats=seats,
            assigned=assigned,
            active=active,
            free=free,
            utilisation=utilisation,
        )


        seat_row.additional_properties = d
        return seat_row

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
