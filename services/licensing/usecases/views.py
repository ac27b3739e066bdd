"""The one place licensing's rows become response shapes."""

from __future__ import annotations

from services.licensing import schemas
from services.licensing.models import License, SeatAssignment, SubscriptionView
from services.licensing.usecases.seats import counts, usable


def render_license(lic: License) -> schemas.License:
    return schemas.License.model_validate(lic, from_attributes=True)


def render_assignment(a: SeatAssignment) -> schemas.SeatAssignment:
    return schemas.SeatAssignment(
        subscription_id=a.subscription_id,
        email=a.email,
        status=a.status,
        assigned_at=a.assigned_at,
        activated_at=a.activated_at,
        invitation_expires_at=a.invitation_expires_at,
    )


def render_overview(sub: SubscriptionView, live: list[SeatAssignment]) -> schemas.SeatOverview:
    return schemas.SeatOverview(
        subscription_id=sub.subscription_id,
        seats_usable=usable(sub),
        **counts(live),
        assignments=[render_assignment(a) for a in live],
    )
