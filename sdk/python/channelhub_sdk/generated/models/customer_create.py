from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.customer_kind import CustomerKind
from ..models.edition import Edition
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.contacts import Contacts





T = TypeVar("T", bound="CustomerCreate")



@_attrs_define
class CustomerCreate:
    """ 
        Attributes:
            kind (CustomerKind): A customer account's kind: a `domain` customer is named by its registered domain
                (R-CU-1/2),
                a `team` one by its primary e-mail (R-CU-3/4). Onboarding's column and API, every customer
                snapshot.
            name (str):
            domain (None | str | Unset):
            primary_email (None | str | Unset):
            education (bool | Unset):  Default: False.
            edition (Edition | Unset): The edition of the vendor's product a customer runs today (R-CU-1): only `commercial`
                customers can be sold to (a non-profit or legacy free edition cannot).
            crm_id (None | str | Unset):
            language (None | str | Unset):
            time_zone (None | str | Unset):
            contacts (Contacts | None | Unset):
     """

    kind: CustomerKind
    name: str
    domain: None | str | Unset = UNSET
    primary_email: None | str | Unset = UNSET
    education: bool | Unset = False
    edition: Edition | Unset = UNSET
    crm_id: None | str | Unset = UNSET
    language: None | str | Unset = UNSET
    time_zone: None | str | Unset = UNSET
    contacts: Contacts | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.contacts import Contacts # noqa: PLC0415
        kind = self.kind.value

        name = self.name

        domain: None | str | Unset
        if isinstance(self.domain, Unset):
            domain = UNSET
        else:
            domain = self.domain

        primary_email: None | str | Unset
        if isinstance(self.primary_email, Unset):
            primary_email = UNSET
        else:
            primary_email = self.primary_email

        education = self.education

        edition: str | Unset = UNSET
        if not isinstance(self.edition, Unset):
            edition = self.edition.value


        crm_id: None | str | Unset
        if isinstance(self.crm_id, Unset):
            crm_id = UNSET
        else:
            crm_id = self.crm_id

        language: None | str | Unset
        if isinstance(self.language, Unset):
            language = UNSET
        else:
            language = self.language

        time_zone: None | str | Unset
        if isinstance(self.time_zone, Unset):
            time_zone = UNSET
        else:
            time_zone = self.time_zone

        contacts: dict[str, Any] | None | Unset
        if isinstance(self.contacts, Unset):
            contacts = UNSET
        elif isinstance(self.contacts, Contacts):
            contacts = self.contacts.to_dict()
        else:
            contacts = self.contacts


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "kind": kind,
            "name": name,
        })
        if domain is not UNSET:
            field_dict["domain"] = domain
        if primary_email is not UNSET:
            field_dict["primary_email"] = primary_email
        if education is not UNSET:
            field_dict["education"] = education
        if edition is not UNSET:
            field_dict["edition"] = edition
        if crm_id is not UNSET:
            field_dict["crm_id"] = crm_id
        if language is not UNSET:
            field_dict["language"] = language
        if time_zone is not UNSET:
            field_dict["time_zone"] = time_zone
        if contacts is not UNSET:
            field_dict["contacts"] = contacts

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contacts import Contacts # noqa: PLC0415
        d = dict(src_dict)
        kind = CustomerKind(d.pop("kind"))




        name = d.pop("name")

        def _parse_domain(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        domain = _parse_domain(d.pop("domain", UNSET))


        def _parse_primary_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        primary_email = _parse_primary_email(d.pop("primary_email", UNSET))


        education = d.pop("education", UNSET)

        _edition = d.pop("edition", UNSET)
        edition: Edition | Unset
        if isinstance(_edition,  Unset):
            edition = UNSET
        else:
            edition = Edition(_edition)




        def _parse_crm_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        crm_id = _parse_crm_id(d.pop("crm_id", UNSET))


        def _parse_language(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        language = _parse_language(d.pop("language", UNSET))


        def _parse_time_zone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        time_zone = _parse_time_zone(d.pop("time_zone", UNSET))


        def _parse_contacts(data: object) -> Contacts | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                contacts_type_0 = Contacts.from_dict(data)



                return contacts_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Contacts | None | Unset, data)

        contacts = _parse_contacts(d.pop("contacts", UNSET))


        customer_create = cls(
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
        )

        return customer_create

