"""/v1/orders — placed by resellers, seen by resellers, staff and (without prices) customers."""

from __future__ import annotations

import uuid
from typing import Any, Literal

from fastapi import APIRouter, Query, Request

from libs.auth import CurrentCaller, CurrentReseller, StaffOrReseller
from libs.errors import problem_responses
from libs.pagination import Page, PageParams
from libs.service import UoW, idempotent
from services.ordering import errors, schemas
from services.ordering.api.deps import Onboarding
from services.ordering.usecases import orders
from services.ordering.usecases.views import render_order

router = APIRouter(prefix="/v1/orders", tags=["orders"])
OrderView = schemas.Order | schemas.OrderForCustomer


@router.get("/eligibility", response_model=schemas.OrderEligibility, name="orders-eligibility")
async def order_eligibility(uow: UoW, caller: CurrentReseller, onboarding: Onboarding) -> Any:
    """Can the calling reseller order right now, and if not, why (status, policy version)?"""
    try:
        assert caller.reseller_id is not None  # CurrentReseller
        reseller = await orders.orderable_reseller(uow, onboarding, caller.reseller_id)
    except (errors.ResellerCannotOrder, errors.PolicyNotAccepted) as refusal:
        return schemas.OrderEligibility(eligible=False, reason=refusal.code, detail=refusal.detail)
    return schemas.OrderEligibility(
        eligible=True, standing=reseller.standing, discount_percent=str(reseller.discount_percent)
    )


@router.post(
    "",
    status_code=201,
    response_model=schemas.Order,
    name="orders-create",
    responses=problem_responses(
        errors.PaymentMethodNotAllowed,
        errors.ResellerCannotOrder,
        errors.PolicyNotAccepted,
        errors.UnknownSku,
        errors.PriceNotAvailable,
        errors.UnknownCustomer,
        errors.CustomerEditionNotEligible,
        errors.ProductNotForTeamCustomers,
        errors.TaxNotDeterminable,
    ),
)
@idempotent
async def create_order(
    body: schemas.OrderCreate,
    request: Request,
    uow: UoW,
    caller: CurrentReseller,
    onboarding: Onboarding,
) -> Any:
    """Place an order: the reseller is bill-to, the customer ship-to. Bank transfer only (R-OR-4)."""
    vendor_country = request.app.state.settings.vendor_country
    order = await orders.place_order(uow, onboarding, caller, vendor_country, body)
    return render_order(order, caller)


@router.get("", response_model=Page[OrderView], name="orders-list")
async def list_orders(
    uow: UoW,
    caller: CurrentCaller,
    page: PageParams,
    status: Literal["placed", "released", "fulfilled", "cancelled", "handed_over"] | None = Query(None),
) -> Any:
    rows, cursor = await orders.list_orders(uow.session, caller, page, status)
    return Page(data=[render_order(o, caller) for o in rows], next_cursor=cursor)


@router.get(
    "/{order_id}",
    response_model=OrderView,
    name="orders-get",
    responses=problem_responses(errors.OrderNotFound),
)
async def get_order(order_id: uuid.UUID, uow: UoW, caller: CurrentCaller) -> Any:
    return render_order(await orders.load_order(uow.session, caller, order_id), caller)


@router.post(
    "/{order_id}/handover",
    response_model=OrderView,
    name="orders-handover",
    responses=problem_responses(errors.OrderNotFound, errors.OrderStateConflict),
)
@idempotent
async def hand_over(order_id: uuid.UUID, body: schemas.Handover, uow: UoW, caller: StaffOrReseller) -> Any:
    """R-OR-9: hand the opportunity to the vendor's sales team; the deal leaves the reseller.
    Honours `Idempotency-Key`."""
    order = await orders.hand_over(uow, caller, order_id, body.note)
    await uow.session.flush()
    return render_order(await orders.load_order(uow.session, caller, order.id), caller)


@router.post(
    "/{order_id}/cancel",
    response_model=schemas.Order,
    name="orders-cancel",
    responses=problem_responses(errors.OrderNotFound, errors.OrderStateConflict),
)
@idempotent
async def cancel_order(
    order_id: uuid.UUID, body: schemas.OrderCancel, uow: UoW, caller: StaffOrReseller
) -> Any:
    """Cancel an unpaid (placed) order — its reseller or staff. A released, fulfilled or handed-over
    order cannot be cancelled (409 order-state-conflict). Honours `Idempotency-Key`."""
    order = await orders.cancel(uow, caller, order_id, body.reason)
    await uow.session.flush()
    return render_order(await orders.load_order(uow.session, caller, order.id), caller)
