from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.customer_kind import CustomerKind
from ..models.edition import Edition
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.contacts import Contacts
  from ..models.customer_user import CustomerUser





T = TypeVar("T", bound="Customer")



@_attrs_define
class Customer:
    """ 
        Attributes:
            id (UUID):
            reseller_id (UUID):
            kind (CustomerKind): A customer account's kind: a `domain` customer is named by its registered domain
                (R-CU-1/2),
                a `team` one by its primary e-mail (R-CU-3/4). Onboarding's column and API, every customer
                snapshot.
            name (str):
            domain (None | str):
            primary_email (None | str):
            education (bool):
            edition (Edition): The edition of the vendor's product a customer runs today (R-CU-1): only `commercial`
                customers can be sold to (a non-profit or legacy free edition cannot).
            crm_id (None | str):
            language (None | str):
            time_zone (None | str):
            contacts (Contacts | None):
            domain_verified_at (datetime.datetime | None):
            terms_accepted_at (datetime.datetime | None):
            terms_accepted_by (None | str):
            administrators (list[CustomerUser]):
            version (int):
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
     """

    id: UUID
    reseller_id: UUID
    kind: CustomerKind
    name: str
    domain: None | str
    primary_email: None | str
    education: bool
    edition: Edition
    crm_id: None | str
    language: None | str
    time_zone: None | str
    contacts: Contacts | None
    domain_verified_at: datetime.datetime | None
    terms_accepted_at: datetime.datetime | None
    terms_accepted_by: None | str
    administrators: list[CustomerUser]
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.contacts import Contacts # noqa: PLC0415
        from ..models.customer_user import CustomerUser # noqa: PLC0415
        id = str(self.id)

        reseller_id = str(self.reseller_id)

        kind = self.kind.value

        name = self.name

        domain: None | str
        domain = self.domain

        primary_email: None | str
        primary_email = self.primary_email

        education = self.education

        edition = self.edition.value

        crm_id: None | str
        crm_id = self.crm_id

        language: None | str
        language = self.language

        time_zone: None | str
        time_zone = self.time_zone

        contacts: dict[str, Any] | None
        if isinstance(self.contacts, Contacts):
            contacts = self.contacts.to_dict()
        else:
            contacts = self.contacts

        domain_verified_at: None | str
        if isinstance(self.domain_verified_at, datetime.datetime):
            domain_verified_at = self.domain_verified_at.isoformat()
        else:
            domain_verified_at = self.domain_verified_at

        terms_accepted_at: None | str
        if isinstance(self.terms_accepted_at, datetime.datetime):
            terms_accepted_at = self.terms_accepted_at.isoformat()
        else:
            terms_accepted_at = self.terms_accepted_at

        terms_accepted_by: None | str
        terms_accepted_by = self.terms_accepted_by

        administrators = []
        for administrators_item_data in self.administrators:
            administrators_item = administrators_item_data.to_dict()
            administrators.append(administrators_item)



        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "reseller_id": reseller_id,
            "kind": kind,
            "name": name,
            "domain": domain,
            "primary_email": primary_email,
            "education": education,
            "edition": edition,
            "crm_id": crm_id,
            "language": language,
            "time_zone": time_zone,
            "contacts": contacts,
            "domain_verified_at": domain_verified_at,
            "terms_accepted_at": terms_accepted_at,
            "terms_accepted_by": terms_accepted_by,
            "administrators": administrators,
            "version": version,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contacts import Contacts # noqa: PLC0415
        from ..models.customer_user import CustomerUser # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        reseller_id = UUID(d.pop("reseller_id"))




        kind = CustomerKind(d.pop("kind"))




        name = d.pop("name")

        def _parse_domain(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        domain = _parse_domain(d.pop("domain"))


        def _parse_primary_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        primary_email = _parse_primary_email(d.pop("primary_email"))


        education = d.pop("education")

        edition = Edition(d.pop("edition"))




        def _parse_crm_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        crm_id = _parse_crm_id(d.pop("crm_id"))


        def _parse_language(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        language = _parse_language(d.pop("language"))


        def _parse_time_zone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        time_zone = _parse_time_zone(d.pop("time_zone"))


        def _parse_contacts(data: object) -> Contacts | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                contacts_type_0 = Contacts.from_dict(data)



                return contacts_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Contacts | None, data)

        contacts = _parse_contacts(d.pop("contacts"))


        def _parse_domain_verified_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                domain_verified_at_type_0 = datetime.datetime.fromisoformat(data)



                return domain_verified_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        domain_verified_at = _parse_domain_verified_at(d.pop("domain_verified_at"))


        def _parse_terms_accepted_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                terms_accepted_at_type_0 = datetime.datetime.fromisoformat(data)



                return terms_accepted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        terms_accepted_at = _parse_terms_accepted_at(d.pop("terms_accepted_at"))


        def _parse_terms_accepted_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        terms_accepted_by = _parse_terms_accepted_by(d.pop("terms_accepted_by"))


        administrators = []
        _administrators = d.pop("administrators")
        for administrators_item_data in (_administrators):
            administrators_item = CustomerUser.from_dict(administrators_item_data)



            administrators.append(administrators_item)


        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        customer = cls(
            id=id,
            reseller_id=reseller_id,
            kind=kind,
            name=name,
            domain=domain,
            primary_email=primary_email,
            education=education,
            edition=edition,
            crm_id=crm_id,
            language=language,
            time_zone=time_zone,
            contacts=contacts,
            domain_verified_at=domain_verified_at,
            terms_accepted_at=terms_accepted_at,
            terms_accepted_by=terms_accepted_by,
            administrators=administrators,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )


        customer.additional_properties = d
        return customer

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
