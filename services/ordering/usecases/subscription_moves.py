"""R-CU-5: a customer imported by another reseller takes its subscriptions along.

Ordering keeps which reseller owns each customer (`CustomerView`, from onboarding's customer events
or a refresh from onboarding). A subscription always belongs to its customer's reseller: whenever
a customer's row is written, `follow_customer` moves the customer's subscriptions that still name
another reseller to the customer's current one, and emits `ordering.subscription.transferred.v1`
for each (billing invoices their future charges to the new reseller; charges made before stay
with the old one). It reads the row as it is now — never the event's copy — so redelivered or
reordered events cannot move a subscription back, and the `FOR UPDATE` re-check means a move
made by the event handler and one made by a request's refresh at the same time emit once.
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from libs.db import UnitOfWork
from libs.events import ordering as ev
from services.ordering.models import CustomerView, Subscription


def event_fields(sub: Subscription) -> dict[str, object]:
    """The fields every subscription event carries (`ev.SubscriptionEvent`)."""
    return dict(
        subscription_id=sub.id,
        reseller_id=sub.reseller_id,
        customer_id=sub.customer_id,
        sku=sub.sku,
        product=sub.product,
        seats=sub.seats,
        seats_pending_payment=sub.seats_pending_payment,
        term_months=sub.term_months,
        status=sub.status,
        period_start=sub.period_start,
        period_end=sub.period_end,
        currency=sub.currency,
        unit_price=sub.unit_price,
    )


async def follow_customer(uow: UnitOfWork, customer_id: uuid.UUID) -> list[Subscription]:
    """Move the customer's subscriptions to the reseller that owns the customer now; the moved ones."""
    session = uow.session
    owner = await session.scalar(
        sa.select(CustomerView.reseller_id).where(CustomerView.customer_id == customer_id)
    )
    if owner is None:
        return []
    moved = list(
        await session.scalars(
            sa.select(Subscription)
            .where(Subscription.customer_id == customer_id, Subscription.reseller_id != owner)
            .order_by(Subscription.id)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
    )
    for sub in moved:
        previous = sub.reseller_id
        sub.reseller_id = owner
        await uow.emit(
            ev.SubscriptionTransferred(**event_fields(sub), from_reseller_id=previous),
            reseller_id=owner,
        )
    if moved:
        await session.flush()
    return moved


async def current_snapshot(session: AsyncSession, subscription_id: uuid.UUID) -> ev.SubscriptionEvent | None:
    """The subscription as its events carry it, for a service whose read model lags a caller's write
    (licensing assigning a seat on a subscription created a moment ago)."""
    sub = await session.get(Subscription, subscription_id)
    return None if sub is None else ev.SubscriptionEvent(**event_fields(sub))
