"""Reading resellers within the caller's reach, and publishing their changes."""

from __future__ import annotations

import uuid
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from libs.auth import Caller, require_reseller_access
from libs.db import UnitOfWork
from libs.events import onboarding as ev
from libs.events.onboarding import ResellerStatus
from libs.repository import load_or_404
from services.onboarding.errors import ResellerNotFound, ResellerSuspended
from services.onboarding.models import ExemptionCertificate, Program, Reseller


async def get_reseller(
    session: AsyncSession, caller: Caller, reseller_id: uuid.UUID, *, lock: bool = False
) -> Reseller:
    try:
        require_reseller_access(caller, reseller_id)
    except Exception as exc:
        raise ResellerNotFound() from exc
    return await load_or_404(
        session, sa.select(Reseller).where(Reseller.id == reseller_id), ResellerNotFound, lock=lock
    )


async def require_not_suspended(session: AsyncSession, caller: Caller) -> None:
    if caller.kind != "reseller" or caller.reseller_id is None:
        return
    status = await session.scalar(sa.select(Reseller.status).where(Reseller.id == caller.reseller_id))
    if status == ResellerStatus.SUSPENDED:
        raise ResellerSuspended("a suspended reseller can read its own data but change nothing")


async def current_certificate(session: AsyncSession, reseller_id: uuid.UUID) -> ExemptionCertificate | None:
    return await session.scalar(
        sa.select(ExemptionCertificate).where(
            ExemptionCertificate.reseller_id == reseller_id, ExemptionCertificate.replaced_at.is_(None)
        )
    )


def snapshot(
    reseller: Reseller, certificate: ExemptionCertificate | None = None, program: Program | None = None
) -> ev.ResellerSnapshot:
    # the program's payment terms travel with the reseller: billing dates and dunns by them (R-BI-3/4)
    terms: dict[str, Any] = (
        {
            "payment_terms_days": program.payment_terms_days,
            "annual_interest_rate": program.annual_interest_rate,
        }
        if program is not None
        else {}
    )
    return ev.ResellerSnapshot(
        **terms,
        reseller_id=reseller.id,
        version=reseller.version,
        company_name=reseller.company_name,
        contact_email=reseller.contact_email,
        status=reseller.status,
        standing=reseller.standing,
        discount_percent=reseller.discount_percent,
        paid_orders=reseller.paid_orders,
        credit_limit=reseller.credit_limit,
        credit_currency=reseller.credit_currency,
        country=reseller.country,
        state=reseller.state,
        vat_id=reseller.vat_id,
        vat_id_valid=reseller.vat_id_valid,
        policy_version_accepted=reseller.policy_version_accepted,
        exemption_certificate=(
            ev.ExemptionCertificateData(
                state=certificate.state,
                number=certificate.number,
                valid_from=certificate.valid_from,
                valid_until=certificate.valid_until,
            )
            if certificate is not None
            else None
        ),
    )


async def current_snapshot(session: AsyncSession, reseller_id: uuid.UUID) -> ev.ResellerSnapshot | None:
    """What the latest reseller event carried, for a service whose read model lags (internal)."""
    reseller = await session.get(Reseller, reseller_id)
    if reseller is None:
        return None
    program = await session.get(Program, reseller.program_id)
    return snapshot(reseller, await current_certificate(session, reseller_id), program)


async def publish_change(
    uow: UnitOfWork, reseller: Reseller, event_type: type[ev.ResellerEvent], **extra: object
) -> None:
    """Bump the reseller's version and write the event carrying its new snapshot."""
    session = uow.session
    reseller.version += 1
    await session.flush()
    certificate = await current_certificate(session, reseller.id)
    program = await session.get(Program, reseller.program_id)
    event = event_type(reseller_id=reseller.id, reseller=snapshot(reseller, certificate, program), **extra)
    await uow.emit(event, reseller_id=reseller.id)
