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
  from ..models.option_in import OptionIn





T = TypeVar("T", bound="BundleCreate")



@_attrs_define
class BundleCreate:
    """ 
        Attributes:
            code (str):
            name (str):
            manufacturer (str):
            hardware_model (str):
            monthly_price (MoneyInType0 | MoneyInType1 | MoneyInType2 | MoneyInType3): An amount as partners send it: a
                decimal string (or integer), never a float.
            commission (MoneyInType0 | MoneyInType1 | MoneyInType2 | MoneyInType3): An amount as partners send it: a decimal
                string (or integer), never a float.
            warranty_years (int | Unset):  Default: 3.
            max_warranty_extension_years (int | Unset):  Default: 0.
            office365_sku (str | Unset):  Default: 'O365-BUSINESS-ESSENTIALS'.
            office365_seats_per_unit (int | Unset):  Default: 1.
            options (list[OptionIn] | Unset):
     """

    code: str
    name: str
    manufacturer: str
    hardware_model: str
    monthly_price: MoneyInType0 | MoneyInType1 | MoneyInType2 | MoneyInType3
    commission: MoneyInType0 | MoneyInType1 | MoneyInType2 | MoneyInType3
    warranty_years: int | Unset = 3
    max_warranty_extension_years: int | Unset = 0
    office365_sku: str | Unset = 'O365-BUSINESS-ESSENTIALS'
    office365_seats_per_unit: int | Unset = 1
    options: list[OptionIn] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.money_in_type_0 import MoneyInType0 # noqa: PLC0415
        from ..models.money_in_type_1 import MoneyInType1 # noqa: PLC0415
        from ..models.money_in_type_2 import MoneyInType2 # noqa: PLC0415
        from ..models.money_in_type_3 import MoneyInType3 # noqa: PLC0415
        from ..models.option_in import OptionIn # noqa: PLC0415
        code = self.code

        name = self.name

        manufacturer = self.manufacturer

        hardware_model = self.hardware_model

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


        warranty_years = self.warranty_years

        max_warranty_extension_years = self.max_warranty_extension_years

        office365_sku = self.office365_sku

        office365_seats_per_unit = self.office365_seats_per_unit

        options: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = []
            for options_item_data in self.options:
                options_item = options_item_data.to_dict()
                options.append(options_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "code": code,
            "name": name,
            "manufacturer": manufacturer,
            "hardware_model": hardware_model,
            "monthly_price": monthly_price,
            "commission": commission,
        })
        if warranty_years is not UNSET:
            field_dict["warranty_years"] = warranty_years
        if max_warranty_extension_years is not UNSET:
            field_dict["max_warranty_extension_years"] = max_warranty_extension_years
        if office365_sku is not UNSET:
            field_dict["office365_sku"] = office365_sku
        if office365_seats_per_unit is not UNSET:
            field_dict["office365_seats_per_unit"] = office365_seats_per_unit
        if options is not UNSET:
            field_dict["options"] = options

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money_in_type_0 import MoneyInType0 # noqa: PLC0415
        from ..models.money_in_type_1 import MoneyInType1 # noqa: PLC0415
        from ..models.money_in_type_2 import MoneyInType2 # noqa: PLC0415
        from ..models.money_in_type_3 import MoneyInType3 # noqa: PLC0415
        from ..models.option_in import OptionIn # noqa: PLC0415
        d = dict(src_dict)
        code = d.pop("code")

        name = d.pop("name")

        manufacturer = d.pop("manufacturer")

        hardware_model = d.pop("hardware_model")

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


        warranty_years = d.pop("warranty_years", UNSET)

        max_warranty_extension_years = d.pop("max_warranty_extension_years", UNSET)

        office365_sku = d.pop("office365_sku", UNSET)

        office365_seats_per_unit = d.pop("office365_seats_per_unit", UNSET)

        _options = d.pop("options", UNSET)
        options: list[OptionIn] | Unset = UNSET
        if _options is not UNSET:
            options = []
            for options_item_data in _options:
                options_item = OptionIn.from_dict(options_item_data)



                options.append(options_item)


        bundle_create = cls(
            code=code,
            name=name,
            manufacturer=manufacturer,
            hardware_model=hardware_model,
            monthly_price=monthly_price,
            commission=commission,
            warranty_years=warranty_years,
            max_warranty_extension_years=max_warranty_extension_years,
            office365_sku=office365_sku,
            office365_seats_per_unit=office365_seats_per_unit,
            options=options,
        )

        return bundle_create

