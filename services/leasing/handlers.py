"""Onboarding's events → leasing: the resellers (their country, recorded on each contract and sent
with its events for sell-out reporting) and the customers a contract can be made for. Billing's:
which instalments of a schedule are invoiced."""

from __future__ import annotations

from libs.consumer import HandlerMap, handler_map, handles
from libs.db import UnitOfWork
from libs.events import billing as billing_events
from libs.events import onboarding as onb
from libs.events.envelope import CloudEvent
from services.leasing.usecases import contracts, readmodels


async def upsert_reseller(uow: UnitOfWork, _envelope: CloudEvent, event: onb.ResellerEvent) -> None:
    await readmodels.RESELLERS.upsert(uow, event.reseller)


async def upsert_customer(uow: UnitOfWork, _envelope: CloudEvent, event: onb.CustomerEvent) -> None:
    await readmodels.CUSTOMERS.upsert(uow, event.customer)


async def instalment_invoiced(
    uow: UnitOfWork, _envelope: CloudEvent, event: billing_events.WaasInstalmentInvoiced
) -> None:
    await contracts.instalment_invoiced(uow.session, event.contract_id, event.n)


HANDLERS: HandlerMap = handler_map(
    handles(billing_events.WaasInstalmentInvoiced, instalment_invoiced),
    handles(onb.ResellerEvent, upsert_reseller),
    handles(onb.CustomerEvent, upsert_customer),
)
