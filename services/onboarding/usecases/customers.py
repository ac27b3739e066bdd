"""End customers of resellers (R-CU-1..9): read within the caller's reach, create, change,
verify a domain, accept the terms; their events. Users and keys live in `customer_users`,
transfers in `transfers`, customers from an order's ship-to in `ship_to`."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from libs.auth import Caller, Forbidden
from libs.db import UnitOfWork
from libs.errors import Unauthorized
from libs.events import onboarding as ev
from libs.events.onboarding import CustomerKind
from libs.pagination import PageQuery, paginate
from libs.repository import load_or_404
from libs.tenancy import visible
from services.onboarding import schemas
from services.onboarding.domain import validation as v
from services.onboarding.domain.statuses import CustomerUserKind
from services.onboarding.errors import (
    CustomerAlreadyDomainCustomer,
    CustomerDomainTaken,
    CustomerNotFound,
    EditionStaffOnly,
    InvalidField,
)
from services.onboarding.models import Customer, CustomerUser
from services.onboarding.usecases.keys import key_is_live

ADMIN_DISCOUNT_WARNING = (
    "An administrator can buy directly; the reseller discount will not apply to purchases made "
    "by {email}. Send confirm=true to make this user an administrator anyway."
)


def invalid(field: str, message: str) -> InvalidField:
    return InvalidField(f"{field}: {message}", errors=[{"loc": ["body", field], "msg": message}])


# --- reading within the caller's reach ----------------------------------------------------------


async def get_customer(
    session: AsyncSession, caller: Caller, customer_id: uuid.UUID, *, lock: bool = False
) -> Customer:
    if caller.kind == "customer" and not await key_is_live(session, caller.key_id):
        # the gateway caches a resolved key briefly; a key revoked by a transfer must not issue a
        # transfer token (pull the customer back) or change the customer in that window
        raise Unauthorized("the API key was revoked")
    stmt = visible(Customer, caller).where(Customer.id == customer_id)
    return await load_or_404(session, stmt, CustomerNotFound, lock=lock)


def require_manager(caller: Caller, what: str) -> None:
    """Changes reserved to the owning reseller and staff (the customer is in reach already)."""
    if caller.kind not in ("staff", "reseller"):
        raise Forbidden(f"only the customer's reseller or vendor staff can {what}")


async def list_customers(
    session: AsyncSession,
    caller: Caller,
    page: PageQuery,
    *,
    kind: CustomerKind | None = None,
    domain: str | None = None,
    primary_email: str | None = None,
) -> tuple[list[Customer], str | None]:
    stmt = visible(Customer, caller)
    if kind:
        stmt = stmt.where(Customer.kind == kind)
    if domain:
        stmt = stmt.where(Customer.domain == domain.strip().lower())
    if primary_email:
        stmt = stmt.where(sa.func.lower(Customer.primary_email) == primary_email.strip().lower())
    return await paginate(session, stmt, Customer, page)


# --- events (R-CU-7) ------------------------------------------------------------------------------


def snapshot(customer: Customer) -> ev.CustomerSnapshot:
    return ev.CustomerSnapshot(
        customer_id=customer.id,
        reseller_id=customer.reseller_id,
        version=customer.version,
        kind=customer.kind,
        name=customer.name,
        domain=customer.domain,
        primary_email=customer.primary_email,
        education=customer.education,
        terms_accepted=customer.terms_accepted_at is not None,
        edition=customer.edition,
    )


async def current_snapshot(session: AsyncSession, customer_id: uuid.UUID) -> ev.CustomerSnapshot | None:
    """What the latest customer event carried, for a service whose read model lags (internal)."""
    customer = await session.get(Customer, customer_id)
    return snapshot(customer) if customer is not None else None


async def publish_change(
    uow: UnitOfWork, customer: Customer, event_type: type[ev.CustomerEvent], **extra: Any
) -> None:
    """Bump the customer's version and write the event carrying its new snapshot."""
    session = uow.session
    customer.version += 1
    await session.flush()
    event = event_type(customer_id=customer.id, customer=snapshot(customer), **extra)
    await uow.emit(event, reseller_id=customer.reseller_id)


# --- creating and changing (R-CU-1..4) -----------------------------------------------------------


async def _require_domain_free(
    session: AsyncSession, domain: str, *, except_id: uuid.UUID | None = None
) -> None:
    stmt = sa.select(Customer.id).where(Customer.domain == domain)
    if except_id is not None:
        stmt = stmt.where(Customer.id != except_id)
    if await session.scalar(stmt) is not None:
        # global: one domain is one customer, whichever reseller it belongs to (import it instead)
        raise CustomerDomainTaken(
            f"{domain} is already a customer; to move it to you, import it with a transfer token"
        )


async def _flush_claiming_domain(session: AsyncSession, domain: str | None) -> None:
    """Flush; a concurrent request that took the same domain first loses on the unique index."""
    try:
        await session.flush()
    except IntegrityError as exc:
        if "uq_customers_domain" not in str(exc.orig):
            raise
        raise CustomerDomainTaken(f"{domain} is already a customer") from None


def _check_contacts(contacts: dict[str, Any] | None, domain: str | None, primary_email: str | None) -> None:
    alternate = (contacts or {}).get("alternate_email")
    if not alternate:
        return
    try:
        if domain:
            v.check_alternate_email_outside_domain(alternate, domain, field="contacts.alternate_email")
    except v.ValidationFailed as exc:
        raise invalid(exc.field, exc.message) from None
    if primary_email and alternate.lower() == primary_email.lower():
        raise invalid("contacts.alternate_email", "the alternate e-mail must differ from the primary e-mail")


