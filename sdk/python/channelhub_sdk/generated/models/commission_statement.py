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
  from ..models.commission_line import CommissionLine
  from ..models.money_out import MoneyOut





T = TypeVar("T", bound="CommissionStatement")



@_attrs_define
class CommissionStatement:
    """ 
        Attributes:
            id (UUID):
            reseller_id (UUID):
            month (str):
            issue_date (datetime.date):
            total (MoneyOut):
            lines (list[CommissionLine]):
     """

    id: UUID
    reseller_id: UUID
    month: str
    issue_date: datetime.date
    total: MoneyOut
    lines: list[CommissionLine]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.commission_line import CommissionLine # noqa: PLC0415
        from ..models.money_out import MoneyOut # noqa: PLC0415
        id = str(self.id)

        reseller_id = str(self.reseller_id)

        month = self.month

        issue_date = self.issue_date.isoformat()

        total = self.total.to_dict()

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "reseller_id": reseller_id,
            "month": month,
            "issue_date": issue_date,
            "total": total,
            "lines": lines,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.commission_line import CommissionLine # noqa: PLC0415
        from ..models.money_out import MoneyOut # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        reseller_id = UUID(d.pop("reseller_id"))




        month = d.pop("month")

        issue_date = datetime.date.fromisoformat(d.pop("issue_date"))




        total = MoneyOut.from_dict(d.pop("total"))




        lines = []
        _lines = d.pop("lines")
        for lines_item_data in (_lines):
            lines_item = CommissionLine.from_dict(lines_item_data)



            lines.append(lines_item)


        commission_statement = cls(
            id=id,
            reseller_id=reseller_id,
            month=month,
            issue_date=issue_date,
            total=total,
            lines=lines,
        )


        commission_statement.additional_properties = d
        return commission_statement

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
