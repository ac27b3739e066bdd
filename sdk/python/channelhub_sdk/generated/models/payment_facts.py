from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="PaymentFacts")



@_attrs_define
class PaymentFacts:
    """ Stand-in for billing's payment events until billing publishes them (R-ON-3, R-BI-4).

        Attributes:
            paid_orders_delta (int | Unset):  Default: 0.
            has_overdue (bool | None | Unset):
     """

    paid_orders_delta: int | Unset = 0
    has_overdue: bool | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        paid_orders_delta = self.paid_orders_delta

        has_overdue: bool | None | Unset
        if isinstance(self.has_overdue, Unset):
            has_overdue = UNSET
        else:
            has_overdue = self.has_overdue


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if paid_orders_delta is not UNSET:
            field_dict["paid_orders_delta"] = paid_orders_delta
        if has_overdue is not UNSET:
            field_dict["has_overdue"] = has_overdue

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        paid_orders_delta = d.pop("paid_orders_delta", UNSET)

        def _parse_has_overdue(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        has_overdue = _parse_has_overdue(d.pop("has_overdue", UNSET))


        payment_facts = cls(
            paid_orders_delta=paid_orders_delta,
            has_overdue=has_overdue,
        )

        return payment_facts

