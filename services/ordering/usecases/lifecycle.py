"""The order lifecycle driven by other services: release on payment or on account, fulfilment on
the permanent license (R-BI-2, R-BI-3, R-LI-1, R-LI-3).

Billing's and licensing's events may arrive twice (the inbox absorbs the same event id, the
state machine a second payment or license) and out of order: a permanent license that arrives
before the payment is recorded on the order, which is fulfilled the moment it is released.
Each decision is taken on the order row locked `FOR UPDATE`, so an event and a cancellation
through the API never both win.
"""

from __future__ import annotations

import uuid
from datetime import date

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from libs.db import UnitOfWork
from libs.events import ordering as ev
from libs.logging import get_logger
from services.ordering.domain.order_states import (
    InvalidOrderTransition,
    LicenseOutcome,
    PaymentOutcome,
    after_release,
    on_license,
    on_payment,
    transition,
)
from services.ordering.models import CustomerView, Order

log = get_logger(__name__)


class EventForUnknownOrder(Exception):
    """Another service reported on an order ordering does not have (or not for that reseller).

    Ordering writes an order before anyone can learn of it, so waiting will not help: the handler
    fails, and after its retries the event lands in `failed_events` for staff to look at."""


async def release(uow: UnitOfWork, order: Order) -> None:
    """placed → released (and on to fulfilled when its permanent license came first).

    R-CU-6: licensing learns of the release (and issues the licenses) only once the customer has
    accepted the terms of service; until then the order is released but `awaiting_terms` — paid or
    on account as before, it just waits for the customer (or, for a ship-to order, for onboarding
    to name the customer). `place_order` refreshes the customer from onboarding first, so an order
    placed right after the acceptance is not held."""
    session = uow.session
    order.status = transition(order.status, "released")
    if not await _terms_accepted(session, order.customer_id):
        order.awaiting_terms = True
        return
    await _announce_release(uow, order)


async def _announce_release(uow: UnitOfWork, order: Order) -> None:
    order.awaiting_terms = False
    await uow.emit(
        ev.OrderReleased(order_id=order.id, reseller_id=order.reseller_id, customer_id=order.customer_id),
        reseller_id=order.reseller_id,
    )
    if after_release(permanent_license_recorded=order.license_id is not None) == "fulfilled":
        await fulfil(uow, order)


async def _terms_accepted(session: AsyncSession, customer_id: uuid.UUID | None) -> bool:
    if customer_id is None:
        return False
    return bool(
        await session.scalar(
            sa.select(CustomerView.terms_accepted).where(CustomerView.customer_id == customer_id)
        )
    )


async def release_orders_awaiting_terms(uow: UnitOfWork, customer_id: uuid.UUID) -> int:
    """R-CU-6: the customer accepted the terms: every order of it held for them is released now."""
    session = uow.session
    if not await _terms_accepted(session, customer_id):
        return 0
    held = list(
        await session.scalars(
            sa.select(Order)
            .where(Order.customer_id == customer_id, Order.awaiting_terms.is_(True))
            .order_by(Order.created_at, Order.id)
            .with_for_update()
        )
    )
    for order in held:
        await _announce_release(uow, order)
    return len(held)


async def fulfil(uow: UnitOfWork, order: Order) -> None:
    order.status = transition(order.status, "fulfilled")
    await uow.emit(
        ev.OrderFulfilled(order_id=order.id, reseller_id=order.reseller_id),
        reseller_id=order.reseller_id,
    )


async def link_customer(
    uow: UnitOfWork, *, order_id: uuid.UUID, reseller_id: uuid.UUID, customer_id: uuid.UUID
) -> None:
    """R-CU-9 / R-OR-8: onboarding matched (or created) the customer of a ship-to order. Linking
    once is enough: a redelivered or repeated link changes nothing, another customer is refused."""
    session = uow.session
    order = await _locked_order(session, order_id, reseller_id)
    if order.customer_id == customer_id:
        return
    if order.customer_id is not None:
        raise EventForUnknownOrder(f"order {order_id} belongs to customer {order.customer_id} already")
    order.customer_id = customer_id
    await uow.emit(
        ev.OrderCustomerLinked(order_id=order.id, reseller_id=order.reseller_id, customer_id=customer_id),
        reseller_id=order.reseller_id,
    )
    if order.awaiting_terms and await _terms_accepted(session, customer_id):
        await _announce_release(uow, order)


async def _locked_order(session: AsyncSession, order_id: uuid.UUID, reseller_id: uuid.UUID) -> Order:
    order = await session.scalar(
        sa.select(Order).where(Order.id == order_id, Order.reseller_id == reseller_id).with_for_update()
    )
    if order is None:
        raise EventForUnknownOrder(f"no order {order_id} of reseller {reseller_id}")
    return order


async def record_payment(
    uow: UnitOfWork, *, order_id: uuid.UUID, reseller_id: uuid.UUID, received_on: date
) -> PaymentOutcome:
    """R-BI-2: billing accepted the payment for an order."""
    session = uow.session
    order = await _locked_order(session, order_id, reseller_id)
    if order.paid_on is None or received_on < order.paid_on:
        order.paid_on = received_on
    outcome = on_payment(order.status)
    if outcome is PaymentOutcome.RELEASE:
        await release(uow, order)
    elif outcome is PaymentOutcome.NOT_RELEASABLE:
        log.warning(
            "payment for an order that cannot be released; it stays as it is",
            order_id=str(order.id),
            status=order.status,
        )
    return outcome


async def expire_unpaid(uow: UnitOfWork, *, order_id: uuid.UUID, reseller_id: uuid.UUID) -> bool:
    """R-BI-8: billing credited a prepay order that was not paid in time: the order is cancelled
    (it was never released, so nothing was delivered). An order that moved on meanwhile (paid and
    released) stays as it is. True if it was cancelled."""
    session = uow.session
    order = await _locked_order(session, order_id, reseller_id)
    try:
        order.status = transition(order.status, "cancelled")
    except InvalidOrderTransition:
        log.warning("prepayment expired for an order that is not placed", order_id=str(order.id))
        return False
    reason = "prepayment not received in time"
    order.cancellation_reason = reason
    await uow.emit(
        ev.OrderCancelled(order_id=order.id, reseller_id=order.reseller_id, reason=reason),
        reseller_id=order.reseller_id,
    )
    return True


async def record_license(
    uow: UnitOfWork,
    *,
    order_id: uuid.UUID,
    reseller_id: uuid.UUID,
    license_id: uuid.UUID,
    temporary: bool,
) -> LicenseOutcome:
    """R-LI-1: a permanent license fulfils a released order; R-LI-3: a temporary one never does."""
    session = uow.session
    order = await _locked_order(session, order_id, reseller_id)
    outcome = on_license(order.status, temporary=temporary)
    if not temporary and order.license_id is None:
        order.license_id = license_id
    if outcome is LicenseOutcome.FULFIL:
        await fulfil(uow, order)
    elif outcome is LicenseOutcome.NOT_FULFILLABLE:
        log.warning(
            "license for an order that cannot be fulfilled; it stays as it is",
            order_id=str(order.id),
            status=order.status,
        )
    return outcome
