from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.subscription_status import SubscriptionStatus
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.money_out import MoneyOut
  from ..models.seat_purchase import SeatPurchase
  from ..models.subscription_period import SubscriptionPeriod





T = TypeVar("T", bound="Subscription")



@_attrs_define
class Subscription:
    """ 
        Attributes:
            id (UUID):
            customer_id (UUID):
            sku (str):
            product (str):
            seats (int):
            term_months (int):
            status (SubscriptionStatus): A seat subscription's status (R-OR-6/7/10): ordering's column, its API and its
                events.
            trial (bool):
            period_start (datetime.date):
            period_end (datetime.date): exclusive: the first day after the period
            created_at (datetime.datetime):
            reseller_id (UUID):
            seats_pending_payment (int): of `seats`, bought under prepay and not paid yet: usable once paid (R-ON-3)
            converted_on (datetime.date | None):
            currency (str):
            unit_msrp (MoneyOut):
            discount_percent (str):
            unit_price (MoneyOut):
            periods (list[SubscriptionPeriod]):
            seat_purchases (list[SeatPurchase]):
     """

    id: UUID
    customer_id: UUID
    sku: str
    product: str
    seats: int
    term_months: int
    status: SubscriptionStatus
    trial: bool
    period_start: datetime.date
    period_end: datetime.date
    created_at: datetime.datetime
    reseller_id: UUID
    seats_pending_payment: int
    converted_on: datetime.date | None
    currency: str
    unit_msrp: MoneyOut
    discount_percent: str
    unit_price: MoneyOut
    periods: list[SubscriptionPeriod]
    seat_purchases: list[SeatPurchase]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.money_out import MoneyOut # noqa: PLC0415
        from ..models.seat_purchase import SeatPurchase # noqa: PLC0415
        from ..models.subscription_period import SubscriptionPeriod # noqa: PLC0415
        id = str(self.id)

        customer_id = str(self.customer_id)

        sku = self.sku

        product = self.product

        seats = self.seats

        term_months = self.term_months

        status = self.status.value

        trial = self.trial

        period_start = self.period_start.isoformat()

        period_end = self.period_end.isoformat()

        created_at = self.created_at.isoformat()

        reseller_id = str(self.reseller_id)

        seats_pending_payment = self.seats_pending_payment

        converted_on: None | str
        if isinstance(self.converted_on, datetime.date):
            converted_on = self.converted_on.isoformat()
        else:
            converted_on = self.converted_on

        currency = self.currency

        unit_msrp = self.unit_msrp.to_dict()

        discount_percent = self.discount_percent

        unit_price = self.unit_price.to_dict()

        periods = []
        for periods_item_data in self.periods:
            periods_item = periods_item_data.to_dict()
            periods.append(periods_item)



        seat_purchases = []
        for seat_purchases_item_data in self.seat_purchases:
            seat_purchases_item = seat_purchases_item_data.to_dict()
            seat_purchases.append(seat_purchases_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "customer_id": customer_id,
            "sku": sku,
            "product": product,
            "seats": seats,
            "term_months": term_months,
            "status": status,
            "trial": trial,
            "period_start": period_start,
            "period_end": period_end,
            "created_at": created_at,
            "reseller_id": reseller_id,
            "seats_pending_payment": seats_pending_payment,
            "converted_on": converted_on,
            "currency": currency,
            "unit_msrp": unit_msrp,
            "discount_percent": discount_percent,
            "unit_price": unit_price,
            "periods": periods,
            "seat_purchases": seat_purchases,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money_out import MoneyOut # noqa: PLC0415
        from ..models.seat_purchase import SeatPurchase # noqa: PLC0415
        from ..models.subscription_period import SubscriptionPeriod # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        customer_id = UUID(d.pop("customer_id"))




        sku = d.pop("sku")

        product = d.pop("product")

        seats = d.pop("seats")

        term_months = d.pop("term_months")

        status = SubscriptionStatus(d.pop("status"))




        trial = d.pop("trial")

        period_start = datetime.date.fromisoformat(d.pop("period_start"))




        period_end = datetime.date.fromisoformat(d.pop("period_end"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        reseller_id = UUID(d.pop("reseller_id"))




        seats_pending_payment = d.pop("seats_pending_payment")

        def _parse_converted_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                converted_on_type_0 = datetime.date.fromisoformat(data)



                return converted_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        converted_on = _parse_converted_on(d.pop("converted_on"))


        currency = d.pop("currency")

        unit_msrp = MoneyOut.from_dict(d.pop("unit_msrp"))




        discount_percent = d.pop("discount_percent")

        unit_price = MoneyOut.from_dict(d.pop("unit_price"))




        periods = []
        _periods = d.pop("periods")
        for periods_item_data in (_periods):
            periods_item = SubscriptionPeriod.from_dict(periods_item_data)



            periods.append(periods_item)


        seat_purchases = []
        _seat_purchases = d.pop("seat_purchases")
        for seat_purchases_item_data in (_seat_purchases):
            seat_purchases_item = SeatPurchase.from_dict(seat_purchases_item_data)



            seat_purchases.append(seat_purchases_item)


        subscription = cls(
            id=id,
            customer_id=customer_id,
            sku=sku,
            product=product,
            seats=seats,
            term_months=term_months,
            status=status,
            trial=trial,
            period_start=period_start,
            period_end=period_end,
            created_at=created_at,
            reseller_id=reseller_id,
            seats_pending_payment=seats_pending_payment,
            converted_on=converted_on,
            currency=currency,
            unit_msrp=unit_msrp,
            discount_percent=discount_percent,
            unit_price=unit_price,
            periods=periods,
            seat_purchases=seat_purchases,
        )


        subscription.additional_properties = d
        return subscription

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
