from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.contract_create_delivery import ContractCreateDelivery
from ..models.contract_create_term_months import ContractCreateTermMonths
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="ContractCreate")



@_attrs_define
class ContractCreate:
    """ 
        Attributes:
            customer_id (UUID):
            bundle (str):
            term_months (ContractCreateTermMonths):
            delivery (ContractCreateDelivery):
            options (list[str] | Unset):
            quantity (int | Unset):  Default: 1.
            customer_country (None | str | Unset):
            customer_vat_id (None | str | Unset):
            billing_email (None | str | Unset):
     """

    customer_id: UUID
    bundle: str
    term_months: ContractCreateTermMonths
    delivery: ContractCreateDelivery
    options: list[str] | Unset = UNSET
    quantity: int | Unset = 1
    customer_country: None | str | Unset = UNSET
    customer_vat_id: None | str | Unset = UNSET
    billing_email: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        customer_id = str(self.customer_id)

        bundle = self.bundle

        term_months = self.term_months.value

        delivery = self.delivery.value

        options: list[str] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = self.options



        quantity = self.quantity

        customer_country: None | str | Unset
        if isinstance(self.customer_country, Unset):
            customer_country = UNSET
        else:
            customer_country = self.customer_country

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


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "customer_id": customer_id,
            "bundle": bundle,
            "term_months": term_months,
            "delivery": delivery,
        })
        if options is not UNSET:
            field_dict["options"] = options
        if quantity is not UNSET:
            field_dict["quantity"] = quantity
        if customer_country is not UNSET:
            field_dict["customer_country"] = customer_country
        if customer_vat_id is not UNSET:
            field_dict["customer_vat_id"] = customer_vat_id
        if billing_email is not UNSET:
            field_dict["billing_email"] = billing_email

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        customer_id = UUID(d.pop("customer_id"))




        bundle = d.pop("bundle")

        term_months = ContractCreateTermMonths(d.pop("term_months"))




        delivery = ContractCreateDelivery(d.pop("delivery"))




        options = cast(list[str], d.pop("options", UNSET))


        quantity = d.pop("quantity", UNSET)

        def _parse_customer_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        customer_country = _parse_customer_country(d.pop("customer_country", UNSET))


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


        contract_create = cls(
            customer_id=customer_id,
            bundle=bundle,
            term_months=term_months,
            delivery=delivery,
            options=options,
            quantity=quantity,
            customer_country=customer_country,
            customer_vat_id=customer_vat_id,
            billing_email=billing_email,
        )

        return contract_create

