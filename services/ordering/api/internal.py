"""Service-to-service endpoints (not in the public OpenAPI, not routed by the gateway): the current
snapshot of an order (what its `ordering.order.placed.v1` event carried) or of a subscription (what
its events carry), for services whose read model lags a caller's write ("refresh from the owner
before refusing", CONTRIBUTING.md)."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends

from libs.auth import Caller, internal_service
from libs.events import ordering as ev
from libs.service import UoW
from services.ordering.errors import OrderNotFound, SubscriptionNotFound
from services.ordering.usecases import orders, subscription_moves

router = APIRouter(prefix="/internal", include_in_schema=False)

ORDER_READERS = ("billing", "licensing")
SUBSCRIPTION_READERS = ("licensing",)
OrderReader = Annotated[Caller, Depends(internal_service(*ORDER_READERS))]
SubscriptionReader = Annotated[Caller, Depends(internal_service(*SUBSCRIPTION_READERS))]


@router.get("/orders/{order_id}", response_model=ev.OrderPlaced)
async def order_snapshot(order_id: uuid.UUID, uow: UoW, _service: OrderReader) -> Any:
    snapshot = await orders.placed_snapshot(uow.session, order_id)
    if snapshot is None:
        raise OrderNotFound()
    return snapshot


@router.get("/subscriptions/{subscription_id}", response_model=ev.SubscriptionEvent)
async def subscription_snapshot(subscription_id: uuid.UUID, uow: UoW, _service: SubscriptionReader) -> Any:
    snapshot = await subscription_moves.current_snapshot(uow.session, subscription_id)
    if snapshot is None:
        raise SubscriptionNotFound()
    return snapshot
