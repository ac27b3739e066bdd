from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.payment_source import PaymentSource
from ..models.payment_status import PaymentStatus
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.allocation_out import AllocationOut
  from ..models.money_out import MoneyOut





T = TypeVar("T", bound="Payment")



@_attrs_define
class Payment:
    """ 
        Attributes:
            id (UUID):
            source (PaymentSource): How a payment came in: recorded by staff, or read from a bank file (camt.053/054).
            reference (None | str):
            amount (MoneyOut | None):
            received_on (datetime.date):
            debtor (None | str):
            status (PaymentStatus): A payment's status (R-BI-1, R-BI-9): `matched` — every invoice it named is settled (any
                rest
                is the reseller's credit balance); `partial` — an invoice it named is still owed; `unmatched` —
                no payer known, on the staff work list; `reversed` — the bank took it back.
            unapplied (MoneyOut | None):
            reseller_id (None | UUID):
            references (list[str]):
            end_to_end_id (None | str):
            reversed_on (datetime.date | None):
            allocations (list[AllocationOut]):
            created_at (datetime.datetime):
     """

    id: UUID
    source: PaymentSource
    reference: None | str
    amount: MoneyOut | None
    received_on: datetime.date
    debtor: None | str
    status: PaymentStatus
    unapplied: MoneyOut | None
    reseller_id: None | UUID
    references: list[str]
    end_to_end_id: None | str
    reversed_on: datetime.date | None
    allocations: list[AllocationOut]
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.allocation_out import AllocationOut # noqa: PLC0415
        from ..models.money_out import MoneyOut # noqa: PLC0415
        id = str(self.id)

        source = self.source.value

        reference: None | str
        reference = self.reference

        amount: dict[str, Any] | None
        if isinstance(self.amount, MoneyOut):
            amount = self.amount.to_dict()
        else:
            amount = self.amount

        received_on = self.received_on.isoformat()

        debtor: None | str
        debtor = self.debtor

        status = self.status.value

        unapplied: dict[str, Any] | None
        if isinstance(self.unapplied, MoneyOut):
            unapplied = self.unapplied.to_dict()
        else:
            unapplied = self.unapplied

        reseller_id: None | str
        if isinstance(self.reseller_id, UUID):
            reseller_id = str(self.reseller_id)
        else:
            reseller_id = self.reseller_id

        references = self.references



        end_to_end_id: None | str
        end_to_end_id = self.end_to_end_id

        reversed_on: None | str
        if isinstance(self.reversed_on, datetime.date):
            reversed_on = self.reversed_on.isoformat()
        else:
            reversed_on = self.reversed_on

        allocations = []
        for allocations_item_data in self.allocations:
            allocations_item = allocations_item_data.to_dict()
            allocations.append(allocations_item)



        created_at = self.created_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "source": source,
            "reference": reference,
            "amount": amount,
            "received_on": received_on,
            "debtor": debtor,
            "status": status,
            "unapplied": unapplied,
            "reseller_id": reseller_id,
            "references": references,
            "end_to_end_id": end_to_end_id,
            "reversed_on": reversed_on,
            "allocations": allocations,
            "created_at": created_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.allocation_out import AllocationOut # noqa: PLC0415
        from ..models.money_out import MoneyOut # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        source = PaymentSource(d.pop("source"))




        def _parse_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reference = _parse_reference(d.pop("reference"))


        def _parse_amount(data: object) -> MoneyOut | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                amount_type_0 = MoneyOut.from_dict(data)



                return amount_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MoneyOut | None, data)

        amount = _parse_amount(d.pop("amount"))


        received_on = datetime.date.fromisoformat(d.pop("received_on"))




        def _parse_debtor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        debtor = _parse_debtor(d.pop("debtor"))


        status = PaymentStatus(d.pop("status"))




        def _parse_unapplied(data: object) -> MoneyOut | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                unapplied_type_0 = MoneyOut.from_dict(data)



                return unapplied_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MoneyOut | None, data)

        unapplied = _parse_unapplied(d.pop("unapplied"))


        def _parse_reseller_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reseller_id_type_0 = UUID(data)



                return reseller_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        reseller_id = _parse_reseller_id(d.pop("reseller_id"))


        references = cast(list[str], d.pop("references"))


        def _parse_end_to_end_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        end_to_end_id = _parse_end_to_end_id(d.pop("end_to_end_id"))


        def _parse_reversed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reversed_on_type_0 = datetime.date.fromisoformat(data)



                return reversed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        reversed_on = _parse_reversed_on(d.pop("reversed_on"))


        allocations = []
        _allocations = d.pop("allocations")
        for allocations_item_data in (_allocations):
            allocations_item = AllocationOut.from_dict(allocations_item_data)



            allocations.append(allocations_item)


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        payment = cls(
            id=id,
            source=source,
            reference=reference,
            amount=amount,
            received_on=received_on,
            debtor=debtor,
            status=status,
            unapplied=unapplied,
            reseller_id=reseller_id,
            references=references,
            end_to_end_id=end_to_end_id,
            reversed_on=reversed_on,
            allocations=allocations,
            created_at=created_at,
        )


        payment.additional_properties = d
        return payment

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
