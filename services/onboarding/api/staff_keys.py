"""/v1/staff-keys — vendor staff keys per role (R-PL-5), created by an admin.

The environment's admin key (`CHANNELHUB_ADMIN_KEY`) stays the bootstrap: it creates the first staff
keys. Each key has one role (`admin`, `credit_officer`, `billing`); the permission table
(`libs.permissions`, printed in the README) says what each may call. A key is shown once and stored
hashed like every other API key; a revoked key stops working within the gateway's key cache period.
"""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter

from libs.auth import Staff
from libs.errors import problem_responses
from libs.service import UoW, idempotent
from services.onboarding import schemas
from services.onboarding.domain.statuses import ApiKeyKind, ApiKeyRole
from services.onboarding.errors import ApiKeyNotFound
from services.onboarding.usecases import keys

router = APIRouter(tags=["onboarding"])


@router.post(
    "/v1/staff-keys", status_code=201, response_model=schemas.ApiKeyCreated, name="staff-keys-create"
)
@idempotent
async def create_staff_key(body: schemas.StaffKeyCreate, uow: UoW, _staff: Staff) -> Any:
    key, row = await keys.issue_key(
        uow.session, kind=ApiKeyKind.STAFF, role=ApiKeyRole(body.role), name=body.name
    )
    return schemas.ApiKeyCreated(id=row.id, key=key, name=row.name, role=row.role, prefix=row.prefix)


@router.get("/v1/staff-keys", response_model=list[schemas.ApiKeyInfo], name="staff-keys-list")
async def list_staff_keys(uow: UoW, _staff: Staff) -> Any:
    return await keys.list_staff_keys(uow.session)


@router.delete(
    "/v1/staff-keys/{key_id}",
    response_model=schemas.ApiKeyInfo,
    name="staff-keys-revoke",
    responses=problem_responses(ApiKeyNotFound),
)
async def revoke_staff_key(key_id: uuid.UUID, uow: UoW, _staff: Staff) -> Any:
    row = await keys.revoke_staff_key(uow, key_id)
    return row
