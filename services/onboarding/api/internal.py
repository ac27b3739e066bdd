"""Service-to-service endpoints (not in the public OpenAPI): key resolution for the gateway."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from libs.auth import System
from libs.service import UoW
from services.onboarding import schemas
from services.onboarding.errors import ApiKeyNotFound
from services.onboarding.usecases import keys

router = APIRouter(prefix="/internal", include_in_schema=False)


@router.post("/api-keys/resolve")
async def resolve_api_key(body: schemas.KeyResolve, uow: UoW, _system: System) -> Any:
    caller = await keys.resolve(uow.session, body.key_hash)
    if caller is None:
        raise ApiKeyNotFound()
    return caller.to_claims()
