from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.undone_reason import UndoneReason
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.money_out import MoneyOut





T = TypeVar("T", bound="AllocationOut")



@_attrs_define
class AllocationOut:
    """ 
        Attributes:
            invoice_id (UUID):
            invoice_number (str):
            amount (MoneyOut):
            principal (MoneyOut):
            interest (MoneyOut):
            value_date (datetime.date | None):
            undone (None | UndoneReason):
     """

    invoice_id: UUID
    invoice_number: str
    amount: MoneyOut
    principal: MoneyOut
    interest: MoneyOut
    value_date: datetime.date | None
    undone: None | UndoneReason
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.money_out import MoneyOut # noqa: PLC0415
        invoice_id = str(self.invoice_id)

        invoice_number = self.invoice_number

        amount = self.amount.to_dict()

        principal = self.principal.to_dict()

        interest = self.interest.to_dict()

        value_date: None | str
        if isinstance(self.value_date, datetime.date):
            value_date = self.value_date.isoformat()
        else:
            value_date = self.value_date

        undone: None | str
        if isinstance(self.undone, UndoneReason):
            undone = self.undone.value
        else:
            undone = self.undone


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "invoice_id": invoice_id,
            "invoice_number": invoice_number,
            "amount": amount,
            "principal": principal,
            "interest": interest,
            "value_date": value_date,
            "undone": undone,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money_out import MoneyOut # noqa: PLC0415
        d = dict(src_dict)
        invoice_id = UUID(d.pop("invoice_id"))




        invoice_number = d.pop("invoice_number")

        amount = MoneyOut.from_dict(d.pop("amount"))




        principal = MoneyOut.from_dict(d.pop("principal"))




        interest = MoneyOut.from_dict(d.pop("interest"))




        def _parse_value_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                value_date_type_0 = datetime.date.fromisoformat(data)



                return value_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        value_date = _parse_value_date(d.pop("value_date"))


        def _parse_undone(data: object) -> None | UndoneReason:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                undone_type_0 = UndoneReason(data)



                return undone_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UndoneReason, data)

        undone = _parse_undone(d.pop("undone"))


        allocation_out = cls(
            invoice_id=invoice_id,
            invoice_number=invoice_number,
            amount=amount,
            principal=principal,
            interest=interest,
            value_date=value_date,
            undone=undone,
        )


        allocation_out.additional_properties = d
        return allocation_out

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
