"""/v1/products and /v1/skus — the catalog, with partner prices for resellers (R-OR-1, R-OR-2)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query

from libs.auth import CurrentCaller, Staff
from libs.errors import problem_responses
from libs.pagination import Page, PageParams
from libs.service import CurrentClock, UoW, idempotent
from services.ordering import schemas
from services.ordering.api.deps import Onboarding
from services.ordering.errors import ProductAlreadyExists, SkuAlreadyExists, SkuNotFound
from services.ordering.usecases import catalog
from services.ordering.usecases.views import render_sku

router = APIRouter(tags=["catalog"])
SkuView = schemas.Sku | schemas.SkuForCustomer


@router.get("/v1/products", response_model=Page[schemas.Product], name="products-list")
async def list_products(uow: UoW, _caller: CurrentCaller, page: PageParams) -> Any:
    rows, cursor = await catalog.list_products(uow.session, page)
    return Page(data=[schemas.Product.model_validate(r) for r in rows], next_cursor=cursor)


@router.post(
    "/v1/products",
    status_code=201,
    response_model=schemas.Product,
    name="products-create",
    responses=problem_responses(ProductAlreadyExists),
)
@idempotent
async def create_product(body: schemas.ProductCreate, uow: UoW, _staff: Staff) -> Any:
    return schemas.Product.model_validate(await catalog.create_product(uow.session, body))


@router.get("/v1/skus", response_model=Page[SkuView], name="skus-list")
async def list_skus(
    uow: UoW,
    caller: CurrentCaller,
    clock: CurrentClock,
    page: PageParams,
    onboarding: Onboarding,
    product: str | None = Query(None, max_length=64),
) -> Any:
    rows, cursor = await catalog.list_skus(uow.session, page, product)
    discount = await catalog.reseller_discount(uow, onboarding, caller)
    return Page(data=[render_sku(s, caller, discount, clock.today()) for s in rows], next_cursor=cursor)


@router.get(
    "/v1/skus/{sku}", response_model=SkuView, name="skus-get", responses=problem_responses(SkuNotFound)
)
async def get_sku(
    sku: str, uow: UoW, caller: CurrentCaller, clock: CurrentClock, onboarding: Onboarding
) -> Any:
    row = await catalog.load_sku(uow.session, sku)
    return render_sku(row, caller, await catalog.reseller_discount(uow, onboarding, caller), clock.today())


@router.post(
    "/v1/skus",
    status_code=201,
    response_model=schemas.Sku,
    name="skus-create",
    responses=problem_responses(SkuAlreadyExists),
)
@idempotent
async def create_sku(body: schemas.SkuCreate, uow: UoW, staff: Staff) -> Any:
    sku = await catalog.create_sku(uow, body)
    return render_sku(sku, staff, None, uow.clock.today())


@router.post(
    "/v1/skus/{sku}/prices",
    status_code=201,
    response_model=schemas.Sku,
    name="skus-prices-create",
    responses=problem_responses(SkuNotFound),
)
async def add_price(sku: str, body: schemas.PriceCreate, uow: UoW, staff: Staff, clock: CurrentClock) -> Any:
    """Add a price-list entry effective from a date; orders keep the price they were placed with."""
    row = await catalog.add_price(uow.session, sku, body)
    result = render_sku(row, staff, None, clock.today())
    return result
