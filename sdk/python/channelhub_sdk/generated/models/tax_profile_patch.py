from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.tax_profile_patch_country_type_0 import TaxProfilePatchCountryType0
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="TaxProfilePatch")



@_attrs_define
class TaxProfilePatch:
    """ Missing fields stay as they are; `null` clears state or vat_id. The result is checked
    as a whole (a US reseller needs a state, a VAT id needs an EU country).

        Attributes:
            country (None | TaxProfilePatchCountryType0 | Unset):
            state (None | str | Unset):
            vat_id (None | str | Unset):
     """

    country: None | TaxProfilePatchCountryType0 | Unset = UNSET
    state: None | str | Unset = UNSET
    vat_id: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        elif isinstance(self.country, TaxProfilePatchCountryType0):
            country = self.country.value
        else:
            country = self.country

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
        })
        if country is not UNSET:
            field_dict["country"] = country
        if state is not UNSET:
            field_dict["state"] = state
        if vat_id is not UNSET:
            field_dict["vat_id"] = vat_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_country(data: object) -> None | TaxProfilePatchCountryType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                country_type_0 = TaxProfilePatchCountryType0(data)



                return country_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TaxProfilePatchCountryType0 | Unset, data)

        country = _parse_country(d.pop("country", UNSET))


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


        tax_profile_patch = cls(
            country=country,
            state=state,
            vat_id=vat_id,
        )

        return tax_profile_patch

