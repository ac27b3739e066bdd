"""Every report is fed by events (R-PL-3): onboarding's resellers (names, standings), ordering's
orders and subscriptions (sales, seats), billing's invoices and commission statements (receivables,
overdue, commissions paid), licensing's seats (utilisation) and leasing's contracts (WaaS figures,
sell-out) and commissions."""

from __future__ import annotations

from libs.consumer import HandlerMap, handler_map, handles, handles_runs
from libs.db import UnitOfWork
from libs.events import billing as billing_events
from libs.events import leasing as leasing_events
from libs.events import licensing as licensing_events
from libs.events import onboarding as onboarding_events
from libs.events import ordering as ordering_events
from libs.events.envelope import CloudEvent
from services.reports.usecases import ingest


async def reseller_changed(uow: UnitOfWork, _e: CloudEvent, event: onboarding_events.ResellerEvent) -> None:
    await ingest.RESELLERS.upsert(uow, event.reseller)


async def orders_placed(
    uow: UnitOfWork, placed: list[tuple[CloudEvent, ordering_events.OrderPlaced]]
) -> None:
    await ingest.orders_placed(uow.session, [event for _, event in placed])


async def order_cancelled(
    uow: UnitOfWork, _e: CloudEvent, event: ordering_events.OrderCancelled | ordering_events.OrderHandedOver
) -> None:
    await ingest.order_cancelled(uow.session, event)


async def subscription_changed(
    uow: UnitOfWork, e: CloudEvent, event: ordering_events.SubscriptionEvent
) -> None:
    await ingest.subscription_changed(uow.session, event, e.time)


async def seats_changed(uow: UnitOfWork, _e: CloudEvent, event: licensing_events.SeatEvent) -> None:
    await ingest.seats_changed(uow.session, event)


async def invoice_changed(uow: UnitOfWork, e: CloudEvent, event: billing_events.InvoiceEvent) -> None:
    await ingest.invoice_changed(uow.session, event, e.id, e.time)


async def commission_earned(uow: UnitOfWork, _e: CloudEvent, event: leasing_events.CommissionEarned) -> None:
    await ingest.commission_earned(uow.session, event)


async def commissions_paid(
    uow: UnitOfWork, _e: CloudEvent, event: billing_events.CommissionStatementIssued
) -> None:
    await ingest.commissions_paid(uow.session, event)


async def contract_changed(uow: UnitOfWork, e: CloudEvent, event: leasing_events.ContractEvent) -> None:
    await ingest.contract_changed(uow.session, event, e.time)


async def contract_sold(uow: UnitOfWork, _e: CloudEvent, event: leasing_events.ContractEvent) -> None:
    await ingest.contract_sold(uow.session, event)


HANDLERS: HandlerMap = handler_map(
    handles(onboarding_events.ResellerEvent, reseller_changed),
    handles_runs(ordering_events.OrderPlaced, orders_placed),
    handles(ordering_events.OrderCancelled, order_cancelled),
    handles(ordering_events.OrderHandedOver, order_cancelled),
    handles(ordering_events.SubscriptionEvent, subscription_changed),
    handles(licensing_events.SeatEvent, seats_changed),
    handles(billing_events.InvoiceEvent, invoice_changed),
    handles(leasing_events.CommissionEarned, commission_earned),
    handles(billing_events.CommissionStatementIssued, commissions_paid),
    handles(leasing_events.ContractEvent, contract_changed, contract_sold),
)
