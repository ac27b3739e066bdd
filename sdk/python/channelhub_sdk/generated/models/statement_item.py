from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.invoice_status import InvoiceStatus
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.money_out import MoneyOut





T = TypeVar("T", bound="StatementItem")



@_attrs_define
class StatementItem:
    """ 
        Attributes:
            invoice_id (UUID):
            number (str):
            issue_date (datetime.date):
            due_date (datetime.date):
            status (InvoiceStatus): An invoice's status (R-BI-1…4, R-BI-8): billing's column and API, its invoice events,
                and the
                receivables reports keeps of them.
            amount_due (MoneyOut):
            payment_reference (None | str | Unset):
            interest (MoneyOut | None | Unset):
     """

    invoice_id: UUID
    number: str
    issue_date: datetime.date
    due_date: datetime.date
    status: InvoiceStatus
    amount_due: MoneyOut
    payment_reference: None | str | Unset = UNSET
    interest: MoneyOut | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.money_out import MoneyOut # noqa: PLC0415
        invoice_id = str(self.invoice_id)

        number = self.number

        issue_date = self.issue_date.isoformat()

        due_date = self.due_date.isoformat()

        status = self.status.value

        amount_due = self.amount_due.to_dict()

        payment_reference: None | str | Unset
        if isinstance(self.payment_reference, Unset):
            payment_reference = UNSET
        else:
            payment_reference = self.payment_reference

        interest: dict[str, Any] | None | Unset
        if isinstance(self.interest, Unset):
            interest = UNSET
        elif isinstance(self.interest, MoneyOut):
            interest = self.interest.to_dict()
        else:
            interest = self.interest


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "invoice_id": invoice_id,
            "number": number,
            "issue_date": issue_date,
            "due_date": due_date,
            "status": status,
            "amount_due": amount_due,
        })
        if payment_reference is not UNSET:
            field_dict["payment_reference"] = payment_reference
        if interest is not UNSET:
            field_dict["interest"] = interest

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money_out import MoneyOut # noqa: PLC0415
        d = dict(src_dict)
        invoice_id = UUID(d.pop("invoice_id"))




        number = d.pop("number")

        issue_date = datetime.date.fromisoformat(d.pop("issue_date"))




        due_date = datetime.date.fromisoformat(d.pop("due_date"))




        status = InvoiceStatus(d.pop("status"))




        amount_due = MoneyOut.from_dict(d.pop("amount_due"))




        def _parse_payment_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        payment_reference = _parse_payment_reference(d.pop("payment_reference", UNSET))


        def _parse_interest(data: object) -> MoneyOut | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                interest_type_0 = MoneyOut.from_dict(data)



                return interest_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MoneyOut | None | Unset, data)

        interest = _parse_interest(d.pop("interest", UNSET))


        statement_item = cls(
            invoice_id=invoice_id,
            number=number,
            issue_date=issue_date,
            due_date=due_date,
            status=status,
            amount_due=amount_due,
            payment_reference=payment_reference,
            interest=interest,
        )


        statement_item.additional_properties = d
        return statement_item

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
