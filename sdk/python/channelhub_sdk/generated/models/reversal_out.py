from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.reversal_status import ReversalStatus
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.money_out import MoneyOut





T = TypeVar("T", bound="ReversalOut")



@_attrs_define
class ReversalOut:
    """ A booked debit that undid an earlier payment (RvslInd or a return), or — `unmatched` — one
    naming no payment we know, kept for staff.

        Attributes:
            id (UUID):
            payment_id (None | UUID):
            amount (MoneyOut):
            booked_on (datetime.date):
            reason (None | str):
            status (ReversalStatus): A booked debit that reverses or returns an earlier credit: it undid the payment it
                names
                (`applied`), or names none billing knows and is kept for staff (`unmatched`).
     """

    id: UUID
    payment_id: None | UUID
    amount: MoneyOut
    booked_on: datetime.date
    reason: None | str
    status: ReversalStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.money_out import MoneyOut # noqa: PLC0415
        id = str(self.id)

        payment_id: None | str
        if isinstance(self.payment_id, UUID):
            payment_id = str(self.payment_id)
        else:
            payment_id = self.payment_id

        amount = self.amount.to_dict()

        booked_on = self.booked_on.isoformat()

        reason: None | str
        reason = self.reason

        status = self.status.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "payment_id": payment_id,
            "amount": amount,
            "booked_on": booked_on,
            "reason": reason,
            "status": status,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money_out import MoneyOut # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        def _parse_payment_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                payment_id_type_0 = UUID(data)



                return payment_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        payment_id = _parse_payment_id(d.pop("payment_id"))


        amount = MoneyOut.from_dict(d.pop("amount"))




        booked_on = datetime.date.fromisoformat(d.pop("booked_on"))




        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))


        status = ReversalStatus(d.pop("status"))




        reversal_out = cls(
            id=id,
            payment_id=payment_id,
            amount=amount,
            booked_on=booked_on,
            reason=reason,
            status=status,
        )


        reversal_out.additional_properties = d
        return reversal_out

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
