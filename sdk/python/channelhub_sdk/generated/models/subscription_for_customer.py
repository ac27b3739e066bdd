from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.subscription_status import SubscriptionStatus
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="SubscriptionForCustomer")



@_attrs_define
class SubscriptionForCustomer:
    """ A subscription as its customer sees it: seats and dates, never a price (R-OR-8).

        Attributes:
            id (UUID):
            customer_id (UUID):
            sku (str):
            product (str):
            seats (int):
            term_months (int):
            status (SubscriptionStatus): A seat subscription's status (R-OR-6/7/10): ordering's column, its API and its
                events.
            trial (bool):
            period_start (datetime.date):
            period_end (datetime.date): exclusive: the first day after the period
            created_at (datetime.datetime):
     """

    id: UUID
    customer_id: UUID
    sku: str
    product: str
    seats: int
    term_months: int
    status: SubscriptionStatus
    trial: bool
    period_start: datetime.date
    period_end: datetime.date
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        customer_id = str(self.customer_id)

        sku = self.sku

        product = self.product

        seats = self.seats

        term_months = self.term_months

        status = self.status.value

        trial = self.trial

        period_start = self.period_start.isoformat()

        period_end = self.period_end.isoformat()

        created_at = self.created_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "customer_id": customer_id,
            "sku": sku,
            "product": product,
            "seats": seats,
            "term_months": term_months,
            "status": status,
            "trial": trial,
            "period_start": period_start,
            "period_end": period_end,
            "created_at": created_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        customer_id = UUID(d.pop("customer_id"))




        sku = d.pop("sku")

        product = d.pop("product")

        seats = d.pop("seats")

        term_months = d.pop("term_months")

        status = SubscriptionStatus(d.pop("status"))




        trial = d.pop("trial")

        period_start = datetime.date.fromisoformat(d.pop("period_start"))




        period_end = datetime.date.fromisoformat(d.pop("period_end"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        subscription_for_customer = cls(
            id=id,
            customer_id=customer_id,
            sku=sku,
            product=product,
            seats=seats,
            term_months=term_months,
            status=status,
            trial=trial,
            period_start=period_start,
            period_end=period_end,
            created_at=created_at,
        )


        subscription_for_customer.additional_properties = d
        return subscription_for_customer

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
