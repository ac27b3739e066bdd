from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.commission_reason import CommissionReason
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.money_out import MoneyOut





T = TypeVar("T", bound="Commission")



@_attrs_define
class Commission:
    """ 
        Attributes:
            commission_id (UUID):
            contract_id (UUID):
            reason (CommissionReason): Why a partner commission was earned (R-WA-4): a new contract, or its renewal
                (extension).
                Leasing's commission events; billing's commission entries and statements (R-BI-7).
            earned_on (datetime.date):
            amount (MoneyOut):
            statement_id (None | UUID):
     """

    commission_id: UUID
    contract_id: UUID
    reason: CommissionReason
    earned_on: datetime.date
    amount: MoneyOut
    statement_id: None | UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.money_out import MoneyOut # noqa: PLC0415
        commission_id = str(self.commission_id)

        contract_id = str(self.contract_id)

        reason = self.reason.value

        earned_on = self.earned_on.isoformat()

        amount = self.amount.to_dict()

        statement_id: None | str
        if isinstance(self.statement_id, UUID):
            statement_id = str(self.statement_id)
        else:
            statement_id = self.statement_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "commission_id": commission_id,
            "contract_id": contract_id,
            "reason": reason,
            "earned_on": earned_on,
            "amount": amount,
            "statement_id": statement_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money_out import MoneyOut # noqa: PLC0415
        d = dict(src_dict)
        commission_id = UUID(d.pop("commission_id"))




        contract_id = UUID(d.pop("contract_id"))




        reason = CommissionReason(d.pop("reason"))




        earned_on = datetime.date.fromisoformat(d.pop("earned_on"))




        amount = MoneyOut.from_dict(d.pop("amount"))




        def _parse_statement_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                statement_id_type_0 = UUID(data)



                return statement_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        statement_id = _parse_statement_id(d.pop("statement_id"))


        commission = cls(
            commission_id=commission_id,
            contract_id=contract_id,
            reason=reason,
            earned_on=earned_on,
            amount=amount,
            statement_id=statement_id,
        )


        commission.additional_properties = d
        return commission

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
