"""Reseller administration: tax profile and exemption certificates (R-ON-4/5), commercial
terms and status, payment facts and standing (R-ON-3/6), reseller programs."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter

from libs.auth import Staff, StaffOrReseller
from libs.errors import problem_responses
from libs.service import UoW, idempotent
from services.onboarding import schemas
from services.onboarding.api.deps import NotSuspended
from services.onboarding.errors import (
    InvalidField,
    InvalidStatusChange,
    ProgramNotFound,
    ResellerNotFound,
    TaxProfileChangeDecided,
    TaxProfileChangeNeedsReview,
    TaxProfileChangeNotFound,
    TaxProfileNotApplicable,
)
from services.onboarding.usecases import reseller_admin
from services.onboarding.usecases.views import reseller_view

router = APIRouter(tags=["onboarding"], dependencies=NotSuspended)


@router.put(
    "/v1/resellers/{reseller_id}/tax-exemption-certificate",
    response_model=schemas.ExemptionCertificate,
    name="resellers-exemption-certificate-put",
    responses=problem_responses(ResellerNotFound, TaxProfileNotApplicable, InvalidField),
)
async def put_exemption_certificate(
    reseller_id: uuid.UUID,
    body: schemas.ExemptionCertificatePut,
    uow: UoW,
    caller: StaffOrReseller,
) -> Any:
    """Upload or replace the US resale exemption certificate (R-ON-4). It must be issued by the
    reseller's own state; a certificate exempts orders dated within its validity. The replaced
    one stays in the history."""
    certificate = await reseller_admin.put_certificate(uow, caller, reseller_id, body)
    result = schemas.ExemptionCertificate.model_validate(certificate)
    return result


@router.get(
    "/v1/resellers/{reseller_id}/tax-exemption-certificates",
    response_model=list[schemas.ExemptionCertificate],
    name="resellers-exemption-certificates-list",
    responses=problem_responses(ResellerNotFound),
)
async def list_exemption_certificates(reseller_id: uuid.UUID, uow: UoW, caller: StaffOrReseller) -> Any:
    """Every certificate the reseller uploaded, newest first; the current one has no `replaced_at`."""
    return await reseller_admin.list_certificates(uow.session, caller, reseller_id)


@router.patch(
    "/v1/resellers/{reseller_id}/tax-profile",
    response_model=schemas.Reseller,
    name="resellers-tax-profile-update",
    responses=problem_responses(ResellerNotFound, InvalidField, TaxProfileChangeNeedsReview),
)
async def update_tax_profile(
    reseller_id: uuid.UUID,
    body: schemas.TaxProfilePatch,
    uow: UoW,
    caller: StaffOrReseller,
) -> Any:
    """Staff: correct country, state or VAT id at once (the change is an event naming who made it).
    The VAT id's format and check digits are verified (R-ON-5); moving state retires the exemption
    certificate. A reseller gets 403 `tax-profile-change-needs-review`: it requests the change with
    `POST /v1/resellers/{id}/tax-profile-changes` instead."""
    reseller = await reseller_admin.patch_tax_profile(uow, caller, reseller_id, body)
    result = await reseller_view(uow.session, reseller)
    return result


@router.post(
    "/v1/resellers/{reseller_id}/tax-profile-changes",
    status_code=201,
    response_model=schemas.TaxProfileChange,
    name="resellers-tax-profile-changes-create",
    responses=problem_responses(ResellerNotFound, InvalidField),
)
@idempotent
async def request_tax_profile_change(
    reseller_id: uuid.UUID,
    body: schemas.TaxProfilePatch,
    uow: UoW,
    caller: StaffOrReseller,
) -> Any:
    """Request a change of country, state or VAT id (the reseller's `reseller_admin`). It is checked
    now and applied only when staff approve it; until then orders keep today's tax profile. A newer
    request withdraws an older pending one."""

    change = await reseller_admin.request_tax_profile_change(uow, caller, reseller_id, body)
    return schemas.TaxProfileChange.model_validate(change)


@router.get(
    "/v1/resellers/{reseller_id}/tax-profile-changes",
    response_model=list[schemas.TaxProfileChange],
    name="resellers-tax-profile-changes-list",
    responses=problem_responses(ResellerNotFound),
)
async def list_tax_profile_changes(reseller_id: uuid.UUID, uow: UoW, caller: StaffOrReseller) -> Any:
    """Every tax profile change request of the reseller, newest first, with who decided and when."""
    return await reseller_admin.list_tax_profile_changes(uow.session, caller, reseller_id)


@router.post(
    "/v1/resellers/{reseller_id}/tax-profile-changes/{change_id}/approve",
    response_model=schemas.TaxProfileChange,
    name="resellers-tax-profile-changes-approve",
    responses=problem_responses(ResellerNotFound, TaxProfileChangeNotFound, TaxProfileChangeDecided),
)
async def approve_tax_profile_change(
    reseller_id: uuid.UUID, change_id: uuid.UUID, uow: UoW, staff: Staff
) -> Any:
    """Staff: apply the requested tax profile; later orders are taxed by it."""
    change = await reseller_admin.decide_tax_profile_change(uow, staff, reseller_id, change_id, approve=True)
    result = schemas.TaxProfileChange.model_validate(change)
    return result


@router.post(
    "/v1/resellers/{reseller_id}/tax-profile-changes/{change_id}/reject",
    response_model=schemas.TaxProfileChange,
    name="resellers-tax-profile-changes-reject",
    responses=problem_responses(ResellerNotFound, TaxProfileChangeNotFound, TaxProfileChangeDecided),
)
async def reject_tax_profile_change(
    reseller_id: uuid.UUID,
    change_id: uuid.UUID,
    body: schemas.TaxProfileChangeReject,
    uow: UoW,
    staff: Staff,
) -> Any:
    """Staff: refuse the requested change, with the reason the reseller will see."""
    change = await reseller_admin.decide_tax_profile_change(
        uow, staff, reseller_id, change_id, approve=False, reason=body.reason
    )
    result = schemas.TaxProfileChange.model_validate(change)
    return result


@router.patch(
    "/v1/resellers/{reseller_id}",
    response_model=schemas.Reseller,
    name="resellers-update",
    responses=problem_responses(ResellerNotFound, InvalidStatusChange),
)
async def update_reseller(reseller_id: uuid.UUID, body: schemas.ResellerPatch, uow: UoW, staff: Staff) -> Any:
    """Staff: discount, credit limit (R-ON-6), suspend (`suspended`) or reactivate (`active`)."""
    reseller = await reseller_admin.patch_reseller(uow, staff, reseller_id, body)
    result = await reseller_view(uow.session, reseller)
    return result


@router.post(
    "/v1/resellers/{reseller_id}/payment-facts",
    response_model=schemas.Reseller,
    name="resellers-payment-facts",
    responses=problem_responses(ResellerNotFound, InvalidField),
)
@idempotent
async def record_payment_facts(
    reseller_id: uuid.UUID, body: schemas.PaymentFacts, uow: UoW, staff: Staff
) -> Any:
    """Staff report paid orders and overdue debt; the standing is recomputed from the
    reseller's program (R-ON-3). This is the stand-in until billing publishes payment events."""

    reseller = await reseller_admin.record_payment_facts(uow, staff, reseller_id, body)
    return await reseller_view(uow.session, reseller)


@router.get("/v1/programs", response_model=list[schemas.Program], name="programs-list")
async def list_programs(uow: UoW, _staff: Staff) -> Any:
    return await reseller_admin.list_programs(uow.session)


@router.patch(
    "/v1/programs/{program_id}",
    response_model=schemas.Program,
    name="programs-update",
    responses=problem_responses(ProgramNotFound, InvalidField),
)
async def update_program(program_id: str, body: schemas.ProgramPatch, uow: UoW, _staff: Staff) -> Any:
    """Change a program's numbers (staff). A new prepaid-orders threshold re-evaluates the
    standing of the program's resellers; the default discount applies to resellers approved later."""
    program = await reseller_admin.patch_program(uow, program_id, body)
    result = schemas.Program.model_validate(program)
    return result
