"""The WaaS price list (R-WA-1) and hardware outside it (R-WA-10)."""

from __future__ import annotations

import uuid
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from libs.auth import Caller
from libs.db import UnitOfWork
from libs.errors import Unprocessable
from libs.internal_client import InternalClient
from libs.pagination import PageQuery, paginate
from libs.repository import load_or_404
from libs.tenancy import visible
from services.leasing.config import LeasingConfig
from services.leasing.domain.contracts import HardwareRequestStatus
from services.leasing.errors import (
    BundleExists,
    BundleNotFound,
    HardwareRequestNotFound,
    ManufacturerNotPreselected,
    RequestAlreadyDecided,
    UnknownCustomer,
)
from services.leasing.models import Bundle, HardwareRequest
from services.leasing.schemas import BundleCreate, HardwareDecision, HardwareRequestCreate
from services.leasing.usecases import readmodels


def _option(o: Any) -> dict[str, Any]:
    return {
        "code": o.code,
        "name": o.name,
        "monthly_price": str(o.monthly_price.amount),
        "commission": str(o.commission.amount),
        "upgrade": o.upgrade,
        "office365_sku": o.office365_sku,
    }


async def create_bundle(
    session: AsyncSession, body: BundleCreate, config: LeasingConfig, request_id: uuid.UUID | None = None
) -> Bundle:
    if body.manufacturer not in config.manufacturer_list():
        raise ManufacturerNotPreselected(
            f"{body.manufacturer!r}; preselected: {', '.join(config.manufacturer_list())}"
        )
    currencies = {body.monthly_price.currency, body.commission.currency} | {
        c for o in body.options for c in (o.monthly_price.currency, o.commission.currency)
    }
    if len(currencies) != 1:
        raise Unprocessable("a bundle's prices, options and commissions share one currency")
    if len({o.code for o in body.options}) != len(body.options):
        raise Unprocessable("option codes must be unique within a bundle")
    if await session.get(Bundle, body.code) is not None:
        raise BundleExists(body.code)
    bundle = Bundle(
        code=body.code,
        name=body.name,
        manufacturer=body.manufacturer,
        hardware_model=body.hardware_model,
        currency=body.monthly_price.currency,
        monthly_price=body.monthly_price.amount,
        commission=body.commission.amount,
        warranty_years=body.warranty_years,
        max_warranty_extension_years=body.max_warranty_extension_years,
        office365_sku=body.office365_sku,
        office365_seats_per_unit=body.office365_seats_per_unit,
        options=[_option(o) for o in body.options],
        hardware_request_id=request_id,
    )
    session.add(bundle)
    await session.flush()
    await session.refresh(bundle)
    return bundle


async def list_bundles(session: AsyncSession) -> list[Bundle]:
    return list(await session.scalars(sa.select(Bundle).order_by(Bundle.code)))


async def get_bundle(session: AsyncSession, code: str) -> Bundle:
    return await load_or_404(session, sa.select(Bundle).where(Bundle.code == code), BundleNotFound)


async def request_hardware(
    uow: UnitOfWork, caller: Caller, body: HardwareRequestCreate, onboarding: InternalClient
) -> HardwareRequest:
    session = uow.session
    assert caller.reseller_id is not None
    if await readmodels.customer_of(uow, body.customer_id, caller.reseller_id, onboarding) is None:
        raise UnknownCustomer()
    request = HardwareRequest(
        id=uuid.uuid4(),
        reseller_id=caller.reseller_id,
        customer_id=body.customer_id,
        description=body.description,
        quantity=body.quantity,
        status="pending",
    )
    session.add(request)
    await session.flush()
    await session.refresh(request)
    return request


async def load_request(
    session: AsyncSession, caller: Caller, request_id: uuid.UUID, *, lock: bool = False
) -> HardwareRequest:
    stmt = visible(HardwareRequest, caller).where(HardwareRequest.id == request_id)
    return await load_or_404(session, stmt, HardwareRequestNotFound, lock=lock)


async def list_requests(
    session: AsyncSession, caller: Caller, page: PageQuery
) -> tuple[list[HardwareRequest], str | None]:
    return await paginate(session, visible(HardwareRequest, caller), HardwareRequest, page)


async def decide(
    uow: UnitOfWork, caller: Caller, request_id: uuid.UUID, body: HardwareDecision, config: LeasingConfig
) -> HardwareRequest:
    """R-WA-10: staff accept (the hardware joins the catalog as a bundle) or decline with a reason."""
    session = uow.session
    request = await load_request(session, caller, request_id, lock=True)
    if request.status != "pending":
        raise RequestAlreadyDecided(f"it was {request.status}")
    if body.decision == "accepted":
        if body.bundle is None:
            raise Unprocessable("accepting a request adds its bundle to the catalog: give `bundle`")
        await create_bundle(session, body.bundle, config, request.id)
        request.bundle_code = body.bundle.code
    elif not body.reason:
        raise Unprocessable("a declined request needs a reason")
    request.status = HardwareRequestStatus(body.decision)
    request.reason = body.reason
    request.decided_by = caller.identity
    request.decided_at = uow.clock.now()
    await session.flush()
    return request
