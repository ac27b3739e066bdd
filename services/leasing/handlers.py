"""Onboarding's events → leasing: the resellers (their country, for sell-out reporting) and the
customers a contract can be made for."""

from __future__ import annotations

from libs.consumer import HandlerMap, handles
from libs.db import UnitOfWork
from libs.events import onboarding as onb
from libs.events.envelope import CloudEvent
from services.leasing.usecases import readmodels


async def upsert_reseller(uow: UnitOfWork, _envelope: CloudEvent, event: onb.ResellerEvent) -> None:
    await readmodels.upsert_reseller(uow.session, event.reseller)


async def upsert_customer(uow: UnitOfWork, _envelope: CloudEvent, event: onb.CustomerEvent) -> None:
    await readmodels.upsert_customer(uow.session, event.customer)


HANDLERS: HandlerMap = {
    **handles(onb.ResellerEvent, upsert_reseller),
    **handles(onb.CustomerEvent, upsert_customer),
}
