"""Events onboarding consumes from other services: ordering's ship-to orders (R-CU-9) and billing's
payment facts, from which a reseller's standing follows (R-ON-3: paid orders; R-BI-4: overdue).
Staff can still correct the facts through POST /v1/resellers/{id}/payment-facts."""

from __future__ import annotations

from libs.consumer import HandlerMap, handler_map, handles
from libs.db import UnitOfWork
from libs.events import billing as billing_events
from libs.events import ordering as ordering_events
from libs.events.envelope import CloudEvent
from services.onboarding.usecases import reseller_admin, ship_to


async def customer_from_ship_to(
    uow: UnitOfWork, envelope: CloudEvent, event: ordering_events.OrderPlaced
) -> None:
    """R-CU-9: an order placed for an end user without an account links or creates its customer.

    The rule says "when the order is released". OrderReleased carries no ship-to, and the account
    must exist by the time licensing attaches the released order's license to it, so the account
    is linked or created as soon as the order is placed (a cancelled order leaves a customer
    without orders, which is harmless).
    """
    if event.customer_id is not None or event.ship_to is None:
        return
    await ship_to.customer_for_order(
        uow,
        order_id=event.order_id,
        reseller_id=event.reseller_id,
        name=event.ship_to.name,
        email=event.ship_to.email,
        domain=event.ship_to.domain,
        address=event.ship_to.address,
        now=envelope.time,
    )


async def order_paid(uow: UnitOfWork, _envelope: CloudEvent, event: billing_events.OrderPaid) -> None:
    await reseller_admin.record_order_fact(
        uow,
        reseller_id=event.reseller_id,
        order_id=event.order_id,
        paid=True,
        version=event.fact_version,
        day=event.received_on,
    )


async def order_payment_reversed(
    uow: UnitOfWork, _envelope: CloudEvent, event: billing_events.OrderPaymentReversed
) -> None:
    await reseller_admin.record_order_fact(
        uow,
        reseller_id=event.reseller_id,
        order_id=event.order_id,
        paid=False,
        version=event.fact_version,
        day=event.reversed_on,
    )


async def overdue_changed(
    uow: UnitOfWork, _envelope: CloudEvent, event: billing_events.ResellerOverdueChanged
) -> None:
    await reseller_admin.record_overdue(
        uow, reseller_id=event.reseller_id, has_overdue=event.has_overdue, version=event.version
    )


async def credit_balance_changed(
    uow: UnitOfWork, _envelope: CloudEvent, event: billing_events.CreditBalanceChanged
) -> None:
    await reseller_admin.record_credit_balance(
        uow.session,
        reseller_id=event.reseller_id,
        balances=[{"amount": str(b.amount), "currency": b.currency} for b in event.balances],
        version=event.version,
    )


HANDLERS: HandlerMap = handler_map(
    handles(ordering_events.OrderPlaced, customer_from_ship_to),
    handles(billing_events.OrderPaid, order_paid),
    handles(billing_events.OrderPaymentReversed, order_payment_reversed),
    handles(billing_events.ResellerOverdueChanged, overdue_changed),
    handles(billing_events.CreditBalanceChanged, credit_balance_changed),
)
