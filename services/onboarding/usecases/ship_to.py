"""Customers from an order's ship-to (R-CU-9): match the reseller's customer, or create one."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from libs.db import UnitOfWork
from libs.events import onboarding as ev
from libs.events.onboarding import CustomerKind, Edition
from libs.logging import get_logger
from services.onboarding.domain import validation as v
from services.onboarding.models import Customer, Reseller
from services.onboarding.usecases.customers import (
    add_reseller_admin,
    publish_change,
)

log = get_logger(__name__)


# --- customers from an order's ship-to (R-CU-9) -----------------------------------------------------


@dataclass(frozen=True)
class ShipToMatch:
    """Who an order's ship-to is: an existing customer of the reseller, or the kind of customer an
    order would create (None when the ship-to has no usable e-mail)."""

    email: str | None
    domain: str | None  # checked, and free for a new domain customer
    customer: Customer | None
    new_kind: CustomerKind | None


async def match_ship_to(
    session: AsyncSession, reseller_id: uuid.UUID, email: str, domain: str | None, *, lock: bool = False
) -> ShipToMatch:
    """R-CU-9: the reseller's customer with the same domain, else with the same e-mail; otherwise a
    new one would be a domain customer when the domain is a registered one nobody has, else a team
    customer. One function for linking orders and for ordering's R-CU-4 check before it accepts."""
    try:
        email = v.check_email(email)
    except v.ValidationFailed:
        return ShipToMatch(None, None, None, None)
    checked_domain: str | None = None
    if domain:
        try:
            checked_domain = v.check_domain(domain)
        except v.ValidationFailed:
            checked_domain = None
    match = None
    if checked_domain:
        stmt = sa.select(Customer).where(
            Customer.reseller_id == reseller_id, Customer.domain == checked_domain
        )
        match = await session.scalar(stmt.with_for_update() if lock else stmt)
    if match is None:
        stmt = (
            sa.select(Customer)
            .where(
                Customer.reseller_id == reseller_id, sa.func.lower(Customer.primary_email) == email.lower()
            )
            .order_by(Customer.created_at, Customer.id)
            .limit(1)
        )
        match = await session.scalar(stmt.with_for_update() if lock else stmt)
    if match is not None:
        return ShipToMatch(email, checked_domain, match, None)
    if checked_domain and await session.scalar(
        sa.select(Customer.id).where(Customer.domain == checked_domain)
    ):
        # another reseller's customer: moving it needs the customer's transfer token (R-CU-5)
        checked_domain = None
    return ShipToMatch(
        email, checked_domain, None, CustomerKind.DOMAIN if checked_domain else CustomerKind.TEAM
    )


async def customer_for_order(
    uow: UnitOfWork,
    *,
    order_id: uuid.UUID,
    reseller_id: uuid.UUID,
    name: str,
    email: str,
    domain: str | None,
    address: str | None,
    now: datetime,
) -> Customer | None:
    """Link the order's end user to the reseller's customer with the same domain or e-mail, or
    create one (`match_ship_to`). None when the ship-to has no usable e-mail."""
    session = uow.session
    if await session.get(Reseller, reseller_id) is None:
        log.warning("order of an unknown reseller", order_id=str(order_id), reseller_id=str(reseller_id))
        return None
    found = await match_ship_to(session, reseller_id, email, domain, lock=True)
    if found.email is None:
        log.warning("order ship-to without a usable e-mail; no customer created", order_id=str(order_id))
        return None
    if found.customer is not None:
        match = found.customer
        await publish_change(uow, match, ev.CustomerLinkedToOrder, order_id=order_id, created=False)
        return match
    email, checked_domain = found.email, found.domain
    customer = Customer(
        id=uuid.uuid4(),
        reseller_id=reseller_id,
        kind=CustomerKind.DOMAIN if checked_domain else CustomerKind.TEAM,
        name=(name.strip() or email)[:200],
        domain=checked_domain,
        primary_email=email,
        education=False,
        edition=Edition.COMMERCIAL,
        contacts={"address": address.strip()[:1000]} if address and address.strip() else None,
        version=0,
        created_at=now,
        updated_at=now,
    )
    session.add(customer)
    await session.flush()
    add_reseller_admin(session, customer, now, f"order:{order_id}")
    await publish_change(uow, customer, ev.CustomerCreated)
    await publish_change(uow, customer, ev.CustomerLinkedToOrder, order_id=order_id, created=True)
    return customer
