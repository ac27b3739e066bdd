from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.reseller_status import ResellerStatus
from ..models.standing import Standing
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.eligibility_override import EligibilityOverride
  from ..models.exemption_certificate import ExemptionCertificate
  from ..models.money_out import MoneyOut





T = TypeVar("T", bound="Reseller")



@_attrs_define
class Reseller:
    """ 
        Attributes:
            id (UUID):
            program_id (str):
            company_name (str):
            status (ResellerStatus): A reseller's status (R-ON-2/3): onboarding's column and API, every reseller snapshot.
            standing (Standing): A reseller's standing (R-ON-4): what the program lets it order on account.
            discount_percent (str):
            paid_orders (int):
            country (str):
            state (None | str):
            vat_id (None | str):
            vat_id_valid (bool):
            has_overdue (bool):
            credit_currency (str):
            credit_limit (MoneyOut):
            policy_version_accepted (int | None):
            created_at (datetime.datetime):
            credit_balance (list[MoneyOut] | Unset):
            exemption_certificate (ExemptionCertificate | None | Unset):
            eligibility_override (EligibilityOverride | None | Unset):
     """

    id: UUID
    program_id: str
    company_name: str
    status: ResellerStatus
    standing: Standing
    discount_percent: str
    paid_orders: int
    country: str
    state: None | str
    vat_id: None | str
    vat_id_valid: bool
    has_overdue: bool
    credit_currency: str
    credit_limit: MoneyOut
    policy_version_accepted: int | None
    created_at: datetime.datetime
    credit_balance: list[MoneyOut] | Unset = UNSET
    exemption_certificate: ExemptionCertificate | None | Unset = UNSET
    eligibility_override: EligibilityOverride | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.eligibility_override import EligibilityOverride # noqa: PLC0415
        from ..models.exemption_certificate import ExemptionCertificate # noqa: PLC0415
        from ..models.money_out import MoneyOut # noqa: PLC0415
        id = str(self.id)

        program_id = self.program_id

        company_name = self.company_name

        status = self.status.value

        standing = self.standing.value

        discount_percent = self.discount_percent

        paid_orders = self.paid_orders

        country = self.country

        state: None | str
        state = self.state

        vat_id: None | str
        vat_id = self.vat_id

        vat_id_valid = self.vat_id_valid

        has_overdue = self.has_overdue

        credit_currency = self.credit_currency

        credit_limit = self.credit_limit.to_dict()

        policy_version_accepted: int | None
        policy_version_accepted = self.policy_version_accepted

        created_at = self.created_at.isoformat()

        credit_balance: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.credit_balance, Unset):
            credit_balance = []
            for credit_balance_item_data in self.credit_balance:
                credit_balance_item = credit_balance_item_data.to_dict()
                credit_balance.append(credit_balance_item)



        exemption_certificate: dict[str, Any] | None | Unset
        if isinstance(self.exemption_certificate, Unset):
            exemption_certificate = UNSET
        elif isinstance(self.exemption_certificate, ExemptionCertificate):
            exemption_certificate = self.exemption_certificate.to_dict()
        else:
            exemption_certificate = self.exemption_certificate

        eligibility_override: dict[str, Any] | None | Unset
        if isinstance(self.eligibility_override, Unset):
            eligibility_override = UNSET
        elif isinstance(self.eligibility_override, EligibilityOverride):
            eligibility_override = self.eligibility_override.to_dict()
        else:
            eligibility_override = self.eligibility_override


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "program_id": program_id,
            "company_name": company_name,
            "status": status,
            "standing": standing,
            "discount_percent": discount_percent,
            "paid_orders": paid_orders,
            "country": country,
            "state": state,
            "vat_id": vat_id,
            "vat_id_valid": vat_id_valid,
            "has_overdue": has_overdue,
            "credit_currency": credit_currency,
            "credit_limit": credit_limit,
            "policy_version_accepted": policy_version_accepted,
            "created_at": created_at,
        })
        if credit_balance is not UNSET:
            field_dict["credit_balance"] = credit_balance
        if exemption_certificate is not UNSET:
            field_dict["exemption_certificate"] = exemption_certificate
        if eligibility_override is not UNSET:
            field_dict["eligibility_override"] = eligibility_override

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.eligibility_override import EligibilityOverride # noqa: PLC0415
        from ..models.exemption_certificate import ExemptionCertificate # noqa: PLC0415
        from ..models.money_out import MoneyOut # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        program_id = d.pop("program_id")

        company_name = d.pop("company_name")

        status = ResellerStatus(d.pop("status"))




        standing = Standing(d.pop("standing"))




        discount_percent = d.pop("discount_percent")

        paid_orders = d.pop("paid_orders")

        country = d.pop("country")

        def _parse_state(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        state = _parse_state(d.pop("state"))


        def _parse_vat_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        vat_id = _parse_vat_id(d.pop("vat_id"))


        vat_id_valid = d.pop("vat_id_valid")

        has_overdue = d.pop("has_overdue")

        credit_currency = d.pop("credit_currency")

        credit_limit = MoneyOut.from_dict(d.pop("credit_limit"))




        def _parse_policy_version_accepted(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        policy_version_accepted = _parse_policy_version_accepted(d.pop("policy_version_accepted"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        _credit_balance = d.pop("credit_balance", UNSET)
        credit_balance: list[MoneyOut] | Unset = UNSET
        if _credit_balance is not UNSET:
            credit_balance = []
            for credit_balance_item_data in _credit_balance:
                credit_balance_item = MoneyOut.from_dict(credit_balance_item_data)



                credit_balance.append(credit_balance_item)


        def _parse_exemption_certificate(data: object) -> ExemptionCertificate | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                exemption_certificate_type_0 = ExemptionCertificate.from_dict(data)



                return exemption_certificate_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ExemptionCertificate | None | Unset, data)

        exemption_certificate = _parse_exemption_certificate(d.pop("exemption_certificate", UNSET))


        def _parse_eligibility_override(data: object) -> EligibilityOverride | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                eligibility_override_type_0 = EligibilityOverride.from_dict(data)



                return eligibility_override_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EligibilityOverride | None | Unset, data)

        eligibility_override = _parse_eligibility_override(d.pop("eligibility_override", UNSET))


        reseller = cls(
            id=id,
            program_id=program_id,
            company_name=company_name,
            status=status,
            standing=standing,
            discount_percent=discount_percent,
            paid_orders=paid_orders,
            country=country,
            state=state,
            vat_id=vat_id,
            vat_id_valid=vat_id_valid,
            has_overdue=has_overdue,
            credit_currency=credit_currency,
            credit_limit=credit_limit,
            policy_version_accepted=policy_version_accepted,
            created_at=created_at,
            credit_balance=credit_balance,
            exemption_certificate=exemption_certificate,
            eligibility_override=eligibility_override,
        )


        reseller.additional_properties = d
        return reseller

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
