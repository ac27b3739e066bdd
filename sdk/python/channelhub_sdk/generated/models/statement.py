from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.money_out import MoneyOut
  from ..models.statement_item import StatementItem





T = TypeVar("T", bound="Statement")



@_attrs_define
class Statement:
    """ 
        Attributes:
            id (UUID):
            reseller_id (UUID):
            month (str):
            issue_date (datetime.date):
            currency (str):
            open_total (MoneyOut):
            credit_balance (MoneyOut):
            payment_reference (None | str):
            items (list[StatementItem]):
            created_at (datetime.datetime):
     """

    id: UUID
    reseller_id: UUID
    month: str
    issue_date: datetime.date
    currency: str
    open_total: MoneyOut
    credit_balance: MoneyOut
    payment_reference: None | str
    items: list[StatementItem]
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.money_out import MoneyOut # noqa: PLC0415
        from ..models.statement_item import StatementItem # noqa: PLC0415
        id = str(self.id)

        reseller_id = str(self.reseller_id)

        month = self.month

        issue_date = self.issue_date.isoformat()

        currency = self.currency

        open_total = self.open_total.to_dict()

        credit_balance = self.credit_balance.to_dict()

        payment_reference: None | str
        payment_reference = self.payment_reference

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)



        created_at = self.created_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "reseller_id": reseller_id,
            "month": month,
            "issue_date": issue_date,
            "currency": currency,
            "open_total": open_total,
            "credit_balance": credit_balance,
            "payment_reference": payment_reference,
            "items": items,
            "created_at": created_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money_out import MoneyOut # noqa: PLC0415
        from ..models.statement_item import StatementItem # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        reseller_id = UUID(d.pop("reseller_id"))




        month = d.pop("month")

        issue_date = datetime.date.fromisoformat(d.pop("issue_date"))




        currency = d.pop("currency")

        open_total = MoneyOut.from_dict(d.pop("open_total"))




        credit_balance = MoneyOut.from_dict(d.pop("credit_balance"))




        def _parse_payment_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        payment_reference = _parse_payment_reference(d.pop("payment_reference"))


        items = []
        _items = d.pop("items")
        for items_item_data in (_items):
            items_item = StatementItem.from_dict(items_item_data)



            items.append(items_item)


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        statement = cls(
            id=id,
            reseller_id=reseller_id,
            month=month,
            issue_date=issue_date,
            currency=currency,
            open_total=open_total,
            credit_balance=credit_balance,
            payment_reference=payment_reference,
            items=items,
            created_at=created_at,
        )


        statement.additional_properties = d
        return statement

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
