from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.contract_status import ContractStatus
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.contract_credit_check_type_0 import ContractCreditCheckType0
  from ..models.contract_options_item import ContractOptionsItem
  from ..models.contract_return_record_type_0 import ContractReturnRecordType0
  from ..models.contract_signatures import ContractSignatures
  from ..models.contract_termination_type_0 import ContractTerminationType0
  from ..models.extension_proposal import ExtensionProposal
  from ..models.money_out import MoneyOut





T = TypeVar("T", bound="Contract")



@_attrs_define
class Contract:
    """ 
        Attributes:
            id (UUID):
            status (ContractStatus): A WaaS contract's status (R-WA-3): leasing's column, its API and its events.
            reseller_id (UUID):
            customer_id (UUID):
            customer_country (str):
            bundle (str):
            manufacturer (str):
            hardware_model (str):
            options (list[ContractOptionsItem]):
            quantity (int):
            term_months (int):
            delivery (str):
            monthly_total (MoneyOut):
            office365_sku (str):
            office365_seats (int):
            credit_check (ContractCreditCheckType0 | None):
            signatures (ContractSignatures):
            start_date (datetime.date | None):
            end_date (datetime.date | None):
            terminated_on (datetime.date | None):
            termination_fee (MoneyOut | None):
            months_remaining (int | None):
            return_record (ContractReturnRecordType0 | None):
            created_at (datetime.datetime):
            customer_vat_id (None | str | Unset):
            billing_email (None | str | Unset):
            commission (MoneyOut | None | Unset):
            termination (ContractTerminationType0 | None | Unset):
            extensions (list[ExtensionProposal] | Unset):
     """

    id: UUID
    status: ContractStatus
    reseller_id: UUID
    customer_id: UUID
    customer_country: str
    bundle: str
    manufacturer: str
    hardware_model: str
    options: list[ContractOptionsItem]
    quantity: int
    term_months: int
    delivery: str
    monthly_total: MoneyOut
    office365_sku: str
    office365_seats: int
    credit_check: ContractCreditCheckType0 | None
    signatures: ContractSignatures
    start_date: datetime.date | None
    end_date: datetime.date | None
    terminated_on: datetime.date | None
    termination_fee: MoneyOut | None
    months_remaining: int | None
    return_record: ContractReturnRecordType0 | None
    created_at: datetime.datetime
    customer_vat_id: None | str | Unset = UNSET
    billing_email: None | str | Unset = UNSET
    commission: MoneyOut | None | Unset = UNSET
    termination: ContractTerminationType0 | None | Unset = UNSET
    extensions: list[ExtensionProposal] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.contract_credit_check_type_0 import ContractCreditCheckType0 # noqa: PLC0415
        from ..models.contract_options_item import ContractOptionsItem # noqa: PLC0415
        from ..models.contract_return_record_type_0 import ContractReturnRecordType0 # noqa: PLC0415
        from ..models.contract_signatures import ContractSignatures # noqa: PLC0415
        from ..models.contract_termination_type_0 import ContractTerminationType0 # noqa: PLC0415
        from ..models.extension_proposal import ExtensionProposal # noqa: PLC0415
        from ..models.money_out import MoneyOut # noqa: PLC0415
        id = str(self.id)

        status = self.status.value

        reseller_id = str(self.reseller_id)

        customer_id = str(self.customer_id)

        customer_country = self.customer_country

        bundle = self.bundle

        manufacturer = self.manufacturer

        hardware_model = self.hardware_model

        options = []
        for options_item_data in self.options:
            options_item = options_item_data.to_dict()
            options.append(options_item)



        quantity = self.quantity

        term_months = self.term_months

        delivery = self.delivery

        monthly_total = self.monthly_total.to_dict()

        office365_sku = self.office365_sku

        office365_seats = self.office365_seats

        credit_check: dict[str, Any] | None
        if isinstance(self.credit_check, ContractCreditCheckType0):
            credit_check = self.credit_check.to_dict()
        else:
            credit_check = self.credit_check

        signatures = self.signatures.to_dict()

        start_date: None | str
        if isinstance(self.start_date, datetime.date):
            start_date = self.start_date.isoformat()
        else:
            start_date = self.start_date

        end_date: None | str
        if isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        terminated_on: None | str
        if isinstance(self.terminated_on, datetime.date):
            terminated_on = self.terminated_on.isoformat()
        else:
            terminated_on = self.terminated_on

        termination_fee: dict[str, Any] | None
        if isinstance(self.termination_fee, MoneyOut):
            termination_fee = self.termination_fee.to_dict()
        else:
            termination_fee = self.termination_fee

        months_remaining: int | None
        months_remaining = self.months_remaining

        return_record: dict[str, Any] | None
        if isinstance(self.return_record, ContractReturnRecordType0):
            return_record = self.return_record.to_dict()
        else:
            return_record = self.return_record

        created_at = self.created_at.isoformat()

        customer_vat_id: None | str | Unset
        if isinstance(self.customer_vat_id, Unset):
            customer_vat_id = UNSET
        else:
            customer_vat_id = self.customer_vat_id

        billing_email: None | str | Unset
        if isinstance(self.billing_email, Unset):
            billing_email = UNSET
        else:
            billing_email = self.billing_email

        commission: dict[str, Any] | None | Unset
        if isinstance(self.commission, Unset):
            commission = UNSET
        elif isinstance(self.commission, MoneyOut):
            commission = self.commission.to_dict()
        else:
            commission = self.commission

        termination: dict[str, Any] | None | Unset
        if isinstance(self.termination, Unset):
            termination = UNSET
        elif isinstance(self.termination, ContractTerminationType0):
            termination = self.termination.to_dict()
        else:
            termination = self.termination

        extensions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.extensions, Unset):
            extensions = []
            for extensions_item_data in self.extensions:
                extensions_item = extensions_item_data.to_dict()
                extensions.append(extensions_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "status": status,
            "reseller_id": reseller_id,
            "customer_id": customer_id,
            "customer_country": customer_country,
            "bundle": bundle,
            "manufacturer": manufacturer,
            "hardware_model": hardware_model,
            "options": options,
            "quantity": quantity,
            "term_months": term_months,
            "delivery": delivery,
            "monthly_total": monthly_total,
            "office365_sku": office365_sku,
            "office365_seats": office365_seats,
            "credit_check": credit_check,
            "signatures": signatures,
            "start_date": start_date,
            "end_date": end_date,
            "terminated_on": terminated_on,
            "termination_fee": termination_fee,
            "months_remaining": months_remaining,
            "return_record": return_record,
            "created_at": created_at,
        })
        if customer_vat_id is not UNSET:
            field_dict["customer_vat_id"] = customer_vat_id
        if billing_email is not UNSET:
            field_dict["billing_email"] = billing_email
        if commission is not UNSET:
            field_dict["commission"] = commission
        if termination is not UNSET:
            field_dict["termination"] = termination
        if extensions is not UNSET:
            field_dict["extensions"] = extensions

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contract_credit_check_type_0 import ContractCreditCheckType0 # noqa: PLC0415
        from ..models.contract_options_item import ContractOptionsItem # noqa: PLC0415
        from ..models.contract_return_record_type_0 import ContractReturnRecordType0 # noqa: PLC0415
        from ..models.contract_signatures import ContractSignatures # noqa: PLC0415
        from ..models.contract_termination_type_0 import ContractTerminationType0 # noqa: PLC0415
        from ..models.extension_proposal import ExtensionProposal # noqa: PLC0415
        from ..models.money_out import MoneyOut # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        status = ContractStatus(d.pop("status"))




        reseller_id = UUID(d.pop("reseller_id"))




        customer_id = UUID(d.pop("customer_id"))




        customer_country = d.pop("customer_country")

        bundle = d.pop("bundle")

        manufacturer = d.pop("manufacturer")

        hardware_model = d.pop("hardware_model")

        options = []
        _options = d.pop("options")
        for options_item_data in (_options):
            options_item = ContractOptionsItem.from_dict(options_item_data)



            options.append(options_item)


        quantity = d.pop("quantity")

        term_months = d.pop("term_months")

        delivery = d.pop("delivery")

        monthly_total = MoneyOut.from_dict(d.pop("monthly_total"))




        office365_sku = d.pop("office365_sku")

        office365_seats = d.pop("office365_seats")

        def _parse_credit_check(data: object) -> ContractCreditCheckType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                credit_check_type_0 = ContractCreditCheckType0.from_dict(data)



                return credit_check_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ContractCreditCheckType0 | None, data)

        credit_check = _parse_credit_check(d.pop("credit_check"))


        signatures = ContractSignatures.from_dict(d.pop("signatures"))




        def _parse_start_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                start_date_type_0 = datetime.date.fromisoformat(data)



                return start_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        start_date = _parse_start_date(d.pop("start_date"))


        def _parse_end_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_date_type_0 = datetime.date.fromisoformat(data)



                return end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        end_date = _parse_end_date(d.pop("end_date"))


        def _parse_terminated_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                terminated_on_type_0 = datetime.date.fromisoformat(data)



                return terminated_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        terminated_on = _parse_terminated_on(d.pop("terminated_on"))


        def _parse_termination_fee(data: object) -> MoneyOut | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                termination_fee_type_0 = MoneyOut.from_dict(data)



                return termination_fee_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MoneyOut | None, data)

        termination_fee = _parse_termination_fee(d.pop("termination_fee"))


        def _parse_months_remaining(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        months_remaining = _parse_months_remaining(d.pop("months_remaining"))


        def _parse_return_record(data: object) -> ContractReturnRecordType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                return_record_type_0 = ContractReturnRecordType0.from_dict(data)



                return return_record_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ContractReturnRecordType0 | None, data)

        return_record = _parse_return_record(d.pop("return_record"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_customer_vat_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        customer_vat_id = _parse_customer_vat_id(d.pop("customer_vat_id", UNSET))


        def _parse_billing_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        billing_email = _parse_billing_email(d.pop("billing_email", UNSET))


        def _parse_commission(data: object) -> MoneyOut | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                commission_type_0 = MoneyOut.from_dict(data)



                return commission_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MoneyOut | None | Unset, data)

        commission = _parse_commission(d.pop("commission", UNSET))


        def _parse_termination(data: object) -> ContractTerminationType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                termination_type_0 = ContractTerminationType0.from_dict(data)



                return termination_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ContractTerminationType0 | None | Unset, data)

        termination = _parse_termination(d.pop("termination", UNSET))


        _extensions = d.pop("extensions", UNSET)
        extensions: list[ExtensionProposal] | Unset = UNSET
        if _extensions is not UNSET:
            extensions = []
            for extensions_item_data in _extensions:
                extensions_item = ExtensionProposal.from_dict(extensions_item_data)



                extensions.append(extensions_item)


        contract = cls(
            id=id,
            status=status,
            reseller_id=reseller_id,
            customer_id=customer_id,
            customer_country=customer_country,
            bundle=bundle,
            manufacturer=manufacturer,
            hardware_model=hardware_model,
            options=options,
            quantity=quantity,
            term_months=term_months,
            delivery=delivery,
            monthly_total=monthly_total,
            office365_sku=office365_sku,
            office365_seats=office365_seats,
            credit_check=credit_check,
            signatures=signatures,
            start_date=start_date,
            end_date=end_date,
            terminated_on=terminated_on,
            termination_fee=termination_fee,
            months_remaining=months_remaining,
            return_record=return_record,
            created_at=created_at,
            customer_vat_id=customer_vat_id,
            billing_email=billing_email,
            commission=commission,
            termination=termination,
            extensions=extensions,
        )


        contract.additional_properties = d
        return contract

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
