"""A customer's users and administrators (R-CU-8) and its API keys."""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from libs.auth import Caller
from libs.db import UnitOfWork
from services.onboarding import schemas
from services.onboarding.domain.statuses import ApiKeyKind, ApiKeyRole, CustomerUserKind
from services.onboarding.errors import (
    AdminConfirmationRequired,
    CustomerUserExists,
)
from services.onboarding.models import ApiKey, CustomerUser
from services.onboarding.usecases import keys
from services.onboarding.usecases.customers import (
    ADMIN_DISCOUNT_WARNING,
    get_customer,
    require_manager,
)
from services.onboarding.usecases.keys import issue_key

# --- users and administrators (R-CU-8) -----------------------------------------------------------


async def add_user(
    uow: UnitOfWork, caller: Caller, customer_id: uuid.UUID, body: schemas.CustomerUserCreate
) -> schemas.CustomerUserCreated:
    session = uow.session
    customer = await get_customer(session, caller, customer_id, lock=True)
    if body.admin and not body.confirm:
        raise AdminConfirmationRequired(ADMIN_DISCOUNT_WARNING.format(email=body.email))
    exists = await session.scalar(
        sa.select(CustomerUser.id).where(
            CustomerUser.customer_id == customer.id, sa.func.lower(CustomerUser.email) == body.email.lower()
        )
    )
    if exists is not None:
        raise CustomerUserExists(f"{body.email} is a user of this customer already")
    user = CustomerUser(
        id=uuid.uuid4(),
        customer_id=customer.id,
        kind=CustomerUserKind.USER,
        reseller_id=None,
        email=body.email,
        admin=body.admin,
        occupies_seat=True,
        reseller_discount_applies=not body.admin,
        created_by=caller.identity,
        created_at=uow.clock.now(),
    )
    session.add(user)
    await session.flush()
    created = schemas.CustomerUserCreated.model_validate(user, from_attributes=True)
    if body.admin:
        created.warning = ADMIN_DISCOUNT_WARNING.split(" Send")[0].format(email=body.email)
    return created


async def list_users(session: AsyncSession, caller: Caller, customer_id: uuid.UUID) -> list[CustomerUser]:
    customer = await get_customer(session, caller, customer_id)
    rows = await session.scalars(
        sa.select(CustomerUser)
        .where(CustomerUser.customer_id == customer.id)
        .order_by(CustomerUser.created_at, CustomerUser.id)
    )
    return list(rows)


# --- API keys -------------------------------------------------------------------------------------


async def issue_customer_key(
    session: AsyncSession, caller: Caller, customer_id: uuid.UUID, body: schemas.CustomerApiKeyCreate
) -> schemas.ApiKeyCreated:
    customer = await get_customer(session, caller, customer_id)
    require_manager(caller, "issue API keys for the customer")
    key, row = await issue_key(
        session,
        kind=ApiKeyKind.CUSTOMER,
        role=ApiKeyRole.CUSTOMER_ADMIN,
        name=body.name,
        reseller_id=customer.reseller_id,
        customer_id=customer.id,
    )
    return schemas.ApiKeyCreated(id=row.id, key=key, name=row.name, role=row.role, prefix=row.prefix)


async def list_customer_keys(session: AsyncSession, caller: Caller, customer_id: uuid.UUID) -> list[ApiKey]:
    customer = await get_customer(session, caller, customer_id)
    require_manager(caller, "list the customer's API keys")
    return await keys.list_customer_keys(session, customer.id)


async def revoke_customer_key(
    uow: UnitOfWork, caller: Caller, customer_id: uuid.UUID, key_id: uuid.UUID
) -> ApiKey:
    session = uow.session
    customer = await get_customer(session, caller, customer_id)
    require_manager(caller, "revoke the customer's API keys")
    return await keys.revoke_customer_key(uow, customer.id, key_id)
