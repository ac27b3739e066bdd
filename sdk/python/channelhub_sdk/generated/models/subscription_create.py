from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.subscription_create_term_months import SubscriptionCreateTermMonths
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="SubscriptionCreate")



@_attrs_define
class SubscriptionCreate:
    """ 
        Attributes:
            customer_id (UUID):
            sku (str):
            seats (int):
            term_months (SubscriptionCreateTermMonths):
            trial (bool | Unset):  Default: False.
            currency (None | str | Unset): defaults to the reseller's billing currency
     """

    customer_id: UUID
    sku: str
    seats: int
    term_months: SubscriptionCreateTermMonths
    trial: bool | Unset = False
    currency: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        customer_id = str(self.customer_id)

        sku = self.sku

        seats = self.seats

        term_months = self.term_months.value

        trial = self.trial

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "customer_id": customer_id,
            "sku": sku,
            "seats": seats,
            "term_months": term_months,
        })
        if trial is not UNSET:
            field_dict["trial"] = trial
        if currency is not UNSET:
            field_dict["currency"] = currency

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        customer_id = UUID(d.pop("customer_id"))




        sku = d.pop("sku")

        seats = d.pop("seats")

        term_months = SubscriptionCreateTermMonths(d.pop("term_months"))




        trial = d.pop("trial", UNSET)

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))


        subscription_create = cls(
            customer_id=customer_id,
            sku=sku,
            seats=seats,
            term_months=term_months,
            trial=trial,
            currency=currency,
        )

        return subscription_create

