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

from libs.consumer import HandlerMap, handler_map, handles, then_handles
from libs.db import UnitOfWork
from libs.events import billing, licensing
from libs.events import onboarding as onb
from libs.events.envelope import CloudEvent
from services.ordering.usecases import lifecycle, readmodels, subscriptions


async def upsert_reseller(uow: UnitOfWork, _envelope: CloudEvent, event: onb.ResellerEvent) -> None:
    await readmodels.RESELLERS.upsert(uow, event.reseller)


async def record_policy(uow: UnitOfWork, _envelope: CloudEvent, event: onb.PolicyPublished) -> None:
    await readmodels.record_policy(uow.session, event.policy, event.version)


async def upsert_customer(uow: UnitOfWork, _envelope: CloudEvent, event: onb.CustomerEvent) -> None:
    await readmodels.CUSTOMERS.upsert(uow, event.customer)
    if event.customer.terms_accepted:  # R-CU-6: orders held for the terms go on to licensing
        await lifecycle.release_orders_awaiting_terms(uow, event.customer.customer_id)


async def customer_linked_to_order(
    uow: UnitOfWork, envelope: CloudEvent, event: onb.CustomerLinkedToOrder
) -> None:
    await lifecycle.link_customer(
        uow,
        order_id=event.order_id,
        reseller_id=event.customer.reseller_id,
        customer_id=event.customer.customer_id,
    )


async def order_paid(uow: UnitOfWork, _envelope: CloudEvent, event: billing.OrderPaid) -> None:
    await lifecycle.record_payment(
        uow, order_id=event.order_id, reseller_id=event.reseller_id, received_on=event.received_on
    )


async def prepayment_expired(
    uow: UnitOfWork, _envelope: CloudEvent, event: billing.PrepaymentExpired
) -> None:
    await lifecycle.expire_unpaid(uow, order_id=event.order_id, reseller_id=event.reseller_id)


async def subscription_charge_paid(
    uow: UnitOfWork, _envelope: CloudEvent, event: billing.SubscriptionChargePaid
) -> None:
    await subscriptions.record_charge_payment(
        uow,
        charge_id=event.charge_id,
        subscription_id=event.subscription_id,
        reseller_id=event.reseller_id,
        received_on=event.received_on,
    )


async def license_issued(uow: UnitOfWork, _envelope: CloudEvent, event: licensing.LicenseIssued) -> None:
    await lifecycle.record_license(
        uow,
        order_id=event.order_id,
        reseller_id=event.reseller_id,
        license_id=event.license_id,
        temporary=event.temporary,
    )


HANDLERS: HandlerMap = handler_map(
    handles(onb.ResellerEvent, upsert_reseller),
    handles(onb.CustomerEvent, upsert_customer),
    # R-CU-9: the ship-to order gets its customer, after the upsert every customer event gets
    then_handles(onb.CustomerLinkedToOrder, customer_linked_to_order),
    handles(onb.PolicyPublished, record_policy),
    handles(billing.OrderPaid, order_paid),
    handles(billing.SubscriptionChargePaid, subscription_charge_paid),
    handles(billing.PrepaymentExpired, prepayment_expired),
    handles(licensing.LicenseIssued, license_issued),
)
