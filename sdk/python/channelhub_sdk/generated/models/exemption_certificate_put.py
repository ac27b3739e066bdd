from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.exemption_certificate_put_state import ExemptionCertificatePutState
from typing import cast
import datetime






T = TypeVar("T", bound="ExemptionCertificatePut")



@_attrs_define
class ExemptionCertificatePut:
    """ 
        Attributes:
            state (ExemptionCertificatePutState):
            number (str):
            valid_from (datetime.date):
            valid_until (datetime.date):
     """

    state: ExemptionCertificatePutState
    number: str
    valid_from: datetime.date
    valid_until: datetime.date





    def to_dict(self) -> dict[str, Any]:
        state = self.state.value

        number = self.number

        valid_from = self.valid_from.isoformat()

        valid_until = self.valid_until.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "state": state,
            "number": number,
            "valid_from": valid_from,
            "valid_until": valid_until,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        state = ExemptionCertificatePutState(d.pop("state"))




        number = d.pop("number")

        valid_from = datetime.date.fromisoformat(d.pop("valid_from"))




        valid_until = datetime.date.fromisoformat(d.pop("valid_until"))




        exemption_certificate_put = cls(
            state=state,
            number=number,
            valid_from=valid_from,
            valid_until=valid_until,
        )

        return exemption_certificate_put

