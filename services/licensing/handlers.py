"""Other services' events → licensing.

Ordering's orders are remembered when placed and licensed when released (R-LI-1) — or when a
ship-to order's customer is linked after its release (R-CU-9); a cancelled order's temporary
license is revoked. Ordering's subscription events keep each subscription's license and seats in
step (R-LI-4). Leasing's contract events issue, extend and end the Office 365 licenses of WaaS
bundles (R-LI-5). Onboarding's customer snapshots name the licensee.
"""

from __future__ import annotations

from libs.consumer import HandlerMap, handler_map, handles
from libs.db import UnitOfWork
from libs.events import leasing as leasing_events
from libs.events import onboarding as onb
from libs.events import ordering as ordering_events
from libs.events.envelope import CloudEvent
from services.licensing.usecases import issuing, readmodels


async def upsert_customer(uow: UnitOfWork, _envelope: CloudEvent, event: onb.CustomerEvent) -> None:
    await readmodels.CUSTOMERS.upsert(uow, event.customer)


async def order_placed(uow: UnitOfWork, _envelope: CloudEvent, event: ordering_events.OrderPlaced) -> None:
    await readmodels.ORDERS.upsert(uow, event)


async def order_released(uow: UnitOfWork, envelope: CloudEvent, event: ordering_events.OrderReleased) -> None:
    await issuing.release_order(uow, event.order_id, envelope.time)


async def customer_linked(
    uow: UnitOfWork, envelope: CloudEvent, event: ordering_events.OrderCustomerLinked
) -> None:
    await issuing.link_customer(uow, event.order_id, event.customer_id, envelope.time)


async def order_cancelled(
    uow: UnitOfWork, _envelope: CloudEvent, event: ordering_events.OrderCancelled
) -> None:
    await issuing.cancel_order(uow, event.order_id)


async def subscription_changed(
    uow: UnitOfWork, envelope: CloudEvent, event: ordering_events.SubscriptionEvent
) -> None:
    await issuing.follow_subscription(uow, event, envelope.time)


async def contract_changed(
    uow: UnitOfWork, envelope: CloudEvent, event: leasing_events.ContractEvent
) -> None:
    await issuing.follow_contract(uow, event, envelope.time)


HANDLERS: HandlerMap = handler_map(
    handles(onb.CustomerEvent, upsert_customer),
    handles(ordering_events.OrderPlaced, order_placed),
    handles(ordering_events.OrderReleased, order_released),
    handles(ordering_events.OrderCustomerLinked, customer_linked),
    handles(ordering_events.OrderCancelled, order_cancelled),
    handles(ordering_events.SubscriptionEvent, subscription_changed),
    handles(leasing_events.ContractActivated, contract_changed),
    handles(leasing_events.ContractExtended, contract_changed),
    handles(leasing_events.ContractTerminated, contract_changed),
    handles(leasing_events.ContractEnded, contract_changed),
)
