from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.charge_status import ChargeStatus
from ..models.subscription_charge_payment_requirement import SubscriptionChargePaymentRequirement
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="SubscriptionCharge")



@_attrs_define
class SubscriptionCharge:
    """ How a period or a seat purchase is paid (R-ON-3/6): prepaid ones wait for the payment
    (`pending_payment`) before what they pay for is usable; on-account ones are `released` at once
    and use the credit line until paid. Billing invoices it under this id.

        Attributes:
            id (UUID):
            payment_requirement (SubscriptionChargePaymentRequirement):
            status (ChargeStatus): A subscription charge: awaiting its prepayment, or released (paid, or on account).
            paid_on (datetime.date | None):
     """

    id: UUID
    payment_requirement: SubscriptionChargePaymentRequirement
    status: ChargeStatus
    paid_on: datetime.date | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        payment_requirement = self.payment_requirement.value

        status = self.status.value

        paid_on: None | str
        if isinstance(self.paid_on, datetime.date):
            paid_on = self.paid_on.isoformat()
        else:
            paid_on = self.paid_on


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "payment_requirement": payment_requirement,
            "status": status,
            "paid_on": paid_on,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        payment_requirement = SubscriptionChargePaymentRequirement(d.pop("payment_requirement"))




        status = ChargeStatus(d.pop("status"))




        def _parse_paid_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                paid_on_type_0 = datetime.date.fromisoformat(data)



                return paid_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        paid_on = _parse_paid_on(d.pop("paid_on"))


        subscription_charge = cls(
            id=id,
            payment_requirement=payment_requirement,
            status=status,
            paid_on=paid_on,
        )


        subscription_charge.additional_properties = d
        return subscription_charge

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
