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
  from ..models.money_in_type_0 import MoneyInType0
  from ..models.money_in_type_1 import MoneyInType1
  from ..models.money_in_type_2 import MoneyInType2
  from ..models.money_in_type_3 import MoneyInType3





T = TypeVar("T", bound="PaymentCreate")



@_attrs_define
class PaymentCreate:
    """ A bank transfer staff saw arrive (R-BI-1): the structured reference it quoted, what came in.

        Attributes:
            reference (str):
            amount (MoneyInType0 | MoneyInType1 | MoneyInType2 | MoneyInType3): An amount as partners send it: a decimal
                string (or integer), never a float.
            received_on (datetime.date):
            debtor (None | str | Unset):
     """

    reference: str
    amount: MoneyInType0 | MoneyInType1 | MoneyInType2 | MoneyInType3
    received_on: datetime.date
    debtor: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.money_in_type_0 import MoneyInType0 # noqa: PLC0415
        from ..models.money_in_type_1 import MoneyInType1 # noqa: PLC0415
        from ..models.money_in_type_2 import MoneyInType2 # noqa: PLC0415
        from ..models.money_in_type_3 import MoneyInType3 # noqa: PLC0415
        reference = self.reference

        amount: dict[str, Any]
        if isinstance(self.amount, MoneyInType0):
            amount = self.amount.to_dict()
        elif isinstance(self.amount, MoneyInType1):
            amount = self.amount.to_dict()
        elif isinstance(self.amount, MoneyInType2):
            amount = self.amount.to_dict()
        else:
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
        from ..models.money_in_type_0 import MoneyInType0 # noqa: PLC0415
        from ..models.money_in_type_1 import MoneyInType1 # noqa: PLC0415
        from ..models.money_in_type_2 import MoneyInType2 # noqa: PLC0415
        from ..models.money_in_type_3 import MoneyInType3 # noqa: PLC0415
        d = dict(src_dict)
        reference = d.pop("reference")

        def _parse_amount(data: object) -> MoneyInType0 | MoneyInType1 | MoneyInType2 | MoneyInType3:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_money_in_type_0 = MoneyInType0.from_dict(data)



                return componentsschemas_money_in_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_money_in_type_1 = MoneyInType1.from_dict(data)



                return componentsschemas_money_in_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_money_in_type_2 = MoneyInType2.from_dict(data)



                return componentsschemas_money_in_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_money_in_type_3 = MoneyInType3.from_dict(data)



            return componentsschemas_money_in_type_3

        amount = _parse_amount(d.pop("amount"))


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

