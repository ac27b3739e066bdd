from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.return_in_method import ReturnInMethod
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="ReturnIn")



@_attrs_define
class ReturnIn:
    """ 
        Attributes:
            method (ReturnInMethod):
            wipe_certificate_id (str):
            wiping_company (str):
            wiped_on (datetime.date | None | Unset):
     """

    method: ReturnInMethod
    wipe_certificate_id: str
    wiping_company: str
    wiped_on: datetime.date | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        method = self.method.value

        wipe_certificate_id = self.wipe_certificate_id

        wiping_company = self.wiping_company

        wiped_on: None | str | Unset
        if isinstance(self.wiped_on, Unset):
            wiped_on = UNSET
        elif isinstance(self.wiped_on, datetime.date):
            wiped_on = self.wiped_on.isoformat()
        else:
            wiped_on = self.wiped_on


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "method": method,
            "wipe_certificate_id": wipe_certificate_id,
            "wiping_company": wiping_company,
        })
        if wiped_on is not UNSET:
            field_dict["wiped_on"] = wiped_on

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        method = ReturnInMethod(d.pop("method"))




        wipe_certificate_id = d.pop("wipe_certificate_id")

        wiping_company = d.pop("wiping_company")

        def _parse_wiped_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                wiped_on_type_0 = datetime.date.fromisoformat(data)



                return wiped_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        wiped_on = _parse_wiped_on(d.pop("wiped_on", UNSET))


        return_in = cls(
            method=method,
            wipe_certificate_id=wipe_certificate_id,
            wiping_company=wiping_company,
            wiped_on=wiped_on,
        )

        return return_in

