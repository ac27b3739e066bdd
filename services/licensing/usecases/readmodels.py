"""Licensing's read models of onboarding's customers and ordering's orders and subscriptions, fed by
their events; refreshed from the owner when a partner's request finds them missing ("refresh from
the owner before refusing", CONTRIBUTING.md; `libs.snapshots`)."""

from __future__ import annotations

from typing import Any

from libs.events import onboarding as onb
from libs.events import ordering as ordering_events
from libs.snapshots import SnapshotView
from services.licensing.models import CustomerView, OrderView, SubscriptionView

CUSTOMERS = SnapshotView(CustomerView, onb.CustomerSnapshot, path="/internal/customers/{key}")


def _placed_order(event: ordering_events.OrderPlaced) -> dict[str, Any]:
    return dict(
        order_id=event.order_id,
        reseller_id=event.reseller_id,
        customer_id=event.customer_id,
        ship_to_name=event.ship_to.name if event.ship_to else None,
        payment_requirement=event.payment_requirement,
        lines=[{"sku": ln.sku, "product": ln.product, "quantity": ln.quantity} for ln in event.lines],
        status="placed",
        placed_on=event.placed_on,
    )


# the order as placed; a later release or cancellation (already recorded) is kept
ORDERS = SnapshotView(
    OrderView, ordering_events.OrderPlaced, path="/internal/orders/{key}", mode="first", values=_placed_order
)
# a subscription's state as ordering last told it (its events carry no version)
SUBSCRIPTIONS = SnapshotView(
    SubscriptionView, ordering_events.SubscriptionEvent, path="/internal/subscriptions/{key}", mode="latest"
)
