"""Other services' events → billing.

Ordering's orders and subscription charges are invoiced (R-BI-1); a cancelled order's invoice is
credited (R-BI-8), and so is a handed-over order's (R-OR-9); a ship-to order's customer is named
once linked. Onboarding's reseller snapshots give the bill-to party and the program's payment terms
and interest rate (R-BI-3/4); its customer snapshots the bill-to of WaaS invoices. Leasing's
contracts are invoiced to the end customer by their instalment schedule, terminations' fees and
secure pick-ups at once (R-BI-6, R-WA-6/8); its
commissions are paid out on statements (R-BI-7).
"""

from __future__ import annotations

from libs.consumer import HandlerMap, handler_map, handles, handles_runs, then_handles
from libs.db import UnitOfWork
from libs.events import leasing as leasing_events
from libs.events import onboarding as onb
from libs.events import ordering as ordering_events
from libs.events.billing import CreditNoteKind
from libs.events.envelope import CloudEvent
from services.billing.config import billing_config
from services.billing.usecases import invoicing, readmodels, waas


async def upsert_reseller(uow: UnitOfWork, _envelope: CloudEvent, event: onb.ResellerEvent) -> None:
    await readmodels.ACCOUNTS.upsert(uow, event.reseller)


async def invoice_orders(
    uow: UnitOfWork, placed: list[tuple[CloudEvent, ordering_events.OrderPlaced]]
) -> None:
    """A run of placed orders, invoiced together (numbers, invoices, events: a statement each)."""
    await invoicing.invoice_orders(uow, [(event, envelope.correlationid) for envelope, event in placed])


async def credit_cancelled_order(
    uow: UnitOfWork, envelope: CloudEvent, event: ordering_events.OrderCancelled
) -> None:
    await invoicing.credit_for_order(
        uow,
        event.order_id,
        kind=CreditNoteKind.CANCELLATION,
        reason=event.reason,
        day=envelope.time.date(),
    )


async def credit_handed_over_order(
    uow: UnitOfWork, envelope: CloudEvent, event: ordering_events.OrderHandedOver
) -> None:
    """R-OR-9: the deal leaves the reseller — its invoice is credited in full."""
    reason = "handed over to the vendor's sales team" + (f": {event.note}" if event.note else "")
    await invoicing.credit_for_order(
        uow, event.order_id, kind=CreditNoteKind.HANDOVER, reason=reason, day=envelope.time.date()
    )


async def link_customer(
    uow: UnitOfWork, _envelope: CloudEvent, event: ordering_events.OrderCustomerLinked
) -> None:
    await invoicing.link_customer(uow.session, event.order_id, event.customer_id)


async def invoice_charge(
    uow: UnitOfWork, envelope: CloudEvent, event: ordering_events.SubscriptionEvent
) -> None:
    """Creation, renewal, seats bought, conversion: each carries the charge to invoice (a free trial
    or seats added to one carry none)."""
    charge = getattr(event, "charge", None)
    if charge is None:
        return
    await invoicing.invoice_charge(uow, event, charge, envelope.time.date())


async def upsert_customer(uow: UnitOfWork, _envelope: CloudEvent, event: onb.CustomerEvent) -> None:
    await waas.upsert_customer(uow.session, event.customer)


async def follow_contract(
    uow: UnitOfWork, _envelope: CloudEvent, event: leasing_events.ContractEvent
) -> None:
    """R-BI-6: what the end customer is invoiced each month follows the contract."""
    await waas.follow_contract(uow.session, event)


async def invoice_termination(
    uow: UnitOfWork, envelope: CloudEvent, event: leasing_events.ContractTerminated
) -> None:
    await waas.invoice_termination(uow, event, billing_config(), envelope.time.date())


async def invoice_pickup(
    uow: UnitOfWork, envelope: CloudEvent, event: leasing_events.ContractReturned
) -> None:
    """R-WA-8: a secure pick-up's fee is invoiced to the end customer."""
    await waas.invoice_pickup(uow, event, envelope.time.date())


async def record_commission(
    uow: UnitOfWork, _envelope: CloudEvent, event: leasing_events.CommissionEarned
) -> None:
    await waas.record_commission(uow.session, event)


HANDLERS: HandlerMap = handler_map(
    handles(onb.CustomerEvent, upsert_customer),
    # every contract event updates billing's copy first; a termination then invoices its fee and a
    # return its pick-up
    handles(leasing_events.ContractEvent, follow_contract),
    then_handles(leasing_events.ContractTerminated, invoice_termination),
    then_handles(leasing_events.ContractReturned, invoice_pickup),
    handles(leasing_events.CommissionEarned, record_commission),
    handles(onb.ResellerEvent, upsert_reseller),
    handles_runs(ordering_events.OrderPlaced, invoice_orders),
    handles(ordering_events.OrderCancelled, credit_cancelled_order),
    handles(ordering_events.OrderHandedOver, credit_handed_over_order),
    handles(ordering_events.OrderCustomerLinked, link_customer),
    handles(ordering_events.SubscriptionCreated, invoice_charge),
    handles(ordering_events.SubscriptionRenewed, invoice_charge),
    handles(ordering_events.SubscriptionSeatsAdded, invoice_charge),
    handles(ordering_events.SubscriptionConverted, invoice_charge),
)
