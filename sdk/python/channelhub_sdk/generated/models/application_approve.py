from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ApplicationApprove")



@_attrs_define
class ApplicationApprove:
    """ 
        Attributes:
            discount_percent (int | None | str | Unset):
            credit_limit (int | None | str | Unset):
            eligibility_override_reason (None | str | Unset): R-ON-1: required to approve a consultancy; why it is eligible
                all the same
     """

    discount_percent: int | None | str | Unset = UNSET
    credit_limit: int | None | str | Unset = UNSET
    eligibility_override_reason: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        discount_percent: int | None | str | Unset
        if isinstance(self.discount_percent, Unset):
            discount_percent = UNSET
        else:
            discount_percent = self.discount_percent

        credit_limit: int | None | str | Unset
        if isinstance(self.credit_limit, Unset):
            credit_limit = UNSET
        else:
            credit_limit = self.credit_limit

        eligibility_override_reason: None | str | Unset
        if isinstance(self.eligibility_override_reason, Unset):
            eligibility_override_reason = UNSET
        else:
            eligibility_override_reason = self.eligibility_override_reason


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if discount_percent is not UNSET:
            field_dict["discount_percent"] = discount_percent
        if credit_limit is not UNSET:
            field_dict["credit_limit"] = credit_limit
        if eligibility_override_reason is not UNSET:
            field_dict["eligibility_override_reason"] = eligibility_override_reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_discount_percent(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        discount_percent = _parse_discount_percent(d.pop("discount_percent", UNSET))


        def _parse_credit_limit(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        credit_limit = _parse_credit_limit(d.pop("credit_limit", UNSET))


        def _parse_eligibility_override_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        eligibility_override_reason = _parse_eligibility_override_reason(d.pop("eligibility_override_reason", UNSET))


        application_approve = cls(
            discount_percent=discount_percent,
            credit_limit=credit_limit,
            eligibility_override_reason=eligibility_override_reason,
        )

        return application_approve

