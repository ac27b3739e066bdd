from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.money_out import MoneyOut





T = TypeVar("T", bound="Program")



@_attrs_define
class Program:
    """ 
        Attributes:
            id (str):
            name (str):
            is_default (bool):
            default_discount_percent (str):
            prepaid_orders_required (int):
            payment_terms_days (int):
            annual_interest_rate (str):
            allowed_payment_methods (list[str]):
            credit_currency (str):
            default_credit_limit (MoneyOut):
     """

    id: str
    name: str
    is_default: bool
    default_discount_percent: str
    prepaid_orders_required: int
    payment_terms_days: int
    annual_interest_rate: str
    allowed_payment_methods: list[str]
    credit_currency: str
    default_credit_limit: MoneyOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.money_out import MoneyOut # noqa: PLC0415
        id = self.id

        name = self.name

        is_default = self.is_default

        default_discount_percent = self.default_discount_percent

        prepaid_orders_required = self.prepaid_orders_required

        payment_terms_days = self.payment_terms_days

        annual_interest_rate = self.annual_interest_rate

        allowed_payment_methods = self.allowed_payment_methods



        credit_currency = self.credit_currency

        default_credit_limit = self.default_credit_limit.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "name": name,
            "is_default": is_default,
            "default_discount_percent": default_discount_percent,
            "prepaid_orders_required": prepaid_orders_required,
            "payment_terms_days": payment_terms_days,
            "annual_interest_rate": annual_interest_rate,
            "allowed_payment_methods": allowed_payment_methods,
            "credit_currency": credit_currency,
            "default_credit_limit": default_credit_limit,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money_out import MoneyOut # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        is_default = d.pop("is_default")

        default_discount_percent = d.pop("default_discount_percent")

        prepaid_orders_required = d.pop("prepaid_orders_required")

        payment_terms_days = d.pop("payment_terms_days")

        annual_interest_rate = d.pop("annual_interest_rate")

        allowed_payment_methods = cast(list[str], d.pop("allowed_payment_methods"))


        credit_currency = d.pop("credit_currency")

        default_credit_limit = MoneyOut.from_dict(d.pop("default_credit_limit"))




        program = cls(
            id=id,
            name=name,
            is_default=is_default,
            default_discount_percent=default_discount_percent,
            prepaid_orders_required=prepaid_orders_required,
            payment_terms_days=payment_terms_days,
            annual_interest_rate=annual_interest_rate,
            allowed_payment_methods=allowed_payment_methods,
            credit_currency=credit_currency,
            default_credit_limit=default_credit_limit,
        )


        program.additional_properties = d
        return program

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
