from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.application_create_country import ApplicationCreateCountry
from ..models.business_type import BusinessType
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ApplicationCreate")



@_attrs_define
class ApplicationCreate:
    """ 
        Attributes:
            company_name (str):
            contact_email (str):
            country (ApplicationCreateCountry):
            business_type (BusinessType): What an applicant's business is (R-ON-1): onboarding's application column and API,
                and
                `onboarding.application.submitted.v1`. A consultancy is not eligible without a staff override.
            description (str):
            state (None | str | Unset):
            vat_id (None | str | Unset):
     """

    company_name: str
    contact_email: str
    country: ApplicationCreateCountry
    business_type: BusinessType
    description: str
    state: None | str | Unset = UNSET
    vat_id: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        company_name = self.company_name

        contact_email = self.contact_email

        country = self.country.value

        business_type = self.business_type.value

        description = self.description

        state: None | str | Unset
        if isinstance(self.state, Unset):
            state = UNSET
        else:
            state = self.state

        vat_id: None | str | Unset
        if isinstance(self.vat_id, Unset):
            vat_id = UNSET
        else:
            vat_id = self.vat_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "company_name": company_name,
            "contact_email": contact_email,
            "country": country,
            "business_type": business_type,
            "description": description,
        })
        if state is not UNSET:
            field_dict["state"] = state
        if vat_id is not UNSET:
            field_dict["vat_id"] = vat_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        company_name = d.pop("company_name")

        contact_email = d.pop("contact_email")

        country = ApplicationCreateCountry(d.pop("country"))




        business_type = BusinessType(d.pop("business_type"))




        description = d.pop("description")

        def _parse_state(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        state = _parse_state(d.pop("state", UNSET))


        def _parse_vat_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vat_id = _parse_vat_id(d.pop("vat_id", UNSET))


        application_create = cls(
            company_name=company_name,
            contact_email=contact_email,
            country=country,
            business_type=business_type,
            description=description,
            state=state,
            vat_id=vat_id,
        )

        return application_create

