from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.money_out import MoneyOut
  from ..models.option import Option





T = TypeVar("T", bound="Bundle")



@_attrs_define
class Bundle:
    """ 
        Attributes:
            code (str):
            name (str):
            manufacturer (str):
            hardware_model (str):
            monthly_price (MoneyOut):
            commission (MoneyOut | None):
            warranty_years (int):
            max_warranty_extension_years (int):
            office365_sku (str):
            office365_seats_per_unit (int):
            options (list[Option]):
     """

    code: str
    name: str
    manufacturer: str
    hardware_model: str
    monthly_price: MoneyOut
    commission: MoneyOut | None
    warranty_years: int
    max_warranty_extension_years: int
    office365_sku: str
    office365_seats_per_unit: int
    options: list[Option]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.money_out import MoneyOut # noqa: PLC0415
        from ..models.option import Option # noqa: PLC0415
        code = self.code

        name = self.name

        manufacturer = self.manufacturer

        hardware_model = self.hardware_model

        monthly_price = self.monthly_price.to_dict()

        commission: dict[str, Any] | None
        if isinstance(self.commission, MoneyOut):
            commission = self.commission.to_dict()
        else:
            commission = self.commission

        warranty_years = self.warranty_years

        max_warranty_extension_years = self.max_warranty_extension_years

        office365_sku = self.office365_sku

        office365_seats_per_unit = self.office365_seats_per_unit

        options = []
        for options_item_data in self.options:
            options_item = options_item_data.to_dict()
            options.append(options_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "code": code,
            "name": name,
            "manufacturer": manufacturer,
            "hardware_model": hardware_model,
            "monthly_price": monthly_price,
            "commission": commission,
            "warranty_years": warranty_years,
            "max_warranty_extension_years": max_warranty_extension_years,
            "office365_sku": office365_sku,
            "office365_seats_per_unit": office365_seats_per_unit,
            "options": options,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money_out import MoneyOut # noqa: PLC0415
        from ..models.option import Option # noqa: PLC0415
        d = dict(src_dict)
        code = d.pop("code")

        name = d.pop("name")

        manufacturer = d.pop("manufacturer")

        hardware_model = d.pop("hardware_model")

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


        warranty_years = d.pop("warranty_years")

        max_warranty_extension_years = d.pop("max_warranty_extension_years")

        office365_sku = d.pop("office365_sku")

        office365_seats_per_unit = d.pop("office365_seats_per_unit")

        options = []
        _options = d.pop("options")
        for options_item_data in (_options):
            options_item = Option.from_dict(options_item_data)



            options.append(options_item)


        bundle = cls(
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


        bundle.additional_properties = d
        return bundle

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
