"""/v1/waas/bundles and /v1/waas/hardware-requests — the WaaS price list (R-WA-1) and hardware
outside it (R-WA-10)."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Path

from libs.auth import CurrentCaller, CurrentReseller, Staff, StaffOrReseller
from libs.errors import Unprocessable, problem_responses
from libs.pagination import Page, PageParams
from libs.service import UoW, idempotent
from services.leasing import errors, schemas
from services.leasing.api.deps import Config, Onboarding
from services.leasing.usecases import catalog
from services.leasing.usecases.views import render_bundle, render_request

router = APIRouter(prefix="/v1/waas", tags=["leasing"])
BundleCode = Annotated[str, Path(min_length=1, max_length=64)]


@router.post(
    "/bundles",
    status_code=201,
    response_model=schemas.Bundle,
    name="waas-bundles-create",
    responses=problem_responses(errors.BundleExists, errors.ManufacturerNotPreselected, Unprocessable),
)
@idempotent
async def create_bundle(body: schemas.BundleCreate, uow: UoW, staff: Staff, config: Config) -> Any:
    """Staff add a bundle to the price list: hardware of a preselected manufacturer, Office 365,
    options and upgrades, each with a monthly price and a partner commission."""

    return render_bundle(await catalog.create_bundle(uow.session, body, config), staff)


@router.get("/bundles", response_model=list[schemas.Bundle], name="waas-bundles-list")
async def list_bundles(uow: UoW, caller: CurrentCaller) -> Any:
    return [render_bundle(b, caller) for b in await catalog.list_bundles(uow.session)]


@router.get(
    "/bundles/{code}",
    response_model=schemas.Bundle,
    name="waas-bundles-get",
    responses=problem_responses(errors.BundleNotFound),
)
async def get_bundle(code: BundleCode, uow: UoW, caller: CurrentCaller) -> Any:
    return render_bundle(await catalog.get_bundle(uow.session, code), caller)


@router.post(
    "/hardware-requests",
    status_code=201,
    response_model=schemas.HardwareRequest,
    name="waas-hardware-requests-create",
    responses=problem_responses(errors.UnknownCustomer),
)
@idempotent
async def request_hardware(
    body: schemas.HardwareRequestCreate,
    uow: UoW,
    caller: CurrentReseller,
    onboarding: Onboarding,
) -> Any:
    """R-WA-10: hardware outside the standard offer, asked for case by case."""

    return render_request(await catalog.request_hardware(uow, caller, body, onboarding))


@router.get(
    "/hardware-requests", response_model=Page[schemas.HardwareRequest], name="waas-hardware-requests-list"
)
async def list_requests(uow: UoW, caller: StaffOrReseller, page: PageParams) -> Any:
    rows, cursor = await catalog.list_requests(uow.session, caller, page)
    return Page(data=[render_request(r) for r in rows], next_cursor=cursor)


@router.get(
    "/hardware-requests/{request_id}",
    response_model=schemas.HardwareRequest,
    name="waas-hardware-requests-get",
    responses=problem_responses(errors.HardwareRequestNotFound),
)
async def get_request(request_id: uuid.UUID, uow: UoW, caller: StaffOrReseller) -> Any:
    return render_request(await catalog.load_request(uow.session, caller, request_id))


@router.post(
    "/hardware-requests/{request_id}/decision",
    response_model=schemas.HardwareRequest,
    name="waas-hardware-requests-decide",
    responses=problem_responses(
        errors.HardwareRequestNotFound,
        errors.RequestAlreadyDecided,
        errors.BundleExists,
        errors.ManufacturerNotPreselected,
        Unprocessable,
    ),
)
async def decide(
    request_id: uuid.UUID,
    body: schemas.HardwareDecision,
    uow: UoW,
    staff: Staff,
    config: Config,
) -> Any:
    """Staff accept (the given bundle joins the catalog) or decline with a reason."""
    request = await catalog.decide(uow, staff, request_id, body, config)
    return render_request(request)
