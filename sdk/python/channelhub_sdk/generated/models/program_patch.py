from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ProgramPatch")



@_attrs_define
class ProgramPatch:
    """ 
        Attributes:
            name (str | Unset):
            default_discount_percent (int | str | Unset):
            prepaid_orders_required (int | Unset):
            payment_terms_days (int | Unset):
            annual_interest_rate (int | str | Unset):
            default_credit_limit (int | str | Unset):
     """

    name: str | Unset = UNSET
    default_discount_percent: int | str | Unset = UNSET
    prepaid_orders_required: int | Unset = UNSET
    payment_terms_days: int | Unset = UNSET
    annual_interest_rate: int | str | Unset = UNSET
    default_credit_limit: int | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        default_discount_percent: int | str | Unset
        if isinstance(self.default_discount_percent, Unset):
            default_discount_percent = UNSET
        else:
            default_discount_percent = self.default_discount_percent

        prepaid_orders_required = self.prepaid_orders_required

        payment_terms_days = self.payment_terms_days

        annual_interest_rate: int | str | Unset
        if isinstance(self.annual_interest_rate, Unset):
            annual_interest_rate = UNSET
        else:
            annual_interest_rate = self.annual_interest_rate

        default_credit_limit: int | str | Unset
        if isinstance(self.default_credit_limit, Unset):
            default_credit_limit = UNSET
        else:
            default_credit_limit = self.default_credit_limit


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if name is not UNSET:
            field_dict["name"] = name
        if default_discount_percent is not UNSET:
            field_dict["default_discount_percent"] = default_discount_percent
        if prepaid_orders_required is not UNSET:
            field_dict["prepaid_orders_required"] = prepaid_orders_required
        if payment_terms_days is not UNSET:
            field_dict["payment_terms_days"] = payment_terms_days
        if annual_interest_rate is not UNSET:
            field_dict["annual_interest_rate"] = annual_interest_rate
        if default_credit_limit is not UNSET:
            field_dict["default_credit_limit"] = default_credit_limit

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        def _parse_default_discount_percent(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        default_discount_percent = _parse_default_discount_percent(d.pop("default_discount_percent", UNSET))


        prepaid_orders_required = d.pop("prepaid_orders_required", UNSET)

        payment_terms_days = d.pop("payment_terms_days", UNSET)

        def _parse_annual_interest_rate(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        annual_interest_rate = _parse_annual_interest_rate(d.pop("annual_interest_rate", UNSET))


        def _parse_default_credit_limit(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        default_credit_limit = _parse_default_credit_limit(d.pop("default_credit_limit", UNSET))


        program_patch = cls(
            name=name,
            default_discount_percent=default_discount_percent,
            prepaid_orders_required=prepaid_orders_required,
            payment_terms_days=payment_terms_days,
            annual_interest_rate=annual_interest_rate,
            default_credit_limit=default_credit_limit,
        )

        return program_patch