def add_reseller_admin(session: AsyncSession, customer: Customer, now: datetime, by: str) -> None:
    """R-CU-8: the reseller administers every customer it has, without taking a seat."""
    session.add(
        CustomerUser(
            id=uuid.uuid4(),
            customer_id=customer.id,
            kind=CustomerUserKind.RESELLER,
            reseller_id=customer.reseller_id,
            email=None,
            admin=True,
            occupies_seat=False,
            reseller_discount_applies=True,
            created_by=by,
            created_at=now,
        )
    )


async def create_customer(uow: UnitOfWork, caller: Caller, body: schemas.CustomerCreate) -> Customer:
    session = uow.session
    assert caller.reseller_id is not None
    contacts = schemas.contacts_json(body.contacts)
    _check_contacts(contacts, body.domain, body.primary_email)
    if body.domain:
        await _require_domain_free(session, body.domain)
    now = uow.clock.now()
    customer = Customer(
        id=uuid.uuid4(),
        reseller_id=caller.reseller_id,
        kind=body.kind,
        name=body.name,
        domain=body.domain,
        primary_email=body.primary_email,
        education=body.education,
        edition=body.edition,
        crm_id=body.crm_id,
        language=body.language,
        time_zone=body.time_zone,
        contacts=contacts,
        version=0,
        created_at=now,
        updated_at=now,
    )
    session.add(customer)
    await _flush_claiming_domain(session, customer.domain)
    add_reseller_admin(session, customer, now, caller.identity)
    await publish_change(uow, customer, ev.CustomerCreated)
    return customer


async def patch_customer(
    uow: UnitOfWork, caller: Caller, customer_id: uuid.UUID, body: schemas.CustomerPatch
) -> Customer:
    session = uow.session
    customer = await get_customer(session, caller, customer_id, lock=True)
    require_manager(caller, "change the customer's data")
    given = body.model_fields_set
    if "edition" in given and body.edition != customer.edition and not caller.is_staff:
        raise EditionStaffOnly()  # R-CU-1, R-PL-5: a reseller would sell to non-profits
    if "domain" in given and customer.kind == CustomerKind.TEAM:
        raise invalid(
            "domain", "a team customer gets a domain by verifying it (POST .../domain-verification)"
        )
    if "primary_email" in given and body.primary_email is None and customer.kind == CustomerKind.TEAM:
        raise invalid(
            "primary_email", "a team customer is verified through its primary e-mail; it cannot be removed"
        )
    new: dict[str, Any] = {}
    for name in given:
        value = schemas.contacts_json(body.contacts) if name == "contacts" else getattr(body, name)
        if value != getattr(customer, name):
            new[name] = value
    _check_contacts(
        new.get("contacts", customer.contacts),
        new.get("domain", customer.domain),
        new.get("primary_email", customer.primary_email),
    )
    if "domain" in new:
        await _require_domain_free(session, new["domain"], except_id=customer.id)
    if not new:
        return customer
    for name, value in new.items():
        setattr(customer, name, value)
    customer.updated_at = uow.clock.now()
    await _flush_claiming_domain(session, customer.domain)
    await publish_change(uow, customer, ev.CustomerUpdated, changed=sorted(new))
    return customer


async def verify_domain(
    uow: UnitOfWork,
    caller: Caller,
    customer_id: uuid.UUID,
    body: schemas.DomainVerification,
) -> Customer:
    """R-CU-4: a team customer that proves a domain becomes a domain customer, which lifts the
    restriction to team-enabled products. The verification is attested by the caller (the
    customer, its reseller or staff) and recorded with who and when."""
    session = uow.session
    customer = await get_customer(session, caller, customer_id, lock=True)
    if customer.kind == CustomerKind.DOMAIN:
        raise CustomerAlreadyDomainCustomer(f"the customer is verified for {customer.domain}")
    await _require_domain_free(session, body.domain)
    _check_contacts(customer.contacts, body.domain, customer.primary_email)
    now = uow.clock.now()
    customer.kind = CustomerKind.DOMAIN
    customer.domain = body.domain
    customer.domain_verified_at = now
    customer.domain_verified_by = caller.identity
    customer.updated_at = now
    await _flush_claiming_domain(session, customer.domain)
    await publish_change(uow, customer, ev.CustomerDomainVerified)
    return customer


async def accept_terms(
    uow: UnitOfWork,
    caller: Caller,
    customer_id: uuid.UUID,
    body: schemas.TermsAcceptanceCreate,
) -> schemas.TermsAcceptance:
    """R-CU-6: who accepted the vendor's terms of service for the customer, and when. The first
    acceptance stands; accepting again answers with it."""
    session = uow.session
    customer = await get_customer(session, caller, customer_id, lock=True)
    if customer.terms_accepted_at is None:
        now = uow.clock.now()
        customer.terms_accepted_at = now
        customer.terms_accepted_by = body.accepted_by
        customer.updated_at = now
        await publish_change(uow, customer, ev.CustomerTermsAccepted, accepted_by=body.accepted_by)
    assert customer.terms_accepted_by is not None and customer.terms_accepted_at is not None
    return schemas.TermsAcceptance(
        customer_id=customer.id,
        accepted_by=customer.terms_accepted_by,
        accepted_at=customer.terms_accepted_at,
    )
