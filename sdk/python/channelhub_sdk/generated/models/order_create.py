from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.order_create_payment_method import OrderCreatePaymentMethod
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.order_line_create import OrderLineCreate
  from ..models.ship_to import ShipTo





T = TypeVar("T", bound="OrderCreate")



@_attrs_define
class OrderCreate:
    """ 
        Attributes:
            currency (str):
            payment_method (OrderCreatePaymentMethod):
            lines (list[OrderLineCreate]):
            customer_id (None | Unset | UUID):
            ship_to (None | ShipTo | Unset):
     """

    currency: str
    payment_method: OrderCreatePaymentMethod
    lines: list[OrderLineCreate]
    customer_id: None | Unset | UUID = UNSET
    ship_to: None | ShipTo | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.order_line_create import OrderLineCreate # noqa: PLC0415
        from ..models.ship_to import ShipTo # noqa: PLC0415
        currency = self.currency

        payment_method = self.payment_method.value

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)



        customer_id: None | str | Unset
        if isinstance(self.customer_id, Unset):
            customer_id = UNSET
        elif isinstance(self.customer_id, UUID):
            customer_id = str(self.customer_id)
        else:
            customer_id = self.customer_id

        ship_to: dict[str, Any] | None | Unset
        if isinstance(self.ship_to, Unset):
            ship_to = UNSET
        elif isinstance(self.ship_to, ShipTo):
            ship_to = self.ship_to.to_dict()
        else:
            ship_to = self.ship_to


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "currency": currency,
            "payment_method": payment_method,
            "lines": lines,
        })
        if customer_id is not UNSET:
            field_dict["customer_id"] = customer_id
        if ship_to is not UNSET:
            field_dict["ship_to"] = ship_to

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.order_line_create import OrderLineCreate # noqa: PLC0415
        from ..models.ship_to import ShipTo # noqa: PLC0415
        d = dict(src_dict)
        currency = d.pop("currency")

        payment_method = OrderCreatePaymentMethod(d.pop("payment_method"))




        lines = []
        _lines = d.pop("lines")
        for lines_item_data in (_lines):
            lines_item = OrderLineCreate.from_dict(lines_item_data)



            lines.append(lines_item)


        def _parse_customer_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                customer_id_type_0 = UUID(data)



                return customer_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        customer_id = _parse_customer_id(d.pop("customer_id", UNSET))


        def _parse_ship_to(data: object) -> None | ShipTo | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                ship_to_type_0 = ShipTo.from_dict(data)



                return ship_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ShipTo | Unset, data)

        ship_to = _parse_ship_to(d.pop("ship_to", UNSET))


        order_create = cls(
            currency=currency,
            payment_method=payment_method,
            lines=lines,
            customer_id=customer_id,
            ship_to=ship_to,
        )

        return order_create

