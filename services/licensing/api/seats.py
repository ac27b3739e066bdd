"""/v1/subscriptions/{id}/seat-assignments and /v1/seat-invitations/{token}/activate (R-LI-4)."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Path, Response

from libs.auth import StaffOrReseller
from libs.errors import problem_responses
from libs.service import CurrentClock, UoW, idempotent
from services.licensing import errors, schemas
from services.licensing.api.deps import Config, Ordering
from services.licensing.usecases import seats
from services.licensing.usecases.views import render_assignment, render_overview

router = APIRouter(tags=["licensing"])
Email = Annotated[str, Path(min_length=3, max_length=254, json_schema_extra={"format": "email"})]
Token = Annotated[str, Path(min_length=10, max_length=100)]


@router.get(
    "/v1/subscriptions/{subscription_id}/seat-assignments",
    response_model=schemas.SeatOverview,
    name="seat-assignments-list",
    responses=problem_responses(errors.SubscriptionNotFound),
)
async def list_assignments(
    subscription_id: uuid.UUID, uow: UoW, caller: StaffOrReseller, ordering: Ordering, clock: CurrentClock
) -> Any:
    """R-LI-4: `seats_assigned` = activated seats (`seats_active`) + invitations not activated yet
    and not expired (`seats_invited`); an expired invitation holds no seat."""
    sub, live = await seats.overview(uow, caller, subscription_id, ordering, clock.now())
    return render_overview(sub, live)


@router.post(
    "/v1/subscriptions/{subscription_id}/seat-assignments",
    status_code=201,
    response_model=schemas.SeatAssignment,
    name="seat-assignments-create",
    responses=problem_responses(
        errors.SubscriptionNotFound,
        errors.SubscriptionNotUsable,
        errors.NoSeatsLeft,
        errors.SeatAlreadyAssigned,
        errors.InvalidEmail,
    ),
)
@idempotent
async def assign_seat(
    subscription_id: uuid.UUID,
    body: schemas.SeatAssign,
    uow: UoW,
    caller: StaffOrReseller,
    config: Config,
    ordering: Ordering,
) -> Any:
    """Assign a seat to an e-mail while usable seats remain (409 `no-seats-left` otherwise); the
    person gets a single-use invitation by e-mail."""

    assignment, _token = await seats.assign(
        uow, caller, subscription_id, body.email, config.invitation_days, ordering
    )
    return render_assignment(assignment)


@router.delete(
    "/v1/subscriptions/{subscription_id}/seat-assignments/{email}",
    status_code=204,
    name="seat-assignments-delete",
    responses=problem_responses(
        errors.SubscriptionNotFound, errors.SeatAssignmentNotFound, errors.InvalidEmail
    ),
)
async def unassign_seat(
    subscription_id: uuid.UUID,
    email: Email,
    uow: UoW,
    caller: StaffOrReseller,
    ordering: Ordering,
) -> Response:
    """Free the seat: it can be kept or assigned to someone else."""
    await seats.unassign(uow, caller, subscription_id, email, ordering)
    return Response(status_code=204)


@router.post(
    "/v1/seat-invitations/activate",
    response_model=schemas.SeatActivation,
    name="seat-invitations-activate-token",
    responses=problem_responses(errors.InvitationNotFound, errors.InvitationExpired),
)
async def activate_with_body(body: schemas.SeatActivate, uow: UoW) -> Any:
    """The invitee activates the seat (no API key: the single-use token is the credential, in the
    body); works whether or not the person has an account already. The mailed link opens the
    gateway's small page (`/activate-seat#token=…`, the token in the fragment, which no server sees)
    that posts it here."""
    return await _activate(body.token, uow)


@router.post(
    "/v1/seat-invitations/{token}/activate",
    response_model=schemas.SeatActivation,
    name="seat-invitations-activate",
    responses=problem_responses(errors.InvitationNotFound, errors.InvitationExpired),
    deprecated=True,
)
async def activate(token: Token, uow: UoW) -> Any:
    """Deprecated: the token in the path (redacted from every log). Use
    `POST /v1/seat-invitations/activate {token}`."""
    return await _activate(token, uow)


async def _activate(token: str, uow: UoW) -> Any:
    assignment, existing = await seats.activate(uow, token)
    assert assignment.activated_at is not None
    return schemas.SeatActivation(
        subscription_id=assignment.subscription_id,
        email=assignment.email,
        status="active",
        existing_user=existing,
        activated_at=assignment.activated_at,
    )
