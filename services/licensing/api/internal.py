"""Service-to-service endpoints (not in the public OpenAPI, not routed by the gateway): a license and
its signed file, for notifications to mail them to the reseller (R-BI-5, R-LI-1)."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends

from libs.auth import Caller, internal_service
from libs.service import CurrentClock, UoW
from services.licensing import errors, schemas
from services.licensing.api.deps import Config
from services.licensing.usecases import licenses, seats
from services.licensing.usecases.views import render_license

router = APIRouter(prefix="/internal", include_in_schema=False)
LicenseReader = Annotated[Caller, Depends(internal_service("notifications"))]


@router.get("/licenses/{license_id}", response_model=schemas.License)
async def license_snapshot(license_id: uuid.UUID, uow: UoW, _service: LicenseReader) -> Any:
    found = await licenses.any_license(uow.session, license_id)
    if found is None:
        raise errors.LicenseNotFound()
    return render_license(found)


@router.get("/licenses/{license_id}/file", response_model=schemas.LicenseFile)
async def license_file(
    license_id: uuid.UUID, uow: UoW, config: Config, clock: CurrentClock, _service: LicenseReader
) -> Any:
    found = await licenses.any_license(uow.session, license_id)
    if found is None:
        raise errors.LicenseNotFound()
    return licenses.signed_file(found, config, clock.today())


@router.post("/seat-invitations/{assignment_id}/token", response_model=schemas.InvitationToken)
async def invitation_token(assignment_id: uuid.UUID, uow: UoW, _service: LicenseReader) -> Any:
    """A one-time token for the invitation mail notifications is about to send (R-LI-4): the token
    travels only in this answer and the mail; licensing keeps its hash."""
    issued = await seats.issue_invitation_token(uow, assignment_id)
    if issued is None:
        raise errors.InvitationNotFound()
    token, assignment = issued
    return schemas.InvitationToken(token=token, expires_at=assignment.invitation_expires_at)
