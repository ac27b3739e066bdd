from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="CustomerImport")



@_attrs_define
class CustomerImport:
    """ R-CU-5: name the customer as its account knows it — a domain customer by its domain, a team
    customer by its primary e-mail — and present the transfer token it issued.

        Attributes:
            transfer_token (str):
            domain (None | str | Unset):
            primary_email (None | str | Unset):
            product_family (None | str | Unset): the family imported for; must match the token's when given
     """

    transfer_token: str
    domain: None | str | Unset = UNSET
    primary_email: None | str | Unset = UNSET
    product_family: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        transfer_token = self.transfer_token

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

        product_family: None | str | Unset
        if isinstance(self.product_family, Unset):
            product_family = UNSET
        else:
            product_family = self.product_family


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "transfer_token": transfer_token,
        })
        if domain is not UNSET:
            field_dict["domain"] = domain
        if primary_email is not UNSET:
            field_dict["primary_email"] = primary_email
        if product_family is not UNSET:
            field_dict["product_family"] = product_family

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        transfer_token = d.pop("transfer_token")

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


        def _parse_product_family(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        product_family = _parse_product_family(d.pop("product_family", UNSET))


        customer_import = cls(
            transfer_token=transfer_token,
            domain=domain,
            primary_email=primary_email,
            product_family=product_family,
        )

        return customer_import

