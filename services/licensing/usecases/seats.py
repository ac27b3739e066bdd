"""Seats (R-LI-4): the reseller (the customer account's administrator, who holds no seat itself)
assigns seats to e-mails while usable seats remain; each assignment sends a single-use invitation
that works whether or not the person already has an account; removing a user frees the seat for
someone else; an invitation never activated frees its seat when it expires. Utilisation counts
activated seats and pending (unexpired) invitations, stated separately. The subscription's term runs
on regardless (nothing here moves its end)."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import sqlalchemy as sa
from email_validator import EmailNotValidError, validate_email
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from libs.auth import Caller
from libs.db import UnitOfWork
from libs.events import licensing as ev
from libs.internal_client import InternalClient
from services.licensing.domain.seats import SeatStatus, holds_seat, may_assign, usable_seats
from services.licensing.domain.tokens import digest, new_token
from services.licensing.errors import (
    InvalidEmail,
    InvitationExpired,
    InvitationNotFound,
    NoSeatsLeft,
    SeatAlreadyAssigned,
    SeatAssignmentNotFound,
    SubscriptionNotFound,
    SubscriptionNotUsable,
)
from services.licensing.models import SeatAssignment, SubscriptionView, User
from services.licensing.usecases import readmodels

LIVE = ("invited", "active")


def normalise_email(email: str) -> str:
    try:
        return validate_email(email, check_deliverability=False).normalized.lower()
    except EmailNotValidError as exc:
        raise InvalidEmail(str(exc)) from None


async def _subscription(
    uow: UnitOfWork, caller: Caller, subscription_id: uuid.UUID, ordering: InternalClient | None
) -> SubscriptionView:
    session = uow.session
    sub = await readmodels.SUBSCRIPTIONS.get(uow, subscription_id, ordering)
    if sub is None:
        raise SubscriptionNotFound()
    if caller.is_staff or (caller.kind == "reseller" and caller.reseller_id == sub.reseller_id):
        # one assignment decision at a time per subscription: capacity is checked under this lock
        await session.refresh(sub, with_for_update=True)
        return sub
    raise SubscriptionNotFound()


async def _live(session: AsyncSession, subscription_id: uuid.UUID, now: datetime) -> list[SeatAssignment]:
    """The assignments holding a seat: activated ones and invitations not expired (R-LI-4)."""
    rows = await session.scalars(
        sa.select(SeatAssignment)
        .where(SeatAssignment.subscription_id == subscription_id, SeatAssignment.status.in_(LIVE))
        .order_by(SeatAssignment.assigned_at)
    )
    return [a for a in rows if holds_seat(a.status, a.invitation_expires_at, now)]


def counts(live: list[SeatAssignment]) -> dict[str, int]:
    active = sum(1 for a in live if a.status == "active")
    return {"seats_assigned": len(live), "seats_active": active, "seats_invited": len(live) - active}


async def expire_invitations(uow: UnitOfWork, as_of: datetime) -> int:
    """Part of the `expire-licenses` job: invitations never activated by their expiry free their
    seat (R-LI-4), each with `licensing.seat.invitation_expired.v1`."""
    session = uow.session
    due = (
        await session.scalars(
            sa.select(SeatAssignment)
            .where(SeatAssignment.status == "invited", SeatAssignment.invitation_expires_at < as_of)
            .order_by(SeatAssignment.invitation_expires_at, SeatAssignment.id)
            .with_for_update(skip_locked=True)
        )
    ).all()
    for assignment in due:
        assignment.status = SeatStatus.EXPIRED
        assignment.removed_at = as_of
        await session.flush()
        sub = await session.get(SubscriptionView, assignment.subscription_id)
        if sub is None:
            continue
        live = await _live(session, sub.subscription_id, as_of)
        await uow.emit(
            ev.SeatInvitationExpired(
                subscription_id=sub.subscription_id,
                reseller_id=sub.reseller_id,
                customer_id=sub.customer_id,
                email=assignment.email,
                seats_total=usable(sub),
                invitation_id=assignment.id,
                **counts(live),
            ),
            reseller_id=sub.reseller_id,
        )
    return len(due)


async def overview(
    uow: UnitOfWork, caller: Caller, subscription_id: uuid.UUID, ordering: InternalClient, now: datetime
) -> tuple[SubscriptionView, list[SeatAssignment]]:
    session = uow.session
    sub = await _subscription(uow, caller, subscription_id, ordering)
    return sub, await _live(session, subscription_id, now)


def usable(sub: SubscriptionView) -> int:
    return usable_seats(sub.seats, sub.seats_pending_payment, sub.status)


async def assign(
    uow: UnitOfWork,
    caller: Caller,
    subscription_id: uuid.UUID,
    email: str,
    invitation_days: int,
    ordering: InternalClient,
) -> tuple[SeatAssignment, str]:
    """Assign a seat and create its invitation; returns the assignment and a token nobody is told:
    the token the invitee gets is minted when notifications mails it (`issue_invitation_token`),
    so no event, outbox row or stored mail carries one."""
    session = uow.session
    address = normalise_email(email)
    sub = await _subscription(uow, caller, subscription_id, ordering)
    capacity = usable(sub)
    if capacity == 0:
        raise SubscriptionNotUsable(
            f"the subscription is {sub.status} with {sub.seats_pending_payment} unpaid seat(s)"
        )
    now = uow.clock.now()
    live = await _live(session, subscription_id, now)
    if any(a.email == address for a in live):
        raise SeatAlreadyAssigned(address)
    if not may_assign(capacity, len(live)):
        raise NoSeatsLeft(f"all {capacity} usable seat(s) are assigned; remove a user or buy seats")
    # an expired invitation of the same e-mail frees its seat now, before the job gets to it
    await session.execute(
        sa.update(SeatAssignment)
        .where(
            SeatAssignment.subscription_id == subscription_id,
            SeatAssignment.email == address,
            SeatAssignment.status == "invited",
        )
        .values(status="expired", removed_at=now)
    )
    token = new_token()
    assignment = SeatAssignment(
        id=uuid.uuid4(),
        subscription_id=subscription_id,
        email=address,
        status="invited",
        invitation_token_hash=digest(token),
        invitation_expires_at=now + timedelta(days=invitation_days),
        assigned_by=caller.identity,
        assigned_at=now,
    )
    session.add(assignment)
    await session.flush()
    await uow.emit(
        ev.SeatAssigned(
            subscription_id=subscription_id,
            reseller_id=sub.reseller_id,
            customer_id=sub.customer_id,
            email=address,
            seats_total=capacity,
            invitation_id=assignment.id,
            **counts([*live, assignment]),
            invitation_expires_at=assignment.invitation_expires_at,
        ),
        reseller_id=sub.reseller_id,
    )
    return assignment, token


async def unassign(
    uow: UnitOfWork,
    caller: Caller,
    subscription_id: uuid.UUID,
    email: str,
    ordering: InternalClient,
) -> None:
    session = uow.session
    address = normalise_email(email)
    sub = await _subscription(uow, caller, subscription_id, ordering)
    now = uow.clock.now()
    live = await _live(session, subscription_id, now)
    assignment = next((a for a in live if a.email == address), None)
    if assignment is None:
        raise SeatAssignmentNotFound(address)
    assignment.status = SeatStatus.REMOVED
    assignment.removed_at = now
    await session.flush()
    await uow.emit(
        ev.SeatUnassigned(
            subscription_id=subscription_id,
            reseller_id=sub.reseller_id,
            customer_id=sub.customer_id,
            email=address,
            seats_total=usable(sub),
            **counts([a for a in live if a is not assignment]),
        ),
        reseller_id=sub.reseller_id,
    )


async def issue_invitation_token(
    uow: UnitOfWork, assignment_id: uuid.UUID
) -> tuple[str, SeatAssignment] | None:
    """A fresh single-use token for an open invitation, for the one mail that carries it (only its
    hash is kept; an earlier token stops working). None when the invitation is gone, used or expired."""
    session = uow.session
    assignment = await session.scalar(
        sa.select(SeatAssignment)
        .where(SeatAssignment.id == assignment_id, SeatAssignment.status == "invited")
        .with_for_update()
    )
    if assignment is None or assignment.invitation_expires_at < uow.clock.now():
        return None
    token = new_token()
    assignment.invitation_token_hash = digest(token)
    await session.flush()
    return token, assignment


async def activate(uow: UnitOfWork, token: str) -> tuple[SeatAssignment, bool]:
    """The invitee follows the link: the seat becomes theirs, under their existing account or a new
    one. Single use: a second activation finds no invitation."""
    session = uow.session
    assignment = await session.scalar(
        sa.select(SeatAssignment)
        .where(
            SeatAssignment.invitation_token_hash == digest(token),
            SeatAssignment.status.in_(("invited", "expired")),
        )
        .with_for_update()
    )
    if assignment is None:
        raise InvitationNotFound()
    now = uow.clock.now()
    if assignment.status == "expired" or assignment.invitation_expires_at < now:
        raise InvitationExpired(f"it expired at {assignment.invitation_expires_at.isoformat()}")
    created = await session.scalar(
        pg_insert(User)
        .values(id=uuid.uuid4(), email=assignment.email)
        .on_conflict_do_nothing()
        .returning(User.id)
    )
    user_id = created or await session.scalar(sa.select(User.id).where(User.email == assignment.email))
    assignment.user_id = user_id
    assignment.status = SeatStatus.ACTIVE
    assignment.activated_at = now
    sub = await session.get(SubscriptionView, assignment.subscription_id)
    assert sub is not None
    await session.flush()
    await uow.emit(
        ev.SeatActivated(
            subscription_id=sub.subscription_id,
            reseller_id=sub.reseller_id,
            customer_id=sub.customer_id,
            email=assignment.email,
            seats_total=usable(sub),
            invitation_id=assignment.id,
            **counts(await _live(session, sub.subscription_id, now)),
            existing_user=created is None,
        ),
        reseller_id=sub.reseller_id,
    )
    return assignment, created is None
