from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.reseller_patch_status import ResellerPatchStatus
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ResellerPatch")



@_attrs_define
class ResellerPatch:
    """ 
        Attributes:
            discount_percent (int | str | Unset):
            credit_limit (int | str | Unset):
            status (ResellerPatchStatus | Unset):
     """

    discount_percent: int | str | Unset = UNSET
    credit_limit: int | str | Unset = UNSET
    status: ResellerPatchStatus | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        discount_percent: int | str | Unset
        if isinstance(self.discount_percent, Unset):
            discount_percent = UNSET
        else:
            discount_percent = self.discount_percent

        credit_limit: int | str | Unset
        if isinstance(self.credit_limit, Unset):
            credit_limit = UNSET
        else:
            credit_limit = self.credit_limit

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value



        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if discount_percent is not UNSET:
            field_dict["discount_percent"] = discount_percent
        if credit_limit is not UNSET:
            field_dict["credit_limit"] = credit_limit
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_discount_percent(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        discount_percent = _parse_discount_percent(d.pop("discount_percent", UNSET))


        def _parse_credit_limit(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        credit_limit = _parse_credit_limit(d.pop("credit_limit", UNSET))


        _status = d.pop("status", UNSET)
        status: ResellerPatchStatus | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = ResellerPatchStatus(_status)




        reseller_patch = cls(
            discount_percent=discount_percent,
            credit_limit=credit_limit,
            status=status,
        )

        return reseller_patch

