"""Rendering orders for their audience: partners see prices, customers never do (R-OR-8)."""

from __future__ import annotations

from libs.auth import Caller
from libs.money import MoneyOut
from services.ordering import schemas
from services.ordering.models import Order


def render_order(order: Order, caller: Caller) -> schemas.Order | schemas.OrderForCustomer:
    if caller.kind == "customer":
        return schemas.OrderForCustomer(
            id=order.id,
            status=order.status,
            customer_id=order.customer_id,
            placed_on=order.placed_on,
            created_at=order.created_at,
            lines=[
                schemas.OrderLineForCustomer(sku=ln.sku, product=ln.product, quantity=ln.quantity)
                for ln in order.lines
            ],
        )
    c = order.currency

    def money(amount: object) -> MoneyOut:
        return MoneyOut.of(amount, c)  # type: ignore[arg-type]

    return schemas.Order(
        id=order.id,
        status=order.status,
        reseller_id=order.reseller_id,  # type: ignore[arg-type]
        customer_id=order.customer_id,
        ship_to=schemas.ShipTo(**order.ship_to) if order.ship_to else None,
        currency=c,
        payment_method=order.payment_method,
        payment_requirement=order.payment_requirement,  # type: ignore[arg-type]
        lines=[
            schemas.OrderLine(
                sku=ln.sku,
                product=ln.product,
                quantity=ln.quantity,
                unit_msrp=money(ln.unit_msrp),
                discount_percent=str(ln.discount_percent),
                unit_price=money(ln.unit_price),
                net=money(ln.net),
                tax=money(ln.tax),
                total=money(ln.total),
            )
            for ln in order.lines
        ],
        net_total=money(order.net_total),
        tax_total=money(order.tax_total),
        total=money(order.total),
        tax=schemas.TaxInfo(
            regime=order.tax_regime,
            rate=str(order.tax_rate.normalize()),  # type: ignore[arg-type]
            note=order.tax_note,
        ),
        placed_on=order.placed_on,
        created_at=order.created_at,
    )
