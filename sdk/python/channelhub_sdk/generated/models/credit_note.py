from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.credit_note_kind import CreditNoteKind
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.money_out import MoneyOut





T = TypeVar("T", bound="CreditNote")



@_attrs_define
class CreditNote:
    """ 
        Attributes:
            id (UUID):
            number (str):
            invoice_id (UUID):
            invoice_number (str):
            reseller_id (UUID):
            order_id (None | UUID):
            kind (CreditNoteKind): What a credit note takes back (R-BI-8): a cancelled order, a handover to the vendor's
                sales
                team (R-OR-9), an expired prepay order — one each per invoice, automatically — or a staff
                correction. Billing's column and API, `billing.credit_note.issued.v1`.
            reason (str):
            net (MoneyOut):
            tax (MoneyOut):
            total (MoneyOut):
            refunded_to_balance (MoneyOut):
            issue_date (datetime.date):
            created_at (datetime.datetime):
     """

    id: UUID
    number: str
    invoice_id: UUID
    invoice_number: str
    reseller_id: UUID
    order_id: None | UUID
    kind: CreditNoteKind
    reason: str
    net: MoneyOut
    tax: MoneyOut
    total: MoneyOut
    refunded_to_balance: MoneyOut
    issue_date: datetime.date
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.money_out import MoneyOut # noqa: PLC0415
        id = str(self.id)

        number = self.number

        invoice_id = str(self.invoice_id)

        invoice_number = self.invoice_number

        reseller_id = str(self.reseller_id)

        order_id: None | str
        if isinstance(self.order_id, UUID):
            order_id = str(self.order_id)
        else:
            order_id = self.order_id

        kind = self.kind.value

        reason = self.reason

        net = self.net.to_dict()

        tax = self.tax.to_dict()

        total = self.total.to_dict()

        refunded_to_balance = self.refunded_to_balance.to_dict()

        issue_date = self.issue_date.isoformat()

        created_at = self.created_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "number": number,
            "invoice_id": invoice_id,
            "invoice_number": invoice_number,
            "reseller_id": reseller_id,
            "order_id": order_id,
            "kind": kind,
            "reason": reason,
            "net": net,
            "tax": tax,
            "total": total,
            "refunded_to_balance": refunded_to_balance,
            "issue_date": issue_date,
            "created_at": created_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money_out import MoneyOut # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        number = d.pop("number")

        invoice_id = UUID(d.pop("invoice_id"))




        invoice_number = d.pop("invoice_number")

        reseller_id = UUID(d.pop("reseller_id"))




        def _parse_order_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                order_id_type_0 = UUID(data)



                return order_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        order_id = _parse_order_id(d.pop("order_id"))


        kind = CreditNoteKind(d.pop("kind"))




        reason = d.pop("reason")

        net = MoneyOut.from_dict(d.pop("net"))




        tax = MoneyOut.from_dict(d.pop("tax"))




        total = MoneyOut.from_dict(d.pop("total"))




        refunded_to_balance = MoneyOut.from_dict(d.pop("refunded_to_balance"))




        issue_date = datetime.date.fromisoformat(d.pop("issue_date"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        credit_note = cls(
            id=id,
            number=number,
            invoice_id=invoice_id,
            invoice_number=invoice_number,
            reseller_id=reseller_id,
            order_id=order_id,
            kind=kind,
            reason=reason,
            net=net,
            tax=tax,
            total=total,
            refunded_to_balance=refunded_to_balance,
            issue_date=issue_date,
            created_at=created_at,
        )


        credit_note.additional_properties = d
        return credit_note

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
