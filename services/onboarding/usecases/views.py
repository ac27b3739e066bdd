"""Every onboarding response that is more than one model: customers with their administrators,
resellers with their current exemption certificate. The one place where models become API shapes."""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from services.onboarding import schemas
from services.onboarding.models import Customer, CustomerUser, Reseller
from services.onboarding.usecases.resellers import current_certificate


async def views(session: AsyncSession, customers: list[Customer]) -> list[schemas.Customer]:
    """The API shape, with each customer's administrators (the reseller and admin users)."""
    admins: dict[uuid.UUID, list[CustomerUser]] = {c.id: [] for c in customers}
    if customers:
        rows = await session.scalars(
            sa.select(CustomerUser)
            .where(CustomerUser.customer_id.in_(admins), CustomerUser.admin.is_(True))
            .order_by(CustomerUser.created_at, CustomerUser.id)
        )
        for row in rows:
            admins[row.customer_id].append(row)
    return [
        schemas.Customer(
            id=c.id,
            reseller_id=c.reseller_id,
            kind=c.kind,
            name=c.name,
            domain=c.domain,
            primary_email=c.primary_email,
            education=c.education,
            edition=c.edition,
            crm_id=c.crm_id,
            language=c.language,
            time_zone=c.time_zone,
            contacts=schemas.Contacts.model_validate(c.contacts) if c.contacts else None,
            domain_verified_at=c.domain_verified_at,
            terms_accepted_at=c.terms_accepted_at,
            terms_accepted_by=c.terms_accepted_by,
            administrators=[schemas.CustomerUser.model_validate(a) for a in admins[c.id]],
            version=c.version,
            created_at=c.created_at,
            updated_at=c.updated_at,
        )
        for c in customers
    ]


async def view(session: AsyncSession, customer: Customer) -> schemas.Customer:
    return (await views(session, [customer]))[0]


async def reseller_view(session: AsyncSession, reseller: Reseller) -> schemas.Reseller:
    """A reseller as the API shows it, with its current exemption certificate."""
    certificate = await current_certificate(session, reseller.id)
    view = schemas.Reseller.model_validate(reseller)
    if certificate is not None:
        view.exemption_certificate = schemas.ExemptionCertificate.model_validate(certificate)
    return view
