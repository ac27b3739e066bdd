from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.hardware_request_status import HardwareRequestStatus
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="HardwareRequest")



@_attrs_define
class HardwareRequest:
    """ 
        Attributes:
            id (UUID):
            reseller_id (UUID):
            customer_id (UUID):
            description (str):
            quantity (int):
            status (HardwareRequestStatus): R-WA-10: a partner's request for hardware outside the catalog, and staff's
                decision on it.
            reason (None | str):
            bundle_code (None | str):
            decided_at (datetime.datetime | None):
            created_at (datetime.datetime):
     """

    id: UUID
    reseller_id: UUID
    customer_id: UUID
    description: str
    quantity: int
    status: HardwareRequestStatus
    reason: None | str
    bundle_code: None | str
    decided_at: datetime.datetime | None
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        reseller_id = str(self.reseller_id)

        customer_id = str(self.customer_id)

        description = self.description

        quantity = self.quantity

        status = self.status.value

        reason: None | str
        reason = self.reason

        bundle_code: None | str
        bundle_code = self.bundle_code

        decided_at: None | str
        if isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        created_at = self.created_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "reseller_id": reseller_id,
            "customer_id": customer_id,
            "description": description,
            "quantity": quantity,
            "status": status,
            "reason": reason,
            "bundle_code": bundle_code,
            "decided_at": decided_at,
            "created_at": created_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        reseller_id = UUID(d.pop("reseller_id"))




        customer_id = UUID(d.pop("customer_id"))




        description = d.pop("description")

        quantity = d.pop("quantity")

        status = HardwareRequestStatus(d.pop("status"))




        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))


        def _parse_bundle_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        bundle_code = _parse_bundle_code(d.pop("bundle_code"))


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


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        hardware_request = cls(
            id=id,
            reseller_id=reseller_id,
            customer_id=customer_id,
            description=description,
            quantity=quantity,
            status=status,
            reason=reason,
            bundle_code=bundle_code,
            decided_at=decided_at,
            created_at=created_at,
        )


        hardware_request.additional_properties = d
        return hardware_request

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
