"""API keys of resellers and customers: issued shown-once, stored hashed, revocable."""

from __future__ import annotations

import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from libs.apikeys import display_prefix, hash_api_key, new_api_key
from libs.auth import Caller, CallerKind
from libs.db import UnitOfWork
from libs.events.onboarding import ResellerStatus
from services.onboarding.domain.statuses import ApiKeyKind, ApiKeyRole
from services.onboarding.errors import ApiKeyNotFound
from services.onboarding.models import ApiKey, Reseller


async def issue_key(
    session: AsyncSession,
    *,
    kind: ApiKeyKind,
    role: ApiKeyRole,
    name: str,
    reseller_id: uuid.UUID | None = None,
    customer_id: uuid.UUID | None = None,
) -> tuple[str, ApiKey]:
    key = new_api_key(kind)
    row = ApiKey(
        id=uuid.uuid4(),
        key_hash=hash_api_key(key),
        prefix=display_prefix(key),
        name=name,
        kind=kind,
        role=role,
        reseller_id=reseller_id,
        customer_id=customer_id,
    )
    session.add(row)
    await session.flush()
    await session.refresh(row)
    return key, row


async def list_reseller_keys(session: AsyncSession, reseller_id: uuid.UUID) -> list[ApiKey]:
    rows = await session.scalars(
        sa.select(ApiKey)
        .where(ApiKey.reseller_id == reseller_id, ApiKey.kind == ApiKeyKind.RESELLER)
        .order_by(ApiKey.created_at)
    )
    return list(rows)


async def revoke_reseller_key(uow: UnitOfWork, reseller_id: uuid.UUID, key_id: uuid.UUID) -> ApiKey:
    row = await uow.session.scalar(
        sa.select(ApiKey).where(
            ApiKey.id == key_id, ApiKey.reseller_id == reseller_id, ApiKey.kind == ApiKeyKind.RESELLER
        )
    )
    if row is None:
        raise ApiKeyNotFound()
    if row.revoked_at is None:
        row.revoked_at = uow.clock.now()
    return row


async def list_staff_keys(session: AsyncSession) -> list[ApiKey]:
    rows = await session.scalars(
        sa.select(ApiKey).where(ApiKey.kind == ApiKeyKind.STAFF).order_by(ApiKey.created_at, ApiKey.id)
    )
    return list(rows)


async def revoke_staff_key(uow: UnitOfWork, key_id: uuid.UUID) -> ApiKey:
    row = await uow.session.scalar(
        sa.select(ApiKey).where(ApiKey.id == key_id, ApiKey.kind == ApiKeyKind.STAFF)
    )
    if row is None:
        raise ApiKeyNotFound()
    if row.revoked_at is None:
        row.revoked_at = uow.clock.now()
    return row


async def list_customer_keys(session: AsyncSession, customer_id: uuid.UUID) -> list[ApiKey]:
    rows = await session.scalars(
        sa.select(ApiKey)
        .where(ApiKey.customer_id == customer_id, ApiKey.kind == ApiKeyKind.CUSTOMER)
        .order_by(ApiKey.created_at, ApiKey.id)
    )
    return list(rows)


async def revoke_customer_key(uow: UnitOfWork, customer_id: uuid.UUID, key_id: uuid.UUID) -> ApiKey:
    row = await uow.session.scalar(
        sa.select(ApiKey).where(
            ApiKey.id == key_id, ApiKey.customer_id == customer_id, ApiKey.kind == ApiKeyKind.CUSTOMER
        )
    )
    if row is None:
        raise ApiKeyNotFound()
    if row.revoked_at is None:
        row.revoked_at = uow.clock.now()
    return row


async def revoke_customer_keys(session: AsyncSession, customer_id: uuid.UUID, at: datetime) -> int:
    """Every live key of the customer (a transfer: keys minted under the old reseller must die)."""
    result = await session.execute(
        sa.update(ApiKey)
        .where(
            ApiKey.customer_id == customer_id, ApiKey.kind == ApiKeyKind.CUSTOMER, ApiKey.revoked_at.is_(None)
        )
        .values(revoked_at=at)
        .returning(ApiKey.id)
    )
    return len(result.all())


async def key_is_live(session: AsyncSession, key_id: str | None) -> bool:
    """Whether a caller's key is still valid right now, bypassing the gateway's short cache."""
    try:
        ident = uuid.UUID(key_id or "")
    except ValueError:
        return False
    return bool(
        await session.scalar(
            sa.select(sa.literal(True)).where(ApiKey.id == ident, ApiKey.revoked_at.is_(None))
        )
    )


async def resolve(session: AsyncSession, key_hash: str) -> Caller | None:
    """The identity behind a key hash, for the gateway. Revoked keys resolve to nothing."""
    found = (
        await session.execute(
            sa.select(ApiKey, Reseller.status)
            .outerjoin(Reseller, Reseller.id == ApiKey.reseller_id)
            .where(ApiKey.key_hash == key_hash, ApiKey.revoked_at.is_(None))
        )
    ).first()
    if found is None:
        return None
    row, reseller_status = found
    kinds: dict[ApiKeyKind, CallerKind] = {
        ApiKeyKind.RESELLER: "reseller",
        ApiKeyKind.STAFF: "staff",
        ApiKeyKind.CUSTOMER: "customer",
    }
    return Caller(
        kind=kinds[row.kind],
        roles=(row.role.value,),
        reseller_id=row.reseller_id,
        customer_id=row.customer_id,
        key_id=str(row.id),
        suspended=row.kind == ApiKeyKind.RESELLER and reseller_status == ResellerStatus.SUSPENDED,
    )
