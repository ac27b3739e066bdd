from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.money_in_type_0 import MoneyInType0
  from ..models.money_in_type_1 import MoneyInType1
  from ..models.money_in_type_2 import MoneyInType2
  from ..models.money_in_type_3 import MoneyInType3





T = TypeVar("T", bound="OptionIn")



@_attrs_define
class OptionIn:
    """ 
        Attributes:
            code (str):
            name (str):
            monthly_price (MoneyInType0 | MoneyInType1 | MoneyInType2 | MoneyInType3): An amount as partners send it: a
                decimal string (or integer), never a float.
            commission (MoneyInType0 | MoneyInType1 | MoneyInType2 | MoneyInType3): An amount as partners send it: a decimal
                string (or integer), never a float.
            upgrade (bool | Unset):  Default: False.
            office365_sku (None | str | Unset):
     """

    code: str
    name: str
    monthly_price: MoneyInType0 | MoneyInType1 | MoneyInType2 | MoneyInType3
    commission: MoneyInType0 | MoneyInType1 | MoneyInType2 | MoneyInType3
    upgrade: bool | Unset = False
    office365_sku: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.money_in_type_0 import MoneyInType0 # noqa: PLC0415
        from ..models.money_in_type_1 import MoneyInType1 # noqa: PLC0415
        from ..models.money_in_type_2 import MoneyInType2 # noqa: PLC0415
        from ..models.money_in_type_3 import MoneyInType3 # noqa: PLC0415
        code = self.code

        name = self.name

        monthly_price: dict[str, Any]
        if isinstance(self.monthly_price, MoneyInType0):
            monthly_price = self.monthly_price.to_dict()
        elif isinstance(self.monthly_price, MoneyInType1):
            monthly_price = self.monthly_price.to_dict()
        elif isinstance(self.monthly_price, MoneyInType2):
            monthly_price = self.monthly_price.to_dict()
        else:
            monthly_price = self.monthly_price.to_dict()


        commission: dict[str, Any]
        if isinstance(self.commission, MoneyInType0):
            commission = self.commission.to_dict()
        elif isinstance(self.commission, MoneyInType1):
            commission = self.commission.to_dict()
        elif isinstance(self.commission, MoneyInType2):
            commission = self.commission.to_dict()
        else:
            commission = self.commission.to_dict()


        upgrade = self.upgrade

        office365_sku: None | str | Unset
        if isinstance(self.office365_sku, Unset):
            office365_sku = UNSET
        else:
            office365_sku = self.office365_sku


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "code": code,
            "name": name,
            "monthly_price": monthly_price,
            "commission": commission,
        })
        if upgrade is not UNSET:
            field_dict["upgrade"] = upgrade
        if office365_sku is not UNSET:
            field_dict["office365_sku"] = office365_sku

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money_in_type_0 import MoneyInType0 # noqa: PLC0415
        from ..models.money_in_type_1 import MoneyInType1 # noqa: PLC0415
        from ..models.money_in_type_2 import MoneyInType2 # noqa: PLC0415
        from ..models.money_in_type_3 import MoneyInType3 # noqa: PLC0415
        d = dict(src_dict)
        code = d.pop("code")

        name = d.pop("name")

        def _parse_monthly_price(data: object) -> MoneyInType0 | MoneyInType1 | MoneyInType2 | MoneyInType3:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_money_in_type_0 = MoneyInType0.from_dict(data)



                return componentsschemas_money_in_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_money_in_type_1 = MoneyInType1.from_dict(data)



                return componentsschemas_money_in_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_money_in_type_2 = MoneyInType2.from_dict(data)



                return componentsschemas_money_in_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_money_in_type_3 = MoneyInType3.from_dict(data)



            return componentsschemas_money_in_type_3

        monthly_price = _parse_monthly_price(d.pop("monthly_price"))


        def _parse_commission(data: object) -> MoneyInType0 | MoneyInType1 | MoneyInType2 | MoneyInType3:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_money_in_type_0 = MoneyInType0.from_dict(data)



                return componentsschemas_money_in_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_money_in_type_1 = MoneyInType1.from_dict(data)



                return componentsschemas_money_in_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_money_in_type_2 = MoneyInType2.from_dict(data)



                return componentsschemas_money_in_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_money_in_type_3 = MoneyInType3.from_dict(data)



            return componentsschemas_money_in_type_3

        commission = _parse_commission(d.pop("commission"))


        upgrade = d.pop("upgrade", UNSET)

        def _parse_office365_sku(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        office365_sku = _parse_office365_sku(d.pop("office365_sku", UNSET))


        option_in = cls(
            code=code,
            name=name,
            monthly_price=monthly_price,
            commission=commission,
            upgrade=upgrade,
            office365_sku=office365_sku,
        )

        return option_in

