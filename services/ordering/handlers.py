"""Other services' events → ordering.

Onboarding's events build the read models (resellers, policy, customers). Every reseller/customer
event carries the whole snapshot with a growing version: we upsert and keep the newest, so
redelivery or reordering across partitions can never roll a reseller back to an older state.
The upserts live in `usecases.readmodels`, shared with the refresh from onboarding on a refusal.

Billing's payments release prepaid orders (R-BI-2) and licensing's permanent licenses fulfil
released ones (R-LI-1); `usecases.lifecycle` makes both idempotent and order-independent. Billing's
payments of subscription charges release prepaid ones and free the credit line (R-ON-3/6). A
customer event that names another reseller moves the customer's subscriptions to it (R-CU-5,
`usecases.subscription_moves`, run by the shared customer upsert).
"""

from __future__ import annotations

from typing import Any

from libs.consumer import HandlerMap
from libs.db import UnitOfWork
from libs.events import billing, licensing
from libs.events import onboarding as onb
from libs.events.base import EVENT_TYPES, Event
from libs.events.envelope import CloudEvent
from services.ordering.usecases import lifecycle, readmodels, subscriptions


async def upsert_reseller(uow: UnitOfWork, _envelope: CloudEvent, event: Event) -> None:
    assert isinstance(event, onb._ResellerEvent)
    await readmodels.upsert_reseller(uow.session, event.reseller)


async def record_policy(uow: UnitOfWork, _envelope: CloudEvent, event: Event) -> None:
    assert isinstance(event, onb.PolicyPublished)
    await readmodels.record_policy(uow.session, event.policy, event.version)


async def upsert_customer(uow: UnitOfWork, _envelope: CloudEvent, event: Event) -> None:
    assert isinstance(event, onb._CustomerEvent)
    await readmodels.upsert_customer(uow.session, event.customer)
    if event.customer.terms_accepted:  # R-CU-6: orders held for the terms go on to licensing
        await lifecycle.release_orders_awaiting_terms(uow.session, event.customer.customer_id)


async def customer_linked_to_order(uow: UnitOfWork, envelope: CloudEvent, event: Event) -> None:
    assert isinstance(event, onb.CustomerLinkedToOrder)
    await readmodels.upsert_customer(uow.session, event.customer)
    await lifecycle.link_customer(
        uow.session,
        order_id=event.order_id,
        reseller_id=event.customer.reseller_id,
        customer_id=event.customer.customer_id,
    )


async def order_paid(uow: UnitOfWork, _envelope: CloudEvent, event: Event) -> None:
    assert isinstance(event, billing.OrderPaid)
    await lifecycle.record_payment(
        uow.session, order_id=event.order_id, reseller_id=event.reseller_id, received_on=event.received_on
    )


async def subscription_charge_paid(uow: UnitOfWork, _envelope: CloudEvent, event: Event) -> None:
    assert isinstance(event, billing.SubscriptionChargePaid)
    await subscriptions.record_charge_payment(
        uow.session,
        charge_id=event.charge_id,
        subscription_id=event.subscription_id,
        reseller_id=event.reseller_id,
        received_on=event.received_on,
    )


async def license_issued(uow: UnitOfWork, _envelope: CloudEvent, event: Event) -> None:
    assert isinstance(event, licensing.LicenseIssued)
    await lifecycle.record_license(
        uow.session,
        order_id=event.order_id,
        reseller_id=event.reseller_id,
        license_id=event.license_id,
        temporary=event.temporary,
    )


def _of(base: type, handler: Any) -> HandlerMap:
    return {t: handler for t, cls in EVENT_TYPES.items() if issubclass(cls, base)}


HANDLERS: HandlerMap = {
    **_of(onb._ResellerEvent, upsert_reseller),
    **_of(onb._CustomerEvent, upsert_customer),
    # R-CU-9: the ship-to order gets its customer (after the generic upsert, which it includes)
    onb.CustomerLinkedToOrder.event_type: customer_linked_to_order,
    onb.PolicyPublished.event_type: record_policy,
    billing.OrderPaid.event_type: order_paid,
    billing.SubscriptionChargePaid.event_type: subscription_charge_paid,
    licensing.LicenseIssued.event_type: license_issued,
}
