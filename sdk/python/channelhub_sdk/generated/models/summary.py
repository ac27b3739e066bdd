from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.contract_figures import ContractFigures
  from ..models.receivable_figures import ReceivableFigures
  from ..models.sales_figures import SalesFigures
  from ..models.seat_figures import SeatFigures
  from ..models.standing_counts import StandingCounts





T = TypeVar("T", bound="Summary")



@_attrs_define
class Summary:
    """ The dashboard's tiles: what was sold in a month against the month before, what was owed on a
    day, resellers by standing, WaaS contracts in force and seats — for every reseller (staff) or
    one (staff with `reseller_id`, or a reseller itself).

        Attributes:
            as_of (datetime.date):
            reseller_id (None | UUID): the reseller the figures are for; null: all
            sales (SalesFigures):
            receivables (ReceivableFigures):
            resellers (StandingCounts):
            waas_contracts (ContractFigures):
            seats (SeatFigures): Seats of subscriptions in force (active or trial).
     """

    as_of: datetime.date
    reseller_id: None | UUID
    sales: SalesFigures
    receivables: ReceivableFigures
    resellers: StandingCounts
    waas_contracts: ContractFigures
    seats: SeatFigures
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.contract_figures import ContractFigures # noqa: PLC0415
        from ..models.receivable_figures import ReceivableFigures # noqa: PLC0415
        from ..models.sales_figures import SalesFigures # noqa: PLC0415
        from ..models.seat_figures import SeatFigures # noqa: PLC0415
        from ..models.standing_counts import StandingCounts # noqa: PLC0415
        as_of = self.as_of.isoformat()

        reseller_id: None | str
        if isinstance(self.reseller_id, UUID):
            reseller_id = str(self.reseller_id)
        else:
            reseller_id = self.reseller_id

        sales = self.sales.to_dict()

        receivables = self.receivables.to_dict()

        resellers = self.resellers.to_dict()

        waas_contracts = self.waas_contracts.to_dict()

        seats = self.seats.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "as_of": as_of,
            "reseller_id": reseller_id,
            "sales": sales,
            "receivables": receivables,
            "resellers": resellers,
            "waas_contracts": waas_contracts,
            "seats": seats,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contract_figures import ContractFigures # noqa: PLC0415
        from ..models.receivable_figures import ReceivableFigures # noqa: PLC0415
        from ..models.sales_figures import SalesFigures # noqa: PLC0415
        from ..models.seat_figures import SeatFigures # noqa: PLC0415
        from ..models.standing_counts import StandingCounts # noqa: PLC0415
        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))




        def _parse_reseller_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reseller_id_type_0 = UUID(data)



                return reseller_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        reseller_id = _parse_reseller_id(d.pop("reseller_id"))


        sales = SalesFigures.from_dict(d.pop("sales"))




        receivables = ReceivableFigures.from_dict(d.pop("receivables"))




        resellers = StandingCounts.from_dict(d.pop("resellers"))




        waas_contracts = ContractFigures.from_dict(d.pop("waas_contracts"))




        seats = SeatFigures.from_dict(d.pop("seats"))




        summary = cls(
            as_of=as_of,
            reseller_id=reseller_id,
            sales=sales,
            receivables=receivables,
            resellers=resellers,
            waas_contracts=waas_contracts,
            seats=seats,
        )


        summary.additional_properties = d
        return summary

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
