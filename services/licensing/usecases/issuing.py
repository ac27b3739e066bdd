"""Issuing licenses: for a released order's lines (R-LI-1), temporary ones for an order awaiting its
prepayment (R-LI-3), for seat subscriptions (R-LI-4) and for WaaS contracts' Office 365 users (R-LI-5).

Exactly once: unique indexes (one permanent license per order line, one per subscription or
contract, one active temporary license per order) back every check, and the checks run under the
row lock of the order or subscription, so a redelivered event or a racing request issues nothing twice.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

import sqlalchemy as sa

from libs.auth import Caller
from libs.db import UnitOfWork
from libs.events import leasing as leasing_events
from libs.events import licensing as ev
from libs.events import ordering as ordering_events
from libs.internal_client import InternalClient
from libs.logging import get_logger
from services.licensing.domain.licenses import (
    LicenseStatus,
    last_day_of_period,
    may_issue_temporary,
    temporary_validity,
)
from services.licensing.domain.seats import USABLE_STATUSES, usable_seats
from services.licensing.errors import NotAwaitingPrepayment, OrderNotFound, TemporaryLicenseExists
from services.licensing.models import CustomerView, License, OrderView, SubscriptionView
from services.licensing.usecases import readmodels

log = get_logger(__name__)


def _licensee(customer: CustomerView | None, order: OrderView | None = None) -> str:
    if customer is not None:
        return customer.name
    return (order.ship_to_name if order else None) or "unnamed customer"


async def _issued_order_event(uow: UnitOfWork, lic: License) -> None:
    assert lic.order_id is not None
    await uow.emit(
        ev.LicenseIssued(
            license_id=lic.id,
            order_id=lic.order_id,
            reseller_id=lic.reseller_id,
            customer_id=lic.customer_id,
            temporary=lic.temporary,
            sku=lic.sku,
            valid_until=lic.valid_until,
        ),
        reseller_id=lic.reseller_id,
    )


async def release_order(uow: UnitOfWork, order_id: uuid.UUID, now: datetime) -> list[License]:
    """R-LI-1: the order was released — license each line for its customer, once. Without a customer
    yet (a ship-to order whose account is being created, R-CU-9), licensing waits for the link."""
    session = uow.session
    order = await session.get(OrderView, order_id, with_for_update=True)
    if order is None:
        log.warning("release of an order licensing never saw placed", order_id=str(order_id))
        return []
    if order.status == "placed":
        order.status = "released"
    return await _issue_for_order(uow, order, now)


async def link_customer(
    uow: UnitOfWork, order_id: uuid.UUID, customer_id: uuid.UUID, now: datetime
) -> list[License]:
    session = uow.session
    order = await session.get(OrderView, order_id, with_for_update=True)
    if order is None:
        return []
    order.customer_id = order.customer_id or customer_id
    return await _issue_for_order(uow, order, now) if order.status == "released" else []


async def _issue_for_order(uow: UnitOfWork, order: OrderView, now: datetime) -> list[License]:
    session = uow.session
    if order.customer_id is None:
        return []
    existing = set(
        await session.scalars(
            sa.select(License.line_no).where(
                License.kind == "order", License.order_id == order.order_id, License.temporary.is_(False)
            )
        )
    )
    customer = await session.get(CustomerView, order.customer_id)
    issued = []
    for line_no, line in enumerate(order.lines):
        if line_no in existing:
            continue
        lic = License(
            id=uuid.uuid4(),
            kind="order",
            order_id=order.order_id,
            line_no=line_no,
            reseller_id=order.reseller_id,
            customer_id=order.customer_id,
            licensee=_licensee(customer, order),
            sku=line["sku"],
            quantity=line["quantity"],
            temporary=False,
            status="active",
            valid_from=now.date(),
            valid_until=None,
            issued_at=now,
        )
        session.add(lic)
        issued.append(lic)
    if not issued:
        return []
    await session.flush()
    for lic in issued:
        await _issued_order_event(uow, lic)
    await _replace_temporary(uow, order.order_id, issued[0].id)
    return issued


async def _replace_temporary(uow: UnitOfWork, order_id: uuid.UUID, permanent_id: uuid.UUID) -> None:
    """R-LI-3: the permanent license replaces the temporary one, which is revoked."""
    session = uow.session
    temporary = await session.scalars(
        sa.select(License)
        .where(License.order_id == order_id, License.temporary.is_(True), License.status == "active")
        .with_for_update()
    )
    for lic in temporary:
        lic.status = LicenseStatus.REVOKED
        lic.replaced_by = permanent_id
        lic.ended_reason = "replaced by the permanent license"
        await uow.emit(
            ev.LicenseRevoked(
                license_id=lic.id,
                reseller_id=lic.reseller_id,
                customer_id=lic.customer_id,
                order_id=order_id,
                reason="replaced",
                replaced_by=permanent_id,
            ),
            reseller_id=lic.reseller_id,
        )


async def cancel_order(uow: UnitOfWork, order_id: uuid.UUID) -> None:
    """A cancelled order's temporary license stops working."""
    session = uow.session
    order = await session.get(OrderView, order_id, with_for_update=True)
    if order is not None:
        order.status = "cancelled"
    active = await session.scalars(
        sa.select(License)
        .where(License.order_id == order_id, License.temporary.is_(True), License.status == "active")
        .with_for_update()
    )
    for lic in active:
        lic.status = LicenseStatus.REVOKED
        lic.ended_reason = "order cancelled"
        await uow.emit(
            ev.LicenseRevoked(
                license_id=lic.id,
                reseller_id=lic.reseller_id,
                customer_id=lic.customer_id,
                order_id=order_id,
                reason="order cancelled",
            ),
            reseller_id=lic.reseller_id,
        )


