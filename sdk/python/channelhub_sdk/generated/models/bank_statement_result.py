from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.held_entry import HeldEntry
  from ..models.not_booked_entry import NotBookedEntry
  from ..models.payment import Payment
  from ..models.reversal_out import ReversalOut





T = TypeVar("T", bound="BankStatementResult")



@_attrs_define
class BankStatementResult:
    """ 
        Attributes:
            id (UUID):
            statement_key (str):
            duplicate (bool):
            entries (int):
            matched (int):
            partial (int):
            unmatched (int):
            already_recorded (int):
            debit_entries_ignored (int):
            payments (list[Payment]):
            reversals (list[ReversalOut] | Unset):
            not_booked (list[NotBookedEntry] | Unset):
            held (list[HeldEntry] | Unset):
     """

    id: UUID
    statement_key: str
    duplicate: bool
    entries: int
    matched: int
    partial: int
    unmatched: int
    already_recorded: int
    debit_entries_ignored: int
    payments: list[Payment]
    reversals: list[ReversalOut] | Unset = UNSET
    not_booked: list[NotBookedEntry] | Unset = UNSET
    held: list[HeldEntry] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.held_entry import HeldEntry # noqa: PLC0415
        from ..models.not_booked_entry import NotBookedEntry # noqa: PLC0415
        from ..models.payment import Payment # noqa: PLC0415
        from ..models.reversal_out import ReversalOut # noqa: PLC0415
        id = str(self.id)

        statement_key = self.statement_key

        duplicate = self.duplicate

        entries = self.entries

        matched = self.matched

        partial = self.partial

        unmatched = self.unmatched

        already_recorded = self.already_recorded

        debit_entries_ignored = self.debit_entries_ignored

        payments = []
        for payments_item_data in self.payments:
            payments_item = payments_item_data.to_dict()
            payments.append(payments_item)



        reversals: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.reversals, Unset):
            reversals = []
            for reversals_item_data in self.reversals:
                reversals_item = reversals_item_data.to_dict()
                reversals.append(reversals_item)



        not_booked: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.not_booked, Unset):
            not_booked = []
            for not_booked_item_data in self.not_booked:
                not_booked_item = not_booked_item_data.to_dict()
                not_booked.append(not_booked_item)



        held: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.held, Unset):
            held = []
            for held_item_data in self.held:
                held_item = held_item_data.to_dict()
                held.append(held_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "statement_key": statement_key,
            "duplicate": duplicate,
            "entries": entries,
            "matched": matched,
            "partial": partial,
            "unmatched": unmatched,
            "already_recorded": already_recorded,
            "debit_entries_ignored": debit_entries_ignored,
            "payments": payments,
        })
        if reversals is not UNSET:
            field_dict["reversals"] = reversals
        if not_booked is not UNSET:
            field_dict["not_booked"] = not_booked
        if held is not UNSET:
            field_dict["held"] = held

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.held_entry import HeldEntry # noqa: PLC0415
        from ..models.not_booked_entry import NotBookedEntry # noqa: PLC0415
        from ..models.payment import Payment # noqa: PLC0415
        from ..models.reversal_out import ReversalOut # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        statement_key = d.pop("statement_key")

        duplicate = d.pop("duplicate")

        entries = d.pop("entries")

        matched = d.pop("matched")

        partial = d.pop("partial")

        unmatched = d.pop("unmatched")

        already_recorded = d.pop("already_recorded")

        debit_entries_ignored = d.pop("debit_entries_ignored")

        payments = []
        _payments = d.pop("payments")
        for payments_item_data in (_payments):
            payments_item = Payment.from_dict(payments_item_data)



            payments.append(payments_item)


        _reversals = d.pop("reversals", UNSET)
        reversals: list[ReversalOut] | Unset = UNSET
        if _reversals is not UNSET:
            reversals = []
            for reversals_item_data in _reversals:
                reversals_item = ReversalOut.from_dict(reversals_item_data)



                reversals.append(reversals_item)


        _not_booked = d.pop("not_booked", UNSET)
        not_booked: list[NotBookedEntry] | Unset = UNSET
        if _not_booked is not UNSET:
            not_booked = []
            for not_booked_item_data in _not_booked:
                not_booked_item = NotBookedEntry.from_dict(not_booked_item_data)



                not_booked.append(not_booked_item)


        _held = d.pop("held", UNSET)
        held: list[HeldEntry] | Unset = UNSET
        if _held is not UNSET:
            held = []
            for held_item_data in _held:
                held_item = HeldEntry.from_dict(held_item_data)



                held.append(held_item)


        bank_statement_result = cls(
            id=id,
            statement_key=statement_key,
            duplicate=duplicate,
            entries=entries,
            matched=matched,
            partial=partial,
            unmatched=unmatched,
            already_recorded=already_recorded,
            debit_entries_ignored=debit_entries_ignored,
            payments=payments,
            reversals=reversals,
            not_booked=not_booked,
            held=held,
        )


        bank_statement_result.additional_properties = d
        return bank_statement_result

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
