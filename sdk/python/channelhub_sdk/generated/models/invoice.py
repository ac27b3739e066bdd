from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.invoice_kind import InvoiceKind
from ..models.invoice_status import InvoiceStatus
from ..models.invoice_tax_regime import InvoiceTaxRegime
from ..models.payment_requirement import PaymentRequirement
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.bank_details import BankDetails
  from ..models.credit_note_ref import CreditNoteRef
  from ..models.invoice_line import InvoiceLine
  from ..models.money_out import MoneyOut
  from ..models.party import Party





T = TypeVar("T", bound="Invoice")



@_attrs_define
class Invoice:
    """ 
        Attributes:
            id (UUID):
            number (str):
            kind (InvoiceKind): What an invoice bills: an order or a subscription charge, to the reseller (R-BI-1), or a
                WaaS
                contract's instalment, termination fee or pick-up, to the end customer (`waas`, R-BI-6).
                Billing's column and API, its invoice events.
            order_id (None | UUID):
            subscription_id (None | UUID):
            charge_id (None | UUID):
            contract_id (None | UUID):
            period (None | str):
            reseller_id (UUID):
            customer_id (None | UUID):
            status (InvoiceStatus): An invoice's status (R-BI-1…4, R-BI-8): billing's column and API, its invoice events,
                and the
                receivables reports keeps of them.
            payment_requirement (PaymentRequirement): Whether an order or a subscription charge is paid before it is
                released (`prepay`, R-BI-2)
                or goes on the reseller's credit line (`on_account`, R-BI-3, R-ON-6): ordering decides it,
                its events carry it, billing's invoices keep it.
            bill_to (Party):
            ship_to (None | Party):
            lines (list[InvoiceLine]):
            net (MoneyOut):
            tax (MoneyOut):
            total (MoneyOut):
            interest (MoneyOut):
            amount_paid (MoneyOut):
            amount_due (MoneyOut):
            credited (MoneyOut):
            credit_notes (list[CreditNoteRef]):
            tax_regime (InvoiceTaxRegime): The tax an invoice carries (R-OR-5, R-BI-6): US sales tax, EU VAT, EU reverse
                charge or
                none — and `waas_end_customer`, the regime of WaaS invoices issued before WaaS VAT followed the
                rule orders follow: no longer written, still read (their e-invoices are category S, like
                `eu_vat`).
            tax_rate (str):
            tax_note (None | str):
            payment_reference (str):
            bank_details (BankDetails):
            issue_date (datetime.date):
            due_date (datetime.date):
            overdue_since (datetime.date | None):
            reminder_level (int):
            paid_on (datetime.date | None):
            created_at (datetime.datetime):
     """

    id: UUID
    number: str
    kind: InvoiceKind
    order_id: None | UUID
    subscription_id: None | UUID
    charge_id: None | UUID
    contract_id: None | UUID
    period: None | str
    reseller_id: UUID
    customer_id: None | UUID
    status: InvoiceStatus
    payment_requirement: PaymentRequirement
    bill_to: Party
    ship_to: None | Party
    lines: list[InvoiceLine]
    net: MoneyOut
    tax: MoneyOut
    total: MoneyOut
    interest: MoneyOut
    amount_paid: MoneyOut
    amount_due: MoneyOut
    credited: MoneyOut
    credit_notes: list[CreditNoteRef]
    tax_regime: InvoiceTaxRegime
    tax_rate: str
    tax_note: None | str
    payment_reference: str
    bank_details: BankDetails
    issue_date: datetime.date
    due_date: datetime.date
    overdue_since: datetime.date | None
    reminder_level: int
    paid_on: datetime.date | None
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.bank_details import BankDetails # noqa: PLC0415
        from ..models.credit_note_ref import CreditNoteRef # noqa: PLC0415
        from ..models.invoice_line import InvoiceLine # noqa: PLC0415
        from ..models.money_out import MoneyOut # noqa: PLC0415
        from ..models.party import Party # noqa: PLC0415
        id = str(self.id)

        number = self.number

        kind = self.kind.value

        order_id: None | str
        if isinstance(self.order_id, UUID):
            order_id = str(self.order_id)
        else:
            order_id = self.order_id

        subscription_id: None | str
        if isinstance(self.subscription_id, UUID):
            subscription_id = str(self.subscription_id)
        else:
            subscription_id = self.subscription_id

        charge_id: None | str
        if isinstance(self.charge_id, UUID):
            charge_id = str(self.charge_id)
        else:
            charge_id = self.charge_id

        contract_id: None | str
        if isinstance(self.contract_id, UUID):
            contract_id = str(self.contract_id)
        else:
            contract_id = self.contract_id

        period: None | str
        period = self.period

        reseller_id = str(self.reseller_id)

        customer_id: None | str
        if isinstance(self.customer_id, UUID):
            customer_id = str(self.customer_id)
        else:
            customer_id = self.customer_id

        status = self.status.value

        payment_requirement = self.payment_requirement.value

        bill_to = self.bill_to.to_dict()

        ship_to: dict[str, Any] | None
        if isinstance(self.ship_to, Party):
            ship_to = self.ship_to.to_dict()
        else:
            ship_to = self.ship_to

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)



        net = self.net.to_dict()

        tax = self.tax.to_dict()

        total = self.total.to_dict()

        interest = self.interest.to_dict()

        amount_paid = self.amount_paid.to_dict()

        amount_due = self.amount_due.to_dict()

        credited = self.credited.to_dict()

        credit_notes = []
        for credit_notes_item_data in self.credit_notes:
            credit_notes_item = credit_notes_item_data.to_dict()
            credit_notes.append(credit_notes_item)



        tax_regime = self.tax_regime.value

        tax_rate = self.tax_rate

        tax_note: None | str
        tax_note = self.tax_note

        payment_reference = self.payment_reference

        bank_details = self.bank_details.to_dict()

        issue_date = self.issue_date.isoformat()

        due_date = self.due_date.isoformat()

        overdue_since: None | str
        if isinstance(self.overdue_since, datetime.date):
            overdue_since = self.overdue_since.isoformat()
        else:
            overdue_since = self.overdue_since

        reminder_level = self.reminder_level

        paid_on: None | str
        if isinstance(self.paid_on, datetime.date):
            paid_on = self.paid_on.isoformat()
        else:
            paid_on = self.paid_on

        created_at = self.created_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "number": number,
            "kind": kind,
            "order_id": order_id,
            "subscription_id": subscription_id,
            "charge_id": charge_id,
            "contract_id": contract_id,
            "period": period,
            "reseller_id": reseller_id,
            "customer_id": customer_id,
            "status": status,
            "payment_requirement": payment_requirement,
            "bill_to": bill_to,
            "ship_to": ship_to,
            "lines": lines,
            "net": net,
            "tax": tax,
            "total": total,
            "interest": interest,
            "amount_paid": amount_paid,
            "amount_due": amount_due,
            "credited": credited,
            "credit_notes": credit_notes,
            "tax_regime": tax_regime,
            "tax_rate": tax_rate,
            "tax_note": tax_note,
            "payment_reference": payment_reference,
            "bank_details": bank_details,
            "issue_date": issue_date,
            "due_date": due_date,
            "overdue_since": overdue_since,
            "reminder_level": reminder_level,
            "paid_on": paid_on,
            "created_at": created_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bank_details import BankDetails # noqa: PLC0415
        from ..models.credit_note_ref import CreditNoteRef # noqa: PLC0415
        from ..models.invoice_line import InvoiceLine # noqa: PLC0415
        from ..models.money_out import MoneyOut # noqa: PLC0415
        from ..models.party import Party # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        number = d.pop("number")

        kind = InvoiceKind(d.pop("kind"))




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


        def _parse_subscription_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                subscription_id_type_0 = UUID(data)



                return subscription_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        subscription_id = _parse_subscription_id(d.pop("subscription_id"))


        def _parse_charge_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                charge_id_type_0 = UUID(data)



                return charge_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        charge_id = _parse_charge_id(d.pop("charge_id"))


        def _parse_contract_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                contract_id_type_0 = UUID(data)



                return contract_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        contract_id = _parse_contract_id(d.pop("contract_id"))


        def _parse_period(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        period = _parse_period(d.pop("period"))


        reseller_id = UUID(d.pop("reseller_id"))




        def _parse_customer_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                customer_id_type_0 = UUID(data)



                return customer_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        customer_id = _parse_customer_id(d.pop("customer_id"))


        status = InvoiceStatus(d.pop("status"))




        payment_requirement = PaymentRequirement(d.pop("payment_requirement"))




        bill_to = Party.from_dict(d.pop("bill_to"))




        def _parse_ship_to(data: object) -> None | Party:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                ship_to_type_0 = Party.from_dict(data)



                return ship_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Party, data)

        ship_to = _parse_ship_to(d.pop("ship_to"))


        lines = []
        _lines = d.pop("lines")
        for lines_item_data in (_lines):
            lines_item = InvoiceLine.from_dict(lines_item_data)



            lines.append(lines_item)


        net = MoneyOut.from_dict(d.pop("net"))




        tax = MoneyOut.from_dict(d.pop("tax"))




        total = MoneyOut.from_dict(d.pop("total"))




        interest = MoneyOut.from_dict(d.pop("interest"))




        amount_paid = MoneyOut.from_dict(d.pop("amount_paid"))




        amount_due = MoneyOut.from_dict(d.pop("amount_due"))




        credited = MoneyOut.from_dict(d.pop("credited"))




        credit_notes = []
        _credit_notes = d.pop("credit_notes")
        for credit_notes_item_data in (_credit_notes):
            credit_notes_item = CreditNoteRef.from_dict(credit_notes_item_data)



            credit_notes.append(credit_notes_item)


        tax_regime = InvoiceTaxRegime(d.pop("tax_regime"))




        tax_rate = d.pop("tax_rate")

        def _parse_tax_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        tax_note = _parse_tax_note(d.pop("tax_note"))


        payment_reference = d.pop("payment_reference")

        bank_details = BankDetails.from_dict(d.pop("bank_details"))




        issue_date = datetime.date.fromisoformat(d.pop("issue_date"))




        due_date = datetime.date.fromisoformat(d.pop("due_date"))




        def _parse_overdue_since(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                overdue_since_type_0 = datetime.date.fromisoformat(data)



                return overdue_since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        overdue_since = _parse_overdue_since(d.pop("overdue_since"))


        reminder_level = d.pop("reminder_level")

        def _parse_paid_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                paid_on_type_0 = datetime.date.fromisoformat(data)



                return paid_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        paid_on = _parse_paid_on(d.pop("paid_on"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        invoice = cls(
            id=id,
            number=number,
            kind=kind,
            order_id=order_id,
            subscription_id=subscription_id,
            charge_id=charge_id,
            contract_id=contract_id,
            period=period,
            reseller_id=reseller_id,
            customer_id=customer_id,
            status=status,
            payment_requirement=payment_requirement,
            bill_to=bill_to,
            ship_to=ship_to,
            lines=lines,
            net=net,
            tax=tax,
            total=total,
            interest=interest,
            amount_paid=amount_paid,
            amount_due=amount_due,
            credited=credited,
            credit_notes=credit_notes,
            tax_regime=tax_regime,
            tax_rate=tax_rate,
            tax_note=tax_note,
            payment_reference=payment_reference,
            bank_details=bank_details,
            issue_date=issue_date,
            due_date=due_date,
            overdue_since=overdue_since,
            reminder_level=reminder_level,
            paid_on=paid_on,
            created_at=created_at,
        )


        invoice.additional_properties = d
        return invoice

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
