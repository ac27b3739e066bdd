"""R-ON-1 / R-ON-2: applications to become a reseller, and their review."""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from libs.auth import Caller
from libs.db import UnitOfWork
from libs.events import onboarding as ev
from libs.events.onboarding import ResellerStatus, Standing
from libs.pagination import PageQuery, paginate
from libs.repository import load_or_404
from services.onboarding import schemas
from services.onboarding.domain.applications import (
    ApplicationAction,
    ApplicationStatus,
    InvalidTransition,
    needs_eligibility_override,
    transition,
)
from services.onboarding.domain.statuses import ApiKeyKind, ApiKeyRole
from services.onboarding.domain.validation import is_eu_member
from services.onboarding.errors import (
    ApplicationAlreadyReviewed,
    ApplicationNotFound,
    EligibilityOverrideRequired,
)
from services.onboarding.models import Application, Program, Reseller
from services.onboarding.usecases.keys import issue_key
from services.onboarding.usecases.resellers import publish_change


async def submit(uow: UnitOfWork, body: schemas.ApplicationCreate) -> Application:
    session = uow.session
    application = Application(id=uuid.uuid4(), **body.model_dump(), status=ApplicationStatus.SUBMITTED)
    session.add(application)
    await session.flush()
    await uow.emit(
        ev.ApplicationSubmitted(
            application_id=application.id,
            company_name=application.company_name,
            country=application.country,
            business_type=application.business_type,
        ),
    )
    await session.refresh(application)
    return application


async def list_applications(
    session: AsyncSession, page: PageQuery, status: ApplicationStatus | None
) -> tuple[list[Application], str | None]:
    stmt = sa.select(Application)
    if status:
        stmt = stmt.where(Application.status == status)
    return await paginate(session, stmt, Application, page)


async def load(session: AsyncSession, application_id: uuid.UUID) -> Application:
    return await load_or_404(
        session, sa.select(Application).where(Application.id == application_id), ApplicationNotFound
    )


async def _load_for_review(
    session: AsyncSession, application_id: uuid.UUID, action: ApplicationAction
) -> Application:
    application = await session.scalar(
        sa.select(Application).where(Application.id == application_id).with_for_update()
    )
    if application is None:
        raise ApplicationNotFound()
    try:
        application.status = transition(application.status, action)
    except InvalidTransition as exc:
        raise ApplicationAlreadyReviewed(f"the application is {application.status}") from exc
    return application


async def default_program(session: AsyncSession) -> Program:
    program = await session.scalar(sa.select(Program).where(Program.is_default.is_(True)))
    assert program is not None, "the default program is created by the first migration"
    return program


async def approve(
    uow: UnitOfWork,
    caller: Caller,
    application_id: uuid.UUID,
    body: schemas.ApplicationApprove,
) -> schemas.ApplicationApproved:
    session = uow.session
    application = await _load_for_review(session, application_id, "approve")
    override = None
    if needs_eligibility_override(application.business_type):
        if body.eligibility_override_reason is None:
            raise EligibilityOverrideRequired(
                f"{application.company_name} applied as a consultancy; approve with "
                "`eligibility_override_reason` to admit it anyway, or reject it"
            )
        override = {
            "reason": body.eligibility_override_reason,
            "decided_by": caller.identity,
            "decided_at": uow.clock.now().isoformat(),
        }
    program = await default_program(session)
    reseller = Reseller(
        id=uuid.uuid4(),
        application_id=application.id,
        program_id=program.id,
        company_name=application.company_name,
        contact_email=application.contact_email,
        status=ResellerStatus.PENDING_POLICY,
        standing=Standing.NEW,
        discount_percent=(
            body.discount_percent if body.discount_percent is not None else program.default_discount_percent
        ),
        paid_orders=0,
        has_overdue=False,
        credit_limit=body.credit_limit if body.credit_limit is not None else program.default_credit_limit,
        credit_currency=program.credit_currency,
        country=application.country,
        state=application.state,
        vat_id=application.vat_id,
        # the VAT id was validated for format and checksum when the application was submitted (R-ON-5)
        vat_id_valid=bool(application.vat_id) and is_eu_member(application.country),
        policy_version_accepted=None,
        eligibility_override=override,
        version=0,
    )
    session.add(reseller)
    application.reseller_id = reseller.id
    application.reviewed_by = caller.identity
    application.reviewed_at = uow.clock.now()
    await session.flush()
    key, _ = await issue_key(
        session,
        kind=ApiKeyKind.RESELLER,
        role=ApiKeyRole.RESELLER_ADMIN,
        name="first admin key",
        reseller_id=reseller.id,
    )
    await publish_change(uow, reseller, ev.ResellerApproved, application_id=application.id)
    return schemas.ApplicationApproved(
        id=application.id, status="approved", reseller_id=reseller.id, api_key=key
    )


async def reject(
    uow: UnitOfWork,
    caller: Caller,
    application_id: uuid.UUID,
    body: schemas.ApplicationReject,
) -> schemas.ApplicationRejected:
    session = uow.session
    application = await _load_for_review(session, application_id, "reject")
    application.reason = body.reason
    application.reviewed_by = caller.identity
    application.reviewed_at = uow.clock.now()
    await uow.emit(ev.ApplicationRejected(application_id=application.id, reason=body.reason))
    return schemas.ApplicationRejected(id=application.id, status="rejected", reason=body.reason)
