"""Licensing's read models of onboarding's customers and ordering's orders and subscriptions, fed by
their events; refreshed from the owner when a partner's request finds them missing ("refresh from
the owner before refusing", CONTRIBUTING.md)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from libs.db import versioned_upsert
from libs.events import onboarding as onb
from libs.events import ordering as ordering_events
from libs.internal_client import InternalClient
from services.licensing.models import CustomerView, OrderView, SubscriptionView

_UPSERT_CUSTOMER = versioned_upsert(
    CustomerView,
    "customer_id",
    tuple(c.name for c in CustomerView.__table__.columns if c.name != "customer_id"),
)


async def upsert_customer(session: AsyncSession, c: onb.CustomerSnapshot) -> None:
    values: dict[str, Any] = dict(
        customer_id=c.customer_id, reseller_id=c.reseller_id, version=c.version, name=c.name, domain=c.domain
    )
    await session.execute(_UPSERT_CUSTOMER, values)


async def customer(
    session: AsyncSession, customer_id: uuid.UUID, onboarding: InternalClient | None
) -> CustomerView | None:
    found = await session.get(CustomerView, customer_id)
    if found is not None or onboarding is None:
        return found
    snapshot = await onboarding.get(f"/internal/customers/{customer_id}", onb.CustomerSnapshot)
    if snapshot is None:
        return None
    await upsert_customer(session, snapshot)
    return await session.get(CustomerView, customer_id, populate_existing=True)


async def record_order(session: AsyncSession, event: ordering_events.OrderPlaced) -> None:
    """The order as placed; a later release or cancellation (already recorded) is kept."""
    await session.execute(
        pg_insert(OrderView)
        .values(
            order_id=event.order_id,
            reseller_id=event.reseller_id,
            customer_id=event.customer_id,
            ship_to_name=event.ship_to.name if event.ship_to else None,
            payment_requirement=event.payment_requirement,
            lines=[{"sku": ln.sku, "product": ln.product, "quantity": ln.quantity} for ln in event.lines],
            status="placed",
            placed_on=event.placed_on,
        )
        .on_conflict_do_nothing(index_elements=[OrderView.order_id])
    )


async def order(
    session: AsyncSession, order_id: uuid.UUID, ordering: InternalClient | None, *, lock: bool = False
) -> OrderView | None:
    found = await session.get(OrderView, order_id, with_for_update=lock or None)
    if found is not None or ordering is None:
        return found
    placed = await ordering.get(f"/internal/orders/{order_id}", ordering_events.OrderPlaced)
    if placed is None:
        return None
    await record_order(session, placed)
    return await session.get(OrderView, order_id, populate_existing=True, with_for_update=lock or None)


async def upsert_subscription(session: AsyncSession, event: ordering_events.SubscriptionEvent) -> None:
    values: dict[str, Any] = dict(
        subscription_id=event.subscription_id,
        reseller_id=event.reseller_id,
        customer_id=event.customer_id,
        sku=event.sku,
        seats=event.seats,
        seats_pending_payment=event.seats_pending_payment,
        status=event.status,
        period_start=event.period_start,
        period_end=event.period_end,
    )
    stmt = pg_insert(SubscriptionView).values(values)
    await session.execute(
        stmt.on_conflict_do_update(
            index_elements=[SubscriptionView.subscription_id],
            set_={k: stmt.excluded[k] for k in values if k != "subscription_id"},
        )
    )


async def subscription(
    session: AsyncSession, subscription_id: uuid.UUID, ordering: InternalClient | None
) -> SubscriptionView | None:
    found = await session.get(SubscriptionView, subscription_id)
    if found is not None or ordering is None:
        return found
    snapshot = await ordering.get(
        f"/internal/subscriptions/{subscription_id}", ordering_events.SubscriptionEvent
    )
    if snapshot is None:
        return None
    await upsert_subscription(session, snapshot)
    return await session.get(SubscriptionView, subscription_id, populate_existing=True)
