"""/v1/reseller-applications — public submission, staff review (R-ON-1, R-ON-2)."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Query

from libs.auth import Staff
from libs.errors import problem_responses
from libs.pagination import Page, PageParams
from libs.service import UoW, idempotent
from services.onboarding import schemas
from services.onboarding.errors import (
    ApplicationAlreadyReviewed,
    ApplicationNotFound,
    EligibilityOverrideRequired,
)
from services.onboarding.usecases import applications

router = APIRouter(prefix="/v1/reseller-applications", tags=["onboarding"])


@router.post("", status_code=201, response_model=schemas.Application, name="reseller-applications-create")
@idempotent
async def create_application(body: schemas.ApplicationCreate, uow: UoW) -> Any:
    """Apply to become an authorised reseller. No API key needed; rate limited at the gateway."""
    return schemas.Application.model_validate(await applications.submit(uow, body))


@router.get("", response_model=Page[schemas.Application], name="reseller-applications-list")
async def list_applications(
    uow: UoW,
    _staff: Staff,
    page: PageParams,
    status: schemas.ApplicationStatus | None = Query(None),
) -> Any:
    rows, cursor = await applications.list_applications(uow.session, page, status)
    return Page(data=[schemas.Application.model_validate(r) for r in rows], next_cursor=cursor)


@router.get(
    "/{application_id}",
    response_model=schemas.Application,
    name="reseller-applications-get",
    responses=problem_responses(ApplicationNotFound),
)
async def get_application(application_id: uuid.UUID, uow: UoW, _staff: Staff) -> Any:
    return await applications.load(uow.session, application_id)


@router.post(
    "/{application_id}/approve",
    response_model=schemas.ApplicationApproved,
    name="reseller-applications-approve",
    responses=problem_responses(ApplicationNotFound, ApplicationAlreadyReviewed, EligibilityOverrideRequired),
)
async def approve_application(
    application_id: uuid.UUID, body: schemas.ApplicationApprove, uow: UoW, staff: Staff
) -> Any:
    """Approve: the reseller is created in `pending_policy` with the program's discount (or the one
    given) and its first `reseller_admin` key is returned — shown only this once. A consultancy
    (R-ON-1) needs `eligibility_override_reason`; the override is recorded on the reseller."""
    result = await applications.approve(uow, staff, application_id, body)
    return result


@router.post(
    "/{application_id}/reject",
    response_model=schemas.ApplicationRejected,
    name="reseller-applications-reject",
    responses=problem_responses(ApplicationNotFound, ApplicationAlreadyReviewed),
)
async def reject_application(
    application_id: uuid.UUID, body: schemas.ApplicationReject, uow: UoW, staff: Staff
) -> Any:
    result = await applications.reject(uow, staff, application_id, body)
    return result
