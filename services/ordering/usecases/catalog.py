"""R-OR-1 / R-OR-2: products, SKUs, versioned price lists, and partner prices."""

from __future__ import annotations

import uuid
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from libs.auth import Caller
from libs.db import UnitOfWork
from libs.events import ordering as ev
from libs.internal_client import InternalClient
from libs.pagination import PageQuery, paginate
from services.ordering import schemas
from services.ordering.errors import ProductAlreadyExists, SkuAlreadyExists, SkuNotFound
from services.ordering.models import Product, ResellerView, Sku, SkuPrice
from services.ordering.usecases import readmodels


async def list_products(session: AsyncSession, page: PageQuery) -> tuple[list[Product], str | None]:
    return await paginate(session, sa.select(Product), Product, page)


async def create_product(session: AsyncSession, body: schemas.ProductCreate) -> Product:
    if await session.scalar(sa.select(Product.id).where(Product.code == body.code)):
        raise ProductAlreadyExists()
    product = Product(
        id=uuid.uuid4(),
        code=body.code,
        name=body.name,
        family=body.family or body.code,
        team_customers_allowed=body.team_customers_allowed,
    )
    session.add(product)
    await session.flush()
    await session.refresh(product)
    return product


async def create_sku(uow: UnitOfWork, body: schemas.SkuCreate) -> Sku:
    session = uow.session
    if await session.scalar(sa.select(Sku.id).where(Sku.sku == body.sku)):
        raise SkuAlreadyExists()
    if not await session.scalar(sa.select(Product.id).where(Product.code == body.product)):
        # A SKU may name a new product: it is created with the SKU (staff can rename it later).
        session.add(Product(id=uuid.uuid4(), code=body.product, name=body.product, family=body.product))
    sku = Sku(
        id=uuid.uuid4(),
        sku=body.sku,
        product_code=body.product,
        name=body.name,
        billing_plan=body.billing_plan,
        seat_based=body.seat_based,
    )
    session.add(sku)
    effective = body.effective_from or uow.clock.today()
    for price in body.prices:
        session.add(
            SkuPrice(sku_id=sku.id, currency=price.currency, amount=price.amount, effective_from=effective)
        )
    await session.flush()
    await uow.emit(
        ev.SkuCreated(
            sku=sku.sku,
            product=sku.product_code,
            name=sku.name,
            billing_plan=body.billing_plan,
            seat_based=sku.seat_based,
        ),
    )
    return await load_sku(session, sku.sku)


async def add_price(session: AsyncSession, code: str, body: schemas.PriceCreate) -> Sku:
    sku = await load_sku(session, code)
    await session.execute(
        sa.dialects.postgresql.insert(SkuPrice)
        .values(
            id=uuid.uuid4(),
            sku_id=sku.id,
            currency=body.amount.currency,
            amount=body.amount.amount,
            effective_from=body.effective_from,
        )
        .on_conflict_do_update(
            index_elements=["sku_id", "currency", "effective_from"], set_={"amount": body.amount.amount}
        )
    )
    session.expire_all()
    return await load_sku(session, code)


async def load_sku(session: AsyncSession, code: str) -> Sku:
    sku = await session.scalar(sa.select(Sku).where(Sku.sku == code).options(selectinload(Sku.prices)))
    if sku is None:
        raise SkuNotFound()
    return sku


async def list_skus(
    session: AsyncSession, page: PageQuery, product: str | None
) -> tuple[list[Sku], str | None]:
    stmt = sa.select(Sku).where(Sku.active.is_(True)).options(selectinload(Sku.prices))
    if product:
        stmt = stmt.where(Sku.product_code == product)
    return await paginate(session, stmt, Sku, page)


async def reseller_discount(uow: UnitOfWork, onboarding: InternalClient, caller: Caller) -> Decimal | None:
    session = uow.session
    if caller.kind != "reseller" or caller.reseller_id is None:
        return None
    view = await session.get(ResellerView, caller.reseller_id)
    # a reseller approved a moment ago is not in our read model yet: ask onboarding
    if view is None and await readmodels.RESELLERS.refresh(uow, onboarding, caller.reseller_id):
        view = await session.get(ResellerView, caller.reseller_id)
    return view.discount_percent if view is not None else None
