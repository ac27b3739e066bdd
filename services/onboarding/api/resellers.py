"""/v1/resellers, /v1/reseller-policy and reseller API keys."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter

from libs.auth import Caller, CurrentCaller, Staff, StaffOrReseller, require_reseller_access
from libs.errors import problem_responses
from libs.service import UoW, idempotent
from services.onboarding import schemas
from services.onboarding.api.deps import NotSuspended
from services.onboarding.domain.statuses import ApiKeyKind, ApiKeyRole
from services.onboarding.errors import ApiKeyNotFound, PolicyVersionNotCurrent, ResellerNotFound
from services.onboarding.usecases import keys, policy
from services.onboarding.usecases.resellers import get_reseller
from services.onboarding.usecases.views import reseller_view

router = APIRouter(tags=["onboarding"], dependencies=NotSuspended)


@router.get(
    "/v1/resellers/{reseller_id}",
    response_model=schemas.Reseller,
    name="resellers-get",
    responses=problem_responses(ResellerNotFound),
)
async def read_reseller(reseller_id: uuid.UUID, uow: UoW, caller: StaffOrReseller) -> Any:
    return await reseller_view(uow.session, await get_reseller(uow.session, caller, reseller_id))


@router.get("/v1/reseller-policy", response_model=schemas.Policy, name="reseller-policy-get")
async def read_policy(uow: UoW, _caller: CurrentCaller) -> Any:
    return await policy.current_policy(uow.session)


@router.post(
    "/v1/reseller-policy", status_code=201, response_model=schemas.Policy, name="reseller-policy-publish"
)
async def publish_policy(body: schemas.PolicyCreate, uow: UoW, _staff: Staff) -> Any:
    """Publish a new policy version (staff). Every reseller must accept it before its next order."""
    result = schemas.Policy.model_validate(await policy.publish_policy(uow, body.text))
    return result


@router.post(
    "/v1/resellers/{reseller_id}/policy-acceptance",
    response_model=schemas.PolicyAcceptance,
    name="resellers-policy-accept",
    responses=problem_responses(ResellerNotFound, PolicyVersionNotCurrent),
)
async def accept_policy(
    reseller_id: uuid.UUID,
    body: schemas.PolicyAcceptanceCreate,
    uow: UoW,
    caller: StaffOrReseller,
) -> Any:
    result = await policy.accept_policy(uow, caller, reseller_id, body)
    return result


def _require_key_admin(caller: Caller, reseller_id: uuid.UUID) -> None:
    """The reseller's own keys (the role is the permission table's: reseller_admin or staff)."""
    try:
        require_reseller_access(caller, reseller_id)
    except Exception as exc:
        raise ResellerNotFound() from exc


@router.post(
    "/v1/resellers/{reseller_id}/api-keys",
    status_code=201,
    response_model=schemas.ApiKeyCreated,
    name="resellers-api-keys-create",
    responses=problem_responses(ResellerNotFound),
)
@idempotent
async def create_api_key(
    reseller_id: uuid.UUID,
    body: schemas.ApiKeyCreate,
    uow: UoW,
    caller: StaffOrReseller,
) -> Any:
    _require_key_admin(caller, reseller_id)
    await get_reseller(uow.session, caller, reseller_id)

    key, row = await keys.issue_key(
        uow.session,
        kind=ApiKeyKind.RESELLER,
        role=ApiKeyRole(body.role),
        name=body.name,
        reseller_id=reseller_id,
    )
    return schemas.ApiKeyCreated(id=row.id, key=key, name=row.name, role=row.role, prefix=row.prefix)


@router.get(
    "/v1/resellers/{reseller_id}/api-keys",
    response_model=list[schemas.ApiKeyInfo],
    name="resellers-api-keys-list",
)
async def list_api_keys(reseller_id: uuid.UUID, uow: UoW, caller: StaffOrReseller) -> Any:
    _require_key_admin(caller, reseller_id)
    return await keys.list_reseller_keys(uow.session, reseller_id)


@router.delete(
    "/v1/resellers/{reseller_id}/api-keys/{key_id}",
    response_model=schemas.ApiKeyInfo,
    name="resellers-api-keys-revoke",
    responses=problem_responses(ApiKeyNotFound),
)
async def revoke_api_key(reseller_id: uuid.UUID, key_id: uuid.UUID, uow: UoW, caller: StaffOrReseller) -> Any:
    _require_key_admin(caller, reseller_id)
    row = await keys.revoke_reseller_key(uow, reseller_id, key_id)
    return row
