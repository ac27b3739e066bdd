from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.money_in import MoneyIn





T = TypeVar("T", bound="PaymentCreate")



@_attrs_define
class PaymentCreate:
    """ A bank transfer staff saw arrive (R-BI-1): the structured reference it quoted, what came in.

        Attributes:
            reference (str):
            amount (MoneyIn): An amount as partners send it: a decimal string (or integer), never a float.
            received_on (datetime.date):
            debtor (None | str | Unset):
     """

    reference: str
    amount: MoneyIn
    received_on: datetime.date
    debtor: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.money_in import MoneyIn # noqa: PLC0415
        reference = self.reference

        amount = self.amount.to_dict()

        received_on = self.received_on.isoformat()

        debtor: None | str | Unset
        if isinstance(self.debtor, Unset):
            debtor = UNSET
        else:
            debtor = self.debtor


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "reference": reference,
            "amount": amount,
            "received_on": received_on,
        })
        if debtor is not UNSET:
            field_dict["debtor"] = debtor

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money_in import MoneyIn # noqa: PLC0415
        d = dict(src_dict)
        reference = d.pop("reference")

        amount = MoneyIn.from_dict(d.pop("amount"))




        received_on = datetime.date.fromisoformat(d.pop("received_on"))




        def _parse_debtor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        debtor = _parse_debtor(d.pop("debtor", UNSET))


        payment_create = cls(
            reference=reference,
            amount=amount,
            received_on=received_on,
            debtor=debtor,
        )

        return payment_create