async def issue_temporary(
    uow: UnitOfWork,
    caller: Caller,
    order_id: uuid.UUID,
    days: int,
    ordering: InternalClient,
    onboarding: InternalClient,
    extensions: int = 0,
) -> License:
    """R-LI-3: a temporary license for an order awaiting its prepayment, for the reseller to hand on."""
    session = uow.session
    order = await readmodels.ORDERS.get(uow, order_id, ordering, lock=True)
    if order is None or not (caller.is_staff or order.reseller_id == caller.reseller_id):
        raise OrderNotFound()
    if order.payment_requirement != "prepay" or order.status != "placed":
        raise NotAwaitingPrepayment(f"the order is {order.status} ({order.payment_requirement})")
    if order.customer_id is None:
        raise NotAwaitingPrepayment("the order's customer account is still being created; try again shortly")
    # R-LI-3: one temporary license per order (checked under the order's row lock); an expired or
    # revoked one is not renewed by asking again, unless the program allows extensions
    earlier = list(
        await session.scalars(
            sa.select(License.status).where(License.order_id == order_id, License.temporary.is_(True))
        )
    )
    if not may_issue_temporary(earlier, extensions):
        raise TemporaryLicenseExists(
            f"the order had {len(earlier)} temporary license(s) ({', '.join(earlier)}); at most one per order"
            + (f" and {extensions} extension(s)" if extensions else "")
        )
    customer = await readmodels.CUSTOMERS.get(uow, order.customer_id, onboarding)
    now = uow.clock.now()
    valid_from, valid_until = temporary_validity(now.date(), days)
    lic = License(
        id=uuid.uuid4(),
        kind="order",
        order_id=order_id,
        reseller_id=order.reseller_id,
        customer_id=order.customer_id,
        licensee=_licensee(customer, order),
        sku=order.lines[0]["sku"] if len(order.lines) == 1 else "+".join(line["sku"] for line in order.lines),
        quantity=sum(int(line["quantity"]) for line in order.lines),
        temporary=True,
        status="active",
        valid_from=valid_from,
        valid_until=valid_until,
        issued_at=now,
    )
    session.add(lic)
    await session.flush()
    await _issued_order_event(uow, lic)
    return lic


# --- subscriptions (R-LI-4) and WaaS contracts (R-LI-5) -----------------------------------------


async def follow_subscription(
    uow: UnitOfWork, event: ordering_events.SubscriptionEvent, now: datetime
) -> None:
    """Keep the subscription's license in step with it: issued once it is usable, seats and end
    date following the subscription (a renewal extends it; top-ups add capacity at once)."""
    session = uow.session
    await readmodels.SUBSCRIPTIONS.upsert(uow, event)
    sub = await session.get(SubscriptionView, event.subscription_id, populate_existing=True)
    assert sub is not None
    lic = await session.scalar(
        sa.select(License)
        .where(License.kind == "subscription", License.subscription_id == sub.subscription_id)
        .with_for_update()
    )
    seats = usable_seats(sub.seats, sub.seats_pending_payment, sub.status)
    if lic is None:
        if sub.status not in USABLE_STATUSES or seats == 0:
            return
        await _issue_seats_license(
            uow,
            kind="subscription",
            refs={"subscription_id": sub.subscription_id},
            reseller_id=sub.reseller_id,
            customer_id=sub.customer_id,
            sku=sub.sku,
            seats=seats,
            valid=(sub.period_start, last_day_of_period(sub.period_end)),
            now=now,
        )
        return
    lic.reseller_id = sub.reseller_id  # R-CU-5: a transferred subscription's license moves along
    if sub.status in USABLE_STATUSES:
        lic.seats = seats
        last_day = last_day_of_period(sub.period_end)  # the period's end is exclusive
        lic.valid_until = max(lic.valid_until or last_day, last_day)
        if lic.status == "expired":
            lic.status = LicenseStatus.ACTIVE  # renewed after it lapsed
    elif sub.status in ("expired", "cancelled") and lic.status == "active":
        await end_license(
            uow, lic, "expired", last_day_of_period(sub.period_end), f"subscription {sub.status}"
        )


