from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.money_out import MoneyOut





T = TypeVar("T", bound="Option")



@_attrs_define
class Option:
    """ 
        Attributes:
            code (str):
            name (str):
            monthly_price (MoneyOut):
            commission (MoneyOut | None):
            upgrade (bool):
            office365_sku (None | str | Unset):
     """

    code: str
    name: str
    monthly_price: MoneyOut
    commission: MoneyOut | None
    upgrade: bool
    office365_sku: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.money_out import MoneyOut # noqa: PLC0415
        code = self.code

        name = self.name

        monthly_price = self.monthly_price.to_dict()

        commission: dict[str, Any] | None
        if isinstance(self.commission, MoneyOut):
            commission = self.commission.to_dict()
        else:
            commission = self.commission

        upgrade = self.upgrade

        office365_sku: None | str | Unset
        if isinstance(self.office365_sku, Unset):
            office365_sku = UNSET
        else:
            office365_sku = self.office365_sku


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "code": code,
            "name": name,
            "monthly_price": monthly_price,
            "commission": commission,
            "upgrade": upgrade,
        })
        if office365_sku is not UNSET:
            field_dict["office365_sku"] = office365_sku

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money_out import MoneyOut # noqa: PLC0415
        d = dict(src_dict)
        code = d.pop("code")

        name = d.pop("name")

        monthly_price = MoneyOut.from_dict(d.pop("monthly_price"))




        def _parse_commission(data: object) -> MoneyOut | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                commission_type_0 = MoneyOut.from_dict(data)



                return commission_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MoneyOut | None, data)

        commission = _parse_commission(d.pop("commission"))


        upgrade = d.pop("upgrade")

        def _parse_office365_sku(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        office365_sku = _parse_office365_sku(d.pop("office365_sku", UNSET))


        option = cls(
            code=code,
            name=name,
            monthly_price=monthly_price,
            commission=commission,
            upgrade=upgrade,
            office365_sku=office365_sku,
        )


        option.additional_properties = d
        return option

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
