"""Service-to-service endpoints (not in the public OpenAPI, not routed by the gateway).

- key resolution, for the gateway only (its token scoped to it);
- the current snapshot of a reseller or a customer — exactly what onboarding's events carry —
  for services whose read model of it lags a caller's write ("refresh from the owner before
  refusing", CONTRIBUTING.md). Open to the services listed in SNAPSHOT_READERS.
"""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends

from libs.auth import Caller, KeyResolver, internal_service
from libs.events import onboarding as ev
from libs.service import UoW
from services.onboarding import schemas
from services.onboarding.errors import ApiKeyNotFound, CustomerNotFound, ResellerNotFound
from services.onboarding.usecases import customers, keys, resellers, ship_to

router = APIRouter(prefix="/internal", include_in_schema=False)

# the services that keep read models of resellers and customers (add billing, licensing, … here)
SNAPSHOT_READERS = ("ordering", "billing", "licensing", "notifications", "leasing")
SnapshotReader = Annotated[Caller, Depends(internal_service(*SNAPSHOT_READERS))]


@router.post("/api-keys/resolve")
async def resolve_api_key(body: schemas.KeyResolve, uow: UoW, _gateway: KeyResolver) -> Any:
    caller = await keys.resolve(uow.session, body.key_hash)
    if caller is None:
        raise ApiKeyNotFound()
    return caller.to_claims()


@router.get("/resellers/{reseller_id}", response_model=ev.ResellerSnapshot)
async def reseller_snapshot(reseller_id: uuid.UUID, uow: UoW, _service: SnapshotReader) -> Any:
    snapshot = await resellers.current_snapshot(uow.session, reseller_id)
    if snapshot is None:
        raise ResellerNotFound()
    return snapshot


@router.get("/resellers/{reseller_id}/ship-to", response_model=ev.ShipToCustomer)
async def ship_to_customer(
    reseller_id: uuid.UUID, email: str, uow: UoW, _service: SnapshotReader, domain: str | None = None
) -> Any:
    """Which customer an order with this ship-to would be linked to, changing nothing."""
    found = await ship_to.match_ship_to(uow.session, reseller_id, email, domain)
    return ev.ShipToCustomer(
        customer=customers.snapshot(found.customer) if found.customer is not None else None,
        new_kind=found.new_kind,
    )


@router.get("/customers/{customer_id}", response_model=ev.CustomerSnapshot)
async def customer_snapshot(customer_id: uuid.UUID, uow: UoW, _service: SnapshotReader) -> Any:
    snapshot = await customers.current_snapshot(uow.session, customer_id)
    if snapshot is None:
        raise CustomerNotFound()
    return snapshot
