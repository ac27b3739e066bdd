"""Events onboarding consumes from other services (billing's payment facts arrive with billing;
until then staff report them through POST /v1/resellers/{id}/payment-facts)."""

from __future__ import annotations

from libs.consumer import HandlerMap, handles
from libs.db import UnitOfWork
from libs.events import ordering as ordering_events
from libs.events.envelope import CloudEvent
from services.onboarding.usecases import ship_to


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
        uow.session,
        order_id=event.order_id,
        reseller_id=event.reseller_id,
        name=event.ship_to.name,
        email=event.ship_to.email,
        domain=event.ship_to.domain,
        address=event.ship_to.address,
        now=envelope.time,
    )


HANDLERS: HandlerMap = handles(ordering_events.OrderPlaced, customer_from_ship_to)
