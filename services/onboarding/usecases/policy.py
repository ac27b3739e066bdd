"""R-ON-2: the versioned reseller policy, accepted by click-through (version, user, time)."""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from libs.auth import Caller
from libs.db import UnitOfWork
from libs.events import onboarding as ev
from libs.events.onboarding import ResellerStatus
from services.onboarding import schemas
from services.onboarding.errors import PolicyVersionNotCurrent
from services.onboarding.models import PolicyAcceptance, PolicyVersion
from services.onboarding.usecases.resellers import get_reseller, publish_change


async def current_policy(session: AsyncSession) -> PolicyVersion:
    policy = await session.scalar(sa.select(PolicyVersion).order_by(PolicyVersion.version.desc()).limit(1))
    assert policy is not None, "policy version 1 is created by the first migration"
    return policy


async def publish_policy(uow: UnitOfWork, text: str) -> PolicyVersion:
    """A new version: every reseller must accept it before its next order."""
    session = uow.session
    await session.execute(sa.text("LOCK TABLE onboarding.policy_versions IN EXCLUSIVE MODE"))
    latest = await current_policy(session)
    policy = PolicyVersion(version=latest.version + 1, text=text, published_at=uow.clock.now())
    session.add(policy)
    await session.flush()
    await uow.emit(ev.PolicyPublished(version=policy.version))
    return policy


async def accept_policy(
    uow: UnitOfWork,
    caller: Caller,
    reseller_id: uuid.UUID,
    body: schemas.PolicyAcceptanceCreate,
) -> schemas.PolicyAcceptance:
    session = uow.session
    reseller = await get_reseller(session, caller, reseller_id, lock=True)
    policy = await current_policy(session)
    if body.version != policy.version:
        raise PolicyVersionNotCurrent(f"the current reseller policy is version {policy.version}")
    accepted_by = body.accepted_by or caller.identity
    acceptance = PolicyAcceptance(
        id=uuid.uuid4(),
        reseller_id=reseller.id,
        version=policy.version,
        accepted_by=accepted_by,
        accepted_at=uow.clock.now(),
    )
    session.add(acceptance)
    reseller.policy_version_accepted = policy.version
    became_active = reseller.status == ResellerStatus.PENDING_POLICY
    if became_active:
        reseller.status = ResellerStatus.ACTIVE
    await publish_change(uow, reseller, ev.ResellerPolicyAccepted, policy_version=policy.version)
    if became_active:
        await publish_change(uow, reseller, ev.ResellerActivated)
    return schemas.PolicyAcceptance(
        reseller_id=reseller.id,
        version=policy.version,
        accepted_by=accepted_by,
        accepted_at=acceptance.accepted_at,
        status=reseller.status,
    )
