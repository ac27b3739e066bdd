from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.license_kind import LicenseKind
from ..models.license_status import LicenseStatus
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="License")



@_attrs_define
class License:
    """ 
        Attributes:
            id (UUID):
            kind (LicenseKind):
            order_id (None | UUID):
            subscription_id (None | UUID):
            contract_id (None | UUID):
            customer_id (UUID):
            reseller_id (UUID):
            licensee (str):
            sku (str):
            quantity (int | None):
            seats (int | None):
            temporary (bool):
            status (LicenseStatus): A license's status (R-LI-1…3): licensing's column and API, and the payload of its file.
            valid_from (datetime.date):
            valid_until (datetime.date | None):
            issued_at (datetime.datetime):
            replaced_by (None | UUID):
     """

    id: UUID
    kind: LicenseKind
    order_id: None | UUID
    subscription_id: None | UUID
    contract_id: None | UUID
    customer_id: UUID
    reseller_id: UUID
    licensee: str
    sku: str
    quantity: int | None
    seats: int | None
    temporary: bool
    status: LicenseStatus
    valid_from: datetime.date
    valid_until: datetime.date | None
    issued_at: datetime.datetime
    replaced_by: None | UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        kind = self.kind.value

        order_id: None | str
        if isinstance(self.order_id, UUID):
            order_id = str(self.order_id)
        else:
            order_id = self.order_id

        subscription_id: None | str
        if isinstance(self.subscription_id, UUID):
            subscription_id = str(self.subscription_id)
        else:
            subscription_id = self.subscription_id

        contract_id: None | str
        if isinstance(self.contract_id, UUID):
            contract_id = str(self.contract_id)
        else:
            contract_id = self.contract_id

        customer_id = str(self.customer_id)

        reseller_id = str(self.reseller_id)

        licensee = self.licensee

        sku = self.sku

        quantity: int | None
        quantity = self.quantity

        seats: int | None
        seats = self.seats

        temporary = self.temporary

        status = self.status.value

        valid_from = self.valid_from.isoformat()

        valid_until: None | str
        if isinstance(self.valid_until, datetime.date):
            valid_until = self.valid_until.isoformat()
        else:
            valid_until = self.valid_until

        issued_at = self.issued_at.isoformat()

        replaced_by: None | str
        if isinstance(self.replaced_by, UUID):
            replaced_by = str(self.replaced_by)
        else:
            replaced_by = self.replaced_by


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "kind": kind,
            "order_id": order_id,
            "subscription_id": subscription_id,
            "contract_id": contract_id,
            "customer_id": customer_id,
            "reseller_id": reseller_id,
            "licensee": licensee,
            "sku": sku,
            "quantity": quantity,
            "seats": seats,
            "temporary": temporary,
            "status": status,
            "valid_from": valid_from,
            "valid_until": valid_until,
            "issued_at": issued_at,
            "replaced_by": replaced_by,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        kind = LicenseKind(d.pop("kind"))




        def _parse_order_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                order_id_type_0 = UUID(data)



                return order_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        order_id = _parse_order_id(d.pop("order_id"))


        def _parse_subscription_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                subscription_id_type_0 = UUID(data)



                return subscription_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        subscription_id = _parse_subscription_id(d.pop("subscription_id"))


        def _parse_contract_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                contract_id_type_0 = UUID(data)



                return contract_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        contract_id = _parse_contract_id(d.pop("contract_id"))


        customer_id = UUID(d.pop("customer_id"))




        reseller_id = UUID(d.pop("reseller_id"))




        licensee = d.pop("licensee")

        sku = d.pop("sku")

        def _parse_quantity(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        quantity = _parse_quantity(d.pop("quantity"))


        def _parse_seats(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        seats = _parse_seats(d.pop("seats"))


        temporary = d.pop("temporary")

        status = LicenseStatus(d.pop("status"))




        valid_from = datetime.date.fromisoformat(d.pop("valid_from"))




        def _parse_valid_until(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_until_type_0 = datetime.date.fromisoformat(data)



                return valid_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        valid_until = _parse_valid_until(d.pop("valid_until"))


        issued_at = datetime.datetime.fromisoformat(d.pop("issued_at"))




        def _parse_replaced_by(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                replaced_by_type_0 = UUID(data)



                return replaced_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        replaced_by = _parse_replaced_by(d.pop("replaced_by"))


        license_ = cls(
            id=id,
            kind=kind,
            order_id=order_id,
            subscription_id=subscription_id,
            contract_id=contract_id,
            customer_id=customer_id,
            reseller_id=reseller_id,
            licensee=licensee,
            sku=sku,
            quantity=quantity,
            seats=seats,
            temporary=temporary,
            status=status,
            valid_from=valid_from,
            valid_until=valid_until,
            issued_at=issued_at,
            replaced_by=replaced_by,
        )


        license_.additional_properties = d
        return license_

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