async def _issue_seats_license(
    uow: UnitOfWork,
    *,
    kind: str,
    refs: dict[str, uuid.UUID],
    reseller_id: uuid.UUID,
    customer_id: uuid.UUID,
    sku: str,
    seats: int,
    valid: tuple[date, date],
    now: datetime,
) -> License:
    """A subscription license — a seat subscription's (R-LI-4) or a WaaS contract's Office 365 users
    (R-LI-5) — valid for its period, with its `licensing.subscription_license.issued.v1`."""
    session = uow.session
    customer = await session.get(CustomerView, customer_id)
    lic = License(
        id=uuid.uuid4(),
        kind=kind,
        reseller_id=reseller_id,
        customer_id=customer_id,
        licensee=_licensee(customer),
        sku=sku,
        seats=seats,
        temporary=False,
        status="active",
        valid_from=valid[0],
        valid_until=valid[1],
        issued_at=now,
        **refs,
    )
    session.add(lic)
    await session.flush()
    await uow.emit(
        ev.SubscriptionLicenseIssued(
            license_id=lic.id,
            reseller_id=reseller_id,
            customer_id=customer_id,
            sku=sku,
            seats=seats,
            valid_from=valid[0],
            valid_until=valid[1],
            **refs,
        ),
        reseller_id=reseller_id,
    )
    return lic


async def end_license(uow: UnitOfWork, lic: License, status: str, on: date, reason: str) -> None:
    lic.status = LicenseStatus(status)
    lic.ended_reason = reason
    if status == "expired":
        await uow.emit(
            ev.LicenseExpired(
                license_id=lic.id,
                reseller_id=lic.reseller_id,
                customer_id=lic.customer_id,
                order_id=lic.order_id,
                subscription_id=lic.subscription_id,
                expired_on=on,
            ),
            reseller_id=lic.reseller_id,
        )
    else:
        await uow.emit(
            ev.LicenseRevoked(
                license_id=lic.id,
                reseller_id=lic.reseller_id,
                customer_id=lic.customer_id,
                order_id=lic.order_id,
                reason=reason,
            ),
            reseller_id=lic.reseller_id,
        )


async def follow_contract(uow: UnitOfWork, event: leasing_events.ContractEvent, now: datetime) -> None:
    """R-LI-5: a WaaS contract's Office 365 user licenses, as a subscription license for its term."""
    session = uow.session
    contract = event.contract
    lic = await session.scalar(
        sa.select(License)
        .where(License.kind == "waas", License.contract_id == event.contract_id)
        .with_for_update()
    )
    if isinstance(event, leasing_events.ContractActivated) and lic is None:
        assert contract.start_date is not None and contract.end_date is not None
        await _issue_seats_license(
            uow,
            kind="waas",
            refs={"contract_id": event.contract_id},
            reseller_id=contract.reseller_id,
            customer_id=contract.customer_id,
            sku=contract.office365_sku,
            seats=contract.office365_seats,
            valid=(contract.start_date, contract.end_date),
            now=now,
        )
        return
    if lic is None or lic.status != "active":
        return
    if isinstance(event, leasing_events.ContractExtended) and contract.end_date is not None:
        lic.valid_until = contract.end_date  # upgrades and extensions follow the contract
        lic.sku, lic.seats = contract.office365_sku, contract.office365_seats
    elif isinstance(event, leasing_events.ContractTerminated):
        await end_license(uow, lic, "revoked", event.terminated_on, "contract terminated")
    elif isinstance(event, leasing_events.ContractEnded):
        await end_license(uow, lic, "expired", contract.end_date or now.date(), "contract ended")
