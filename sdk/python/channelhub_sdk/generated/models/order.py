from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.order_payment_requirement import OrderPaymentRequirement
from ..models.order_status import OrderStatus
from ..types import UNSET, Unset
from typing import cast
from typing import Literal, cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.money_out import MoneyOut
  from ..models.order_line import OrderLine
  from ..models.ship_to import ShipTo
  from ..models.tax_info import TaxInfo





T = TypeVar("T", bound="Order")



@_attrs_define
class Order:
    """ 
        Attributes:
            id (UUID):
            status (OrderStatus): An order's status: ordering's column (checked by the database), its API and its filters.
            reseller_id (UUID):
            customer_id (None | UUID):
            ship_to (None | ShipTo):
            currency (str):
            payment_method (str):
            payment_requirement (OrderPaymentRequirement):
            lines (list[OrderLine]):
            net_total (MoneyOut):
            tax_total (MoneyOut):
            total (MoneyOut):
            tax (TaxInfo):
            placed_on (datetime.date):
            created_at (datetime.datetime):
            waiting_for (Literal['terms_acceptance'] | None | Unset): `terms_acceptance`: the customer must accept the terms
                of service first (R-CU-6)
     """

    id: UUID
    status: OrderStatus
    reseller_id: UUID
    customer_id: None | UUID
    ship_to: None | ShipTo
    currency: str
    payment_method: str
    payment_requirement: OrderPaymentRequirement
    lines: list[OrderLine]
    net_total: MoneyOut
    tax_total: MoneyOut
    total: MoneyOut
    tax: TaxInfo
    placed_on: datetime.date
    created_at: datetime.datetime
    waiting_for: Literal['terms_acceptance'] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.money_out import MoneyOut # noqa: PLC0415
        from ..models.order_line import OrderLine # noqa: PLC0415
        from ..models.ship_to import ShipTo # noqa: PLC0415
        from ..models.tax_info import TaxInfo # noqa: PLC0415
        id = str(self.id)

        status = self.status.value

        reseller_id = str(self.reseller_id)

        customer_id: None | str
        if isinstance(self.customer_id, UUID):
            customer_id = str(self.customer_id)
        else:
            customer_id = self.customer_id

        ship_to: dict[str, Any] | None
        if isinstance(self.ship_to, ShipTo):
            ship_to = self.ship_to.to_dict()
        else:
            ship_to = self.ship_to

        currency = self.currency

        payment_method = self.payment_method

        payment_requirement = self.payment_requirement.value

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)



        net_total = self.net_total.to_dict()

        tax_total = self.tax_total.to_dict()

        total = self.total.to_dict()

        tax = self.tax.to_dict()

        placed_on = self.placed_on.isoformat()

        created_at = self.created_at.isoformat()

        waiting_for: Literal['terms_acceptance'] | None | Unset
        if isinstance(self.waiting_for, Unset):
            waiting_for = UNSET
        else:
            waiting_for = self.waiting_for


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "status": status,
            "reseller_id": reseller_id,
            "customer_id": customer_id,
            "ship_to": ship_to,
            "currency": currency,
            "payment_method": payment_method,
            "payment_requirement": payment_requirement,
            "lines": lines,
            "net_total": net_total,
            "tax_total": tax_total,
            "total": total,
            "tax": tax,
            "placed_on": placed_on,
            "created_at": created_at,
        })
        if waiting_for is not UNSET:
            field_dict["waiting_for"] = waiting_for

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money_out import MoneyOut # noqa: PLC0415
        from ..models.order_line import OrderLine # noqa: PLC0415
        from ..models.ship_to import ShipTo # noqa: PLC0415
        from ..models.tax_info import TaxInfo # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        status = OrderStatus(d.pop("status"))




        reseller_id = UUID(d.pop("reseller_id"))




        def _parse_customer_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                customer_id_type_0 = UUID(data)



                return customer_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        customer_id = _parse_customer_id(d.pop("customer_id"))


        def _parse_ship_to(data: object) -> None | ShipTo:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                ship_to_type_0 = ShipTo.from_dict(data)



                return ship_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ShipTo, data)

        ship_to = _parse_ship_to(d.pop("ship_to"))


        currency = d.pop("currency")

        payment_method = d.pop("payment_method")

        payment_requirement = OrderPaymentRequirement(d.pop("payment_requirement"))




        lines = []
        _lines = d.pop("lines")
        for lines_item_data in (_lines):
            lines_item = OrderLine.from_dict(lines_item_data)



            lines.append(lines_item)


        net_total = MoneyOut.from_dict(d.pop("net_total"))




        tax_total = MoneyOut.from_dict(d.pop("tax_total"))




        total = MoneyOut.from_dict(d.pop("total"))




        tax = TaxInfo.from_dict(d.pop("tax"))




        placed_on = datetime.date.fromisoformat(d.pop("placed_on"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_waiting_for(data: object) -> Literal['terms_acceptance'] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            waiting_for_type_0 = cast(Literal['terms_acceptance'] , data)
            if waiting_for_type_0 != 'terms_acceptance':
                raise ValueError(f"waiting_for_type_0 must match const 'terms_acceptance', got '{waiting_for_type_0}'")
            return waiting_for_type_0
            return cast(Literal['terms_acceptance'] | None | Unset, data)

        waiting_for = _parse_waiting_for(d.pop("waiting_for", UNSET))


        order = cls(
            id=id,
            status=status,
            reseller_id=reseller_id,
            customer_id=customer_id,
            ship_to=ship_to,
            currency=currency,
            payment_method=payment_method,
            payment_requirement=payment_requirement,
            lines=lines,
            net_total=net_total,
            tax_total=tax_total,
            total=total,
            tax=tax,
            placed_on=placed_on,
            created_at=created_at,
            waiting_for=waiting_for,
        )


        order.additional_properties = d
        return order

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
