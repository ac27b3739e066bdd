"""R-OR-8 at the unit level: what render_order / render_subscription give each audience."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from libs.auth import Caller
from services.ordering.models import Order, OrderLine, SeatPurchase, Subscription, SubscriptionPeriod
from services.ordering.usecases.views import render_order, render_subscription

PRICE_WORDS = ("price", "msrp", "net", "tax", "total", "amount", "currency", "discount", "payment", "period")
CUSTOMER = Caller(kind="customer", roles=("customer_admin",), customer_id=uuid.uuid4())
RESELLER = Caller(kind="reseller", roles=("reseller_admin",), reseller_id=uuid.uuid4())


def keys(value: Any) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in keys(v)}
    return set()


def leaked(document: dict[str, Any]) -> set[str]:
    """Keys that carry or reveal a price ("periods" is the charged history; its dates are fine)."""
    dates = {"period_start", "period_end"}
    return {k for k in keys(document) - dates if any(w in k for w in PRICE_WORDS)}


def _order() -> Order:
    order = Order(
        id=uuid.uuid4(),
        reseller_id=RESELLER.reseller_id,
        customer_id=CUSTOMER.customer_id,
        ship_to=None,
        status="placed",
        currency="EUR",
        payment_method="bank_transfer",
        payment_requirement="prepay",
        net_total=Decimal("1349.10"),
        tax_total=Decimal("283.31"),
        total=Decimal("1632.41"),
        tax_regime="eu_vat",
        tax_rate=Decimal("0.2100"),
        tax_note=None,
        placed_on=date(2026, 11, 23),
        created_at=datetime(2026, 11, 23, 10, tzinfo=UTC),
    )
    order.lines = [
        OrderLine(
            order_id=order.id,
            line_no=1,
            sku="TOTAL-NET",
            product="total-docs",
            quantity=1,
            unit_msrp=Decimal("1499.00"),
            discount_percent=Decimal("10.00"),
            unit_price=Decimal("1349.10"),
            net=Decimal("1349.10"),
            tax=Decimal("283.31"),
            total=Decimal("1632.41"),
        )
    ]
    return order


def _subscription() -> Subscription:
    sub = Subscription(
        id=uuid.uuid4(),
        reseller_id=RESELLER.reseller_id,
        customer_id=CUSTOMER.customer_id,
        sku="SEATS-Y",
        product="axcrypt",
        seats=5,
        seats_pending_payment=0,
        term_months=12,
        period_start=date(2026, 11, 23),
        period_end=date(2027, 11, 23),
        status="active",
        trial=False,
        converted_on=None,
        currency="EUR",
        unit_msrp=Decimal("120.00"),
        discount_percent=Decimal("10.00"),
        unit_price=Decimal("108.00"),
        created_at=datetime(2026, 11, 23, 10, tzinfo=UTC),
    )
    money = dict(net=Decimal("540"), tax=Decimal("0"), total=Decimal("540"), tax_regime="none", tax_rate=0)
    sub.periods = [
        SubscriptionPeriod(
            number=1,
            kind="initial",
            start=sub.period_start,
            end=sub.period_end,
            seats=5,
            unit_price=sub.unit_price,
            **money,
        )
    ]
    sub.seat_purchases = [
        SeatPurchase(added=1, as_of=date(2027, 10, 4), months_charged=2, unit_price=Decimal("9"), **money)
    ]
    return sub


def test_r_or_8_customer_sees_an_order_without_any_price_field() -> None:
    seen = render_order(_order(), CUSTOMER).model_dump(mode="json")
    assert leaked(seen) == set()
    assert seen["lines"] == [{"sku": "TOTAL-NET", "product": "total-docs", "quantity": 1}]
    assert seen["status"] == "placed"


def test_r_or_8_reseller_sees_the_order_prices() -> None:
    seen = render_order(_order(), RESELLER).model_dump(mode="json")
    assert seen["total"] == {"amount": "1632.41", "currency": "EUR"}
    assert seen["lines"][0]["unit_price"] == {"amount": "1349.10", "currency": "EUR"}
    assert seen["tax"] == {"regime": "eu_vat", "rate": "0.21", "note": None}
    assert {"unit_msrp", "unit_price", "net_total", "tax_total"} <= leaked(seen)


def test_r_or_8_customer_sees_a_subscription_without_any_price_field() -> None:
    customer_view = render_subscription(_subscription(), CUSTOMER).model_dump(mode="json")
    assert leaked(customer_view) == set()
    assert customer_view["seats"] == 5 and customer_view["period_end"] == "2027-11-23"
    reseller_view = render_subscription(_subscription(), RESELLER).model_dump(mode="json")
    assert reseller_view["unit_price"] == {"amount": "108.00", "currency": "EUR"}
    assert reseller_view["seat_purchases"][0]["unit_price"] == {"amount": "9.00", "currency": "EUR"}
