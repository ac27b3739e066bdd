"""Every ordering response, rendered for its audience: partners see prices, customers never do
(R-OR-8). The one place where models become API shapes."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from libs.auth import Caller
from libs.money import MoneyOut
from services.ordering import schemas
from services.ordering.domain.pricing import partner_unit_price, prices_in_force
from services.ordering.models import Order, Sku, Subscription


def render_order(order: Order, caller: Caller) -> schemas.Order | schemas.OrderForCustomer:
    # R-OR-8: a customer never sees a price; R-OR-9: a handed-over deal has left the reseller, which
    # keeps the record (what, when, status) but no longer its prices — the vendor's sales team may
    # price it anew. Staff see everything.
    if caller.kind == "customer" or (caller.kind == "reseller" and order.status == "handed_over"):
        return schemas.OrderForCustomer(
            id=order.id,
            status=order.status,
            customer_id=order.customer_id,
            placed_on=order.placed_on,
            waiting_for="terms_acceptance" if order.awaiting_terms else None,
            created_at=order.created_at,
            lines=[
                schemas.OrderLineForCustomer(sku=ln.sku, product=ln.product, quantity=ln.quantity)
                for ln in order.lines
            ],
        )
    c = order.currency

    def money(amount: Decimal) -> MoneyOut:
        return MoneyOut.of(amount, c)

    return schemas.Order(
        id=order.id,
        status=order.status,
        reseller_id=order.reseller_id,
        customer_id=order.customer_id,
        ship_to=schemas.ShipTo(**order.ship_to) if order.ship_to else None,
        currency=c,
        payment_method=order.payment_method,
        payment_requirement=order.payment_requirement,
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
            rate=str(order.tax_rate.normalize()),
            note=order.tax_note,
        ),
        placed_on=order.placed_on,
        waiting_for="terms_acceptance" if order.awaiting_terms else None,
        created_at=order.created_at,
    )


def render_subscription(
    sub: Subscription, caller: Caller
) -> schemas.Subscription | schemas.SubscriptionForCustomer:
    base = dict(
        id=sub.id,
        customer_id=sub.customer_id,
        sku=sub.sku,
        product=sub.product,
        seats=sub.seats,
        term_months=sub.term_months,
        status=sub.status,
        trial=sub.trial,
        period_start=sub.period_start,
        period_end=sub.period_end,
        created_at=sub.created_at,
    )
    if caller.kind == "customer":
        return schemas.SubscriptionForCustomer(**base)
    c = sub.currency

    def money(amount: Decimal) -> MoneyOut:
        return MoneyOut.of(amount, c)

    charges = {ch.id: ch for ch in sub.charges}

    def charge(charge_id: uuid.UUID | None) -> schemas.SubscriptionCharge | None:
        ch = charges.get(charge_id) if charge_id is not None else None
        if ch is None:
            return None
        return schemas.SubscriptionCharge(
            id=ch.id,
            payment_requirement=ch.payment_requirement,
            status=ch.status,
            paid_on=ch.paid_on,
        )

    return schemas.Subscription(
        **base,
        reseller_id=sub.reseller_id,
        seats_pending_payment=sub.seats_pending_payment,
        converted_on=sub.converted_on,
        currency=c,
        unit_msrp=money(sub.unit_msrp),
        discount_percent=str(sub.discount_percent),
        unit_price=money(sub.unit_price),
        periods=[
            schemas.SubscriptionPeriod(
                number=p.number,
                kind=p.kind,
                start=p.start,
                end=p.end,
                seats=p.seats,
                net=money(p.net),
                tax=money(p.tax),
                total=money(p.total),
                charge=charge(p.charge_id),
            )
            for p in sub.periods
        ],
        seat_purchases=[
            schemas.SeatPurchase(
                added=s.added,
                as_of=s.as_of,
                months_charged=s.months_charged,
                unit_price=money(s.unit_price),
                price_per_seat=money(s.price_per_seat) if s.price_per_seat is not None else None,
                date_corrected_by=s.date_corrected_by,
                net=money(s.net),
                tax=money(s.tax),
                total=money(s.total),
                charge=charge(s.charge_id),
            )
            for s in sub.seat_purchases
        ],
    )


def render_sku(
    sku: Sku, caller: Caller, discount: Decimal | None, on: date
) -> schemas.Sku | schemas.SkuForCustomer:
    base = dict(
        id=sku.id,
        sku=sku.sku,
        product=sku.product_code,
        name=sku.name,
        billing_plan=sku.billing_plan,
        seat_based=sku.seat_based,
    )
    if caller.kind not in ("staff", "reseller"):
        return schemas.SkuForCustomer(**base)
    prices = prices_in_force(sku.prices, on)
    msrp = [MoneyOut.of(amount, currency) for currency, amount in sorted(prices.items())]
    partner = None
    if discount is not None:
        partner = [
            MoneyOut.of(partner_unit_price(amount, discount, currency), currency)
            for currency, amount in sorted(prices.items())
        ]
    return schemas.Sku(
        **base,
        msrp=msrp,
        partner_price=partner,
        discount_percent=str(discount) if discount is not None else None,
    )
