"""/v1/subscriptions — seat subscriptions of a reseller's customers (R-OR-6, R-OR-7, R-OR-10)."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request

from libs.auth import CurrentCaller, CurrentReseller, StaffOrReseller
from libs.errors import problem_responses
from libs.money import MoneyOut
from libs.pagination import Page, PageParams
from libs.service import UoW, idempotent
from services.ordering import errors, schemas
from services.ordering.api.deps import Onboarding
from services.ordering.config import ordering_config
from services.ordering.usecases import subscriptions
from services.ordering.usecases.views import render_subscription

router = APIRouter(prefix="/v1/subscriptions", tags=["subscriptions"])
SubscriptionView = schemas.Subscription | schemas.SubscriptionForCustomer


def _vendor_country(request: Request) -> str:
    return request.app.state.settings.vendor_country


@router.post(
    "",
    status_code=201,
    response_model=schemas.Subscription,
    name="subscriptions-create",
    responses=problem_responses(
        errors.ResellerCannotOrder,
        errors.PolicyNotAccepted,
        errors.UnknownCustomer,
        errors.CustomerEditionNotEligible,
        errors.UnknownSku,
        errors.SkuNotSeatBased,
        errors.TermDoesNotMatchPlan,
        errors.PriceNotAvailable,
        errors.ProductNotForTeamCustomers,
    ),
)
@idempotent
async def create_subscription(
    body: schemas.SubscriptionCreate,
    request: Request,
    uow: UoW,
    caller: CurrentReseller,
    onboarding: Onboarding,
) -> Any:
    """Create a seat subscription for one of the caller's customers; `trial: true` starts a free trial."""

    sub = await subscriptions.create_subscription(
        uow,
        onboarding,
        caller,
        _vendor_country(request),
        ordering_config().trial_days,
        body,
    )
    return render_subscription(sub, caller)


@router.get("", response_model=Page[SubscriptionView], name="subscriptions-list")
async def list_subscriptions(
    uow: UoW,
    caller: CurrentCaller,
    page: PageParams,
    onboarding: Onboarding,
    customer_id: uuid.UUID | None = Query(None),
    status: Literal["active", "trial", "expired", "cancelled", "pending_payment"] | None = Query(None),
) -> Any:
    rows, cursor = await subscriptions.list_subscriptions(
        uow, onboarding, caller, page, customer_id=customer_id, status=status
    )
    return Page(data=[render_subscription(s, caller) for s in rows], next_cursor=cursor)


@router.get(
    "/{subscription_id}",
    response_model=SubscriptionView,
    name="subscriptions-get",
    responses=problem_responses(errors.SubscriptionNotFound),
)
async def get_subscription(
    subscription_id: uuid.UUID, uow: UoW, caller: CurrentCaller, onboarding: Onboarding
) -> Any:
    sub = await subscriptions.find_subscription(uow, onboarding, caller, subscription_id)
    return render_subscription(sub, caller)


@router.get(
    "/{subscription_id}/seat-quote",
    response_model=schemas.SeatQuote,
    name="subscriptions-seat-quote",
    responses=problem_responses(
        errors.SubscriptionNotFound, errors.SeatDateOutsidePeriod, errors.SubscriptionStateConflict
    ),
)
async def seat_quote(
    subscription_id: uuid.UUID,
    uow: UoW,
    caller: StaffOrReseller,
    onboarding: Onboarding,
    add: Annotated[int, Query(ge=1, le=100_000, description="seats to add")],
    as_of: Annotated[date | None, Query(description="purchase date; defaults to today")] = None,
) -> Any:
    """R-OR-7: what `add` extra seats cost for the rest of the period (months rounded up)."""
    q = await subscriptions.seat_quote(uow, onboarding, caller, subscription_id, add, as_of)
    return schemas.SeatQuote(
        seats=q.seats,
        as_of=q.as_of,
        months_charged=q.months_charged,
        unit_price=MoneyOut.of(q.unit_price_per_month, q.currency),
        term_price=MoneyOut.of(q.term_price, q.currency),
        price_per_seat=MoneyOut.of(q.price_per_seat, q.currency),
        total=MoneyOut.of(q.total, q.currency),
    )


@router.post(
    "/{subscription_id}/seats",
    response_model=schemas.Subscription,
    name="subscriptions-seats-add",
    responses=problem_responses(
        errors.SubscriptionNotFound,
        errors.SeatDateOutsidePeriod,
        errors.SeatDateNotAllowed,
        errors.SubscriptionStateConflict,
        errors.ResellerCannotOrder,
        errors.PolicyNotAccepted,
    ),
)
@idempotent
async def add_seats(
    subscription_id: uuid.UUID,
    body: schemas.SeatsAdd,
    request: Request,
    uow: UoW,
    caller: StaffOrReseller,
    onboarding: Onboarding,
) -> Any:
    """Add seats now; only the remaining months of the period are charged (plus terms already
    renewed). A reseller's purchase is dated today; staff may give another `as_of` as a correction,
    recorded on the purchase.
    Send an `Idempotency-Key`: a retried purchase then adds the seats once."""

    sub = await subscriptions.add_seats(
        uow, onboarding, caller, _vendor_country(request), subscription_id, body
    )
    return render_subscription(sub, caller)


@router.post(
    "/{subscription_id}/renew",
    response_model=schemas.Subscription,
    name="subscriptions-renew",
    responses=problem_responses(errors.SubscriptionNotFound, errors.SubscriptionStateConflict),
)
@idempotent
async def renew(
    subscription_id: uuid.UUID,
    request: Request,
    uow: UoW,
    caller: CurrentReseller,
    onboarding: Onboarding,
) -> Any:
    """R-OR-6: start the next period (from the end of the current one), charged for the current seats.
    Honours `Idempotency-Key`."""

    sub = await subscriptions.renew(uow, onboarding, caller, _vendor_country(request), subscription_id)
    return render_subscription(sub, caller)


@router.post(
    "/{subscription_id}/convert",
    response_model=schemas.Subscription,
    name="subscriptions-convert",
    responses=problem_responses(errors.SubscriptionNotFound, errors.SubscriptionStateConflict),
)
@idempotent
async def convert(
    subscription_id: uuid.UUID,
    request: Request,
    uow: UoW,
    caller: CurrentReseller,
    onboarding: Onboarding,
) -> Any:
    """R-OR-10: turn a free trial into a paid subscription; the first paid term starts today.
    Honours `Idempotency-Key`."""

    sub = await subscriptions.convert(uow, onboarding, caller, _vendor_country(request), subscription_id)
    return render_subscription(sub, caller)
