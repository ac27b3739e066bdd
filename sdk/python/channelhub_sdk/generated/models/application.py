from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.application_status import ApplicationStatus
from ..models.business_type import BusinessType
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="Application")



@_attrs_define
class Application:
    """ 
        Attributes:
            id (UUID):
            status (ApplicationStatus): An application's status: onboarding's column (checked by the database) and its API.
            company_name (str):
            contact_email (str):
            country (str):
            state (None | str):
            vat_id (None | str):
            business_type (BusinessType): What an applicant's business is (R-ON-1): onboarding's application column and API,
                and
                `onboarding.application.submitted.v1`. A consultancy is not eligible without a staff override.
            description (str):
            reason (None | str):
            reseller_id (None | UUID):
            created_at (datetime.datetime):
            reviewed_at (datetime.datetime | None):
     """

    id: UUID
    status: ApplicationStatus
    company_name: str
    contact_email: str
    country: str
    state: None | str
    vat_id: None | str
    business_type: BusinessType
    description: str
    reason: None | str
    reseller_id: None | UUID
    created_at: datetime.datetime
    reviewed_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        status = self.status.value

        company_name = self.company_name

        contact_email = self.contact_email

        country = self.country

        state: None | str
        state = self.state

        vat_id: None | str
        vat_id = self.vat_id

        business_type = self.business_type.value

        description = self.description

        reason: None | str
        reason = self.reason

        reseller_id: None | str
        if isinstance(self.reseller_id, UUID):
            reseller_id = str(self.reseller_id)
        else:
            reseller_id = self.reseller_id

        created_at = self.created_at.isoformat()

        reviewed_at: None | str
        if isinstance(self.reviewed_at, datetime.datetime):
            reviewed_at = self.reviewed_at.isoformat()
        else:
            reviewed_at = self.reviewed_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "status": status,
            "company_name": company_name,
            "contact_email": contact_email,
            "country": country,
            "state": state,
            "vat_id": vat_id,
            "business_type": business_type,
            "description": description,
            "reason": reason,
            "reseller_id": reseller_id,
            "created_at": created_at,
            "reviewed_at": reviewed_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        status = ApplicationStatus(d.pop("status"))




        company_name = d.pop("company_name")

        contact_email = d.pop("contact_email")

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


        business_type = BusinessType(d.pop("business_type"))




        description = d.pop("description")

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))


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


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_reviewed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reviewed_at_type_0 = datetime.datetime.fromisoformat(data)



                return reviewed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        reviewed_at = _parse_reviewed_at(d.pop("reviewed_at"))


        application = cls(
            id=id,
            status=status,
            company_name=company_name,
            contact_email=contact_email,
            country=country,
            state=state,
            vat_id=vat_id,
            business_type=business_type,
            description=description,
            reason=reason,
            reseller_id=reseller_id,
            created_at=created_at,
            reviewed_at=reviewed_at,
        )


        application.additional_properties = d
        return application

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
