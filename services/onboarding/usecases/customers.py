"""End customers of resellers (R-CU-1..9): create, read, change, verify a domain, accept the
terms, users and administrators, API keys, transfer tokens and imports."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from libs.auth import Caller, Forbidden, scope_to_tenant
from libs.clock import Clock
from libs.errors import Unauthorized
from libs.events import onboarding as ev
from libs.logging import get_logger
from libs.pagination import PageQuery, paginate
from services.onboarding import schemas
from services.onboarding.domain import transfer_tokens as tt
from services.onboarding.domain import validation as v
from services.onboarding.errors import (
    AdminConfirmationRequired,
    CustomerAlreadyDomainCustomer,
    CustomerAlreadyOwned,
    CustomerDomainTaken,
    CustomerNotFound,
    CustomerUserExists,
    InvalidField,
    TransferTokenExpired,
    TransferTokenInvalid,
    TransferTokenUsed,
    TransferTokenWrongFamily,
)
from services.onboarding.models import OUTBOX, ApiKey, Customer, CustomerUser, Reseller, TransferToken
from services.onboarding.usecases import keys
from services.onboarding.usecases.keys import issue_key, key_is_live, revoke_customer_keys

log = get_logger(__name__)

# How long a transfer token lets another reseller import the customer (R-CU-5).
TRANSFER_TOKEN_VALIDITY = timedelta(days=14)

ADMIN_DISCOUNT_WARNING = (
    "An administrator can buy directly; the reseller discount will not apply to purchases made "
    "by {email}. Send confirm=true to make this user an administrator anyway."
)


def invalid(field: str, message: str) -> InvalidField:
    return InvalidField(f"{field}: {message}", errors=[{"loc": ["body", field], "msg": message}])


# --- reading within the caller's reach ----------------------------------------------------------


def scoped(stmt: sa.Select, caller: Caller) -> sa.Select:
    """Staff see every customer, a reseller its own, a customer key only itself."""
    return scope_to_tenant(stmt, caller, reseller_column=Customer.reseller_id, customer_column=Customer.id)


async def get_customer(
    session: AsyncSession, caller: Caller, customer_id: uuid.UUID, *, lock: bool = False
) -> Customer:
    if caller.kind == "customer" and not await key_is_live(session, caller.key_id):
        # the gateway caches a resolved key briefly; a key revoked by a transfer must not issue a
        # transfer token (pull the customer back) or change the customer in that window
        raise Unauthorized("the API key was revoked")
    stmt = scoped(sa.select(Customer).where(Customer.id == customer_id), caller)
    if lock:
        stmt = stmt.with_for_update()
    customer = await session.scalar(stmt)
    if customer is None:
        raise CustomerNotFound()
    return customer


def require_manager(caller: Caller, what: str) -> None:
    """Changes reserved to the owning reseller and staff (the customer is in reach already)."""
    if caller.kind not in ("staff", "reseller"):
        raise Forbidden(f"only the customer's reseller or vendor staff can {what}")


async def list_customers(
    session: AsyncSession,
    caller: Caller,
    page: PageQuery,
    *,
    kind: str | None = None,
    domain: str | None = None,
    primary_email: str | None = None,
) -> tuple[list[Customer], str | None]:
    stmt = scoped(sa.select(Customer), caller)
    if kind:
        stmt = stmt.where(Customer.kind == kind)
    if domain:
        stmt = stmt.where(Customer.domain == domain.strip().lower())
    if primary_email:
        stmt = stmt.where(sa.func.lower(Customer.primary_email) == primary_email.strip().lower())
    return await paginate(session, stmt, Customer, page)


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
            kind=c.kind,  # type: ignore[arg-type]
            name=c.name,
            domain=c.domain,
            primary_email=c.primary_email,
            education=c.education,
            edition=c.edition,  # type: ignore[arg-type]
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


# --- events (R-CU-7) ------------------------------------------------------------------------------


def snapshot(customer: Customer) -> ev.CustomerSnapshot:
    return ev.CustomerSnapshot(
        customer_id=customer.id,
        reseller_id=customer.reseller_id,
        version=customer.version,
        kind=customer.kind,  # type: ignore[arg-type]
        name=customer.name,
        domain=customer.domain,
        primary_email=customer.primary_email,
        education=customer.education,
        terms_accepted=customer.terms_accepted_at is not None,
        edition=customer.edition,  # type: ignore[arg-type]
    )


async def current_snapshot(session: AsyncSession, customer_id: uuid.UUID) -> ev.CustomerSnapshot | None:
    """What the latest customer event carried, for a service whose read model lags (internal)."""
    customer = await session.get(Customer, customer_id)
    return snapshot(customer) if customer is not None else None


async def publish_change(
    session: AsyncSession, customer: Customer, event_type: type[ev._CustomerEvent], **extra: Any
) -> None:
    """Bump the customer's version and write the event carrying its new snapshot."""
    customer.version += 1
    await session.flush()
    event = event_type(customer_id=customer.id, customer=snapshot(customer), **extra)
    await OUTBOX.emit(session, event, reseller_id=customer.reseller_id)


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


def _add_reseller_admin(session: AsyncSession, customer: Customer, now: datetime, by: str) -> None:
    """R-CU-8: the reseller administers every customer it has, without taking a seat."""
    session.add(
        CustomerUser(
            id=uuid.uuid4(),
            customer_id=customer.id,
            kind="reseller",
            reseller_id=customer.reseller_id,
            email=None,
            admin=True,
            occupies_seat=False,
            reseller_discount_applies=True,
            created_by=by,
            created_at=now,
        )
    )


async def create_customer(
    session: AsyncSession, caller: Caller, clock: Clock, body: schemas.CustomerCreate
) -> Customer:
    assert caller.reseller_id is not None
    contacts = schemas.contacts_json(body.contacts)
    _check_contacts(contacts, body.domain, body.primary_email)
    if body.domain:
        await _require_domain_free(session, body.domain)
    now = clock.now()
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
    _add_reseller_admin(session, customer, now, caller.identity)
    await publish_change(session, customer, ev.CustomerCreated)
    return customer


async def patch_customer(
    session: AsyncSession, caller: Caller, clock: Clock, customer_id: uuid.UUID, body: schemas.CustomerPatch
) -> Customer:
    customer = await get_customer(session, caller, customer_id, lock=True)
    require_manager(caller, "change the customer's data")
    given = body.model_fields_set
    if "domain" in given and customer.kind == "team":
        raise invalid(
            "domain", "a team customer gets a domain by verifying it (POST .../domain-verification)"
        )
    if "primary_email" in given and body.primary_email is None and customer.kind == "team":
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
    customer.updated_at = clock.now()
    await _flush_claiming_domain(session, customer.domain)
    await publish_change(session, customer, ev.CustomerUpdated, changed=sorted(new))
    return customer


async def verify_domain(
    session: AsyncSession,
    caller: Caller,
    clock: Clock,
    customer_id: uuid.UUID,
    body: schemas.DomainVerification,
) -> Customer:
    """R-CU-4: a team customer that proves a domain becomes a domain customer, which lifts the
    restriction to team-enabled products. The verification is attested by the caller (the
    customer, its reseller or staff) and recorded with who and when."""
    customer = await get_customer(session, caller, customer_id, lock=True)
    if customer.kind == "domain":
        raise CustomerAlreadyDomainCustomer(f"the customer is verified for {customer.domain}")
    await _require_domain_free(session, body.domain)
    _check_contacts(customer.contacts, body.domain, customer.primary_email)
    now = clock.now()
    customer.kind = "domain"
    customer.domain = body.domain
    customer.domain_verified_at = now
    customer.domain_verified_by = caller.identity
    customer.updated_at = now
    await _flush_claiming_domain(session, customer.domain)
    await publish_change(session, customer, ev.CustomerDomainVerified)
    return customer


async def accept_terms(
    session: AsyncSession,
    caller: Caller,
    clock: Clock,
    customer_id: uuid.UUID,
    body: schemas.TermsAcceptanceCreate,
) -> schemas.TermsAcceptance:
    """R-CU-6: who accepted the vendor's terms of service for the customer, and when. The first
    acceptance stands; accepting again answers with it."""
    customer = await get_customer(session, caller, customer_id, lock=True)
    if customer.terms_accepted_at is None:
        now = clock.now()
        customer.terms_accepted_at = now
        customer.terms_accepted_by = body.accepted_by
        customer.updated_at = now
        await publish_change(session, customer, ev.CustomerTermsAccepted, accepted_by=body.accepted_by)
    assert customer.terms_accepted_by is not None and customer.terms_accepted_at is not None
    return schemas.TermsAcceptance(
        customer_id=customer.id,
        accepted_by=customer.terms_accepted_by,
        accepted_at=customer.terms_accepted_at,
    )


# --- users and administrators (R-CU-8) -----------------------------------------------------------


async def add_user(
    session: AsyncSession,
    caller: Caller,
    clock: Clock,
    customer_id: uuid.UUID,
    body: schemas.CustomerUserCreate,
) -> schemas.CustomerUserCreated:
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
        kind="user",
        reseller_id=None,
        email=body.email,
        admin=body.admin,
        occupies_seat=True,
        reseller_discount_applies=not body.admin,
        created_by=caller.identity,
        created_at=clock.now(),
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
        kind="customer",
        role="customer_admin",
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
    session: AsyncSession, caller: Caller, customer_id: uuid.UUID, key_id: uuid.UUID
) -> ApiKey:
    customer = await get_customer(session, caller, customer_id)
    require_manager(caller, "revoke the customer's API keys")
    return await keys.revoke_customer_key(session, customer.id, key_id)


# --- transfer tokens and imports (R-CU-5) ----------------------------------------------------------


async def issue_transfer_token(
    session: AsyncSession,
    caller: Caller,
    clock: Clock,
    customer_id: uuid.UUID,
    body: schemas.TransferTokenCreate,
) -> schemas.TransferTokenCreated:
    """The customer authorises a move to another reseller; its current reseller cannot."""
    customer = await get_customer(session, caller, customer_id)
    if caller.kind not in ("customer", "staff"):
        raise Forbidden(
            "transfer tokens are issued by the customer itself (with its own API key) or vendor staff"
        )
    token = tt.new_transfer_token()
    now = clock.now()
    row = TransferToken(
        id=uuid.uuid4(),
        customer_id=customer.id,
        token_hash=tt.hash_token(token),
        product_family=body.product_family,
        issued_by=caller.identity,
        created_at=now,
        expires_at=now + TRANSFER_TOKEN_VALIDITY,
    )
    session.add(row)
    await session.flush()
    return schemas.TransferTokenCreated(
        token=token, product_family=row.product_family, expires_at=row.expires_at
    )


_REFUSALS: dict[type[tt.TransferTokenRefused], type[Exception]] = {
    tt.TransferTokenInvalid: TransferTokenInvalid,
    tt.TransferTokenExpired: TransferTokenExpired,
    tt.TransferTokenUsed: TransferTokenUsed,
    tt.TransferTokenWrongFamily: TransferTokenWrongFamily,
}


def _named_by(customer: Customer, body: schemas.CustomerImport) -> bool:
    """The importing reseller names the customer it was told about: by domain, or a team customer
    (which has none) by its primary e-mail."""
    if body.domain is not None:
        return customer.domain == body.domain
    return (
        customer.kind == "team"
        and customer.primary_email is not None
        and customer.primary_email.lower() == (body.primary_email or "").lower()
    )


async def import_customer(
    session: AsyncSession, caller: Caller, clock: Clock, body: schemas.CustomerImport
) -> Customer:
    assert caller.reseller_id is not None
    presented = tt.hash_token(body.transfer_token)
    row = await session.scalar(
        sa.select(TransferToken).where(TransferToken.token_hash == presented).with_for_update()
    )
    customer = None
    if row is not None:
        customer = await session.scalar(
            sa.select(Customer).where(Customer.id == row.customer_id).with_for_update()
        )
    now = clock.now()
    try:
        tt.check_transfer_token(
            stored=(
                tt.StoredToken(row.token_hash, row.product_family, row.expires_at, row.used_at)
                if row is not None
                else None
            ),
            presented_hash=presented,
            product_family=body.product_family,
            domain_matches=customer is not None and _named_by(customer, body),
            now=now,
        )
    except tt.TransferTokenRefused as exc:
        raise _REFUSALS.get(type(exc), TransferTokenInvalid)(exc.message) from None
    assert row is not None and customer is not None
    if customer.reseller_id == caller.reseller_id:
        raise CustomerAlreadyOwned("the customer is yours already; the token stays unused")
    previous = customer.reseller_id
    row.used_at = now
    row.used_by_reseller_id = caller.reseller_id
    customer.reseller_id = caller.reseller_id
    customer.updated_at = now
    # the reseller administrator changes with the owner (R-CU-8)
    await session.execute(
        sa.delete(CustomerUser).where(
            CustomerUser.customer_id == customer.id, CustomerUser.kind == "reseller"
        )
    )
    _add_reseller_admin(session, customer, now, caller.identity)
    # keys minted under the old reseller are revoked: it may hold copies (and could otherwise use
    # one to issue a transfer token and pull the customer back); the new reseller mints new ones
    await revoke_customer_keys(session, customer.id, now)
    await publish_change(
        session,
        customer,
        ev.CustomerTransferred,
        from_reseller_id=previous,
        product_family=row.product_family,
    )
    return customer


# --- customers from an order's ship-to (R-CU-9) -----------------------------------------------------


@dataclass(frozen=True)
class ShipToMatch:
    """Who an order's ship-to is: an existing customer of the reseller, or the kind of customer an
    order would create (None when the ship-to has no usable e-mail)."""

    email: str | None
    domain: str | None  # checked, and free for a new domain customer
    customer: Customer | None
    new_kind: str | None


async def match_ship_to(
    session: AsyncSession, reseller_id: uuid.UUID, email: str, domain: str | None, *, lock: bool = False
) -> ShipToMatch:
    """R-CU-9: the reseller's customer with the same domain, else with the same e-mail; otherwise a
    new one would be a domain customer when the domain is a registered one nobody has, else a team
    customer. One function for linking orders and for ordering's R-CU-4 check before it accepts."""
    try:
        email = v.check_email(email)
    except v.ValidationFailed:
        return ShipToMatch(None, None, None, None)
    checked_domain: str | None = None
    if domain:
        try:
            checked_domain = v.check_domain(domain)
        except v.ValidationFailed:
            checked_domain = None
    match = None
    if checked_domain:
        stmt = sa.select(Customer).where(
            Customer.reseller_id == reseller_id, Customer.domain == checked_domain
        )
        match = await session.scalar(stmt.with_for_update() if lock else stmt)
    if match is None:
        stmt = (
            sa.select(Customer)
            .where(
                Customer.reseller_id == reseller_id, sa.func.lower(Customer.primary_email) == email.lower()
            )
            .order_by(Customer.created_at, Customer.id)
            .limit(1)
        )
        match = await session.scalar(stmt.with_for_update() if lock else stmt)
    if match is not None:
        return ShipToMatch(email, checked_domain, match, None)
    if checked_domain and await session.scalar(
        sa.select(Customer.id).where(Customer.domain == checked_domain)
    ):
        # another reseller's customer: moving it needs the customer's transfer token (R-CU-5)
        checked_domain = None
    return ShipToMatch(email, checked_domain, None, "domain" if checked_domain else "team")


async def customer_for_order(
    session: AsyncSession,
    *,
    order_id: uuid.UUID,
    reseller_id: uuid.UUID,
    name: str,
    email: str,
    domain: str | None,
    address: str | None,
    now: datetime,
) -> Customer | None:
    """Link the order's end user to the reseller's customer with the same domain or e-mail, or
    create one (`match_ship_to`). None when the ship-to has no usable e-mail."""
    if await session.get(Reseller, reseller_id) is None:
        log.warning("order of an unknown reseller", order_id=str(order_id), reseller_id=str(reseller_id))
        return None
    found = await match_ship_to(session, reseller_id, email, domain, lock=True)
    if found.email is None:
        log.warning("order ship-to without a usable e-mail; no customer created", order_id=str(order_id))
        return None
    if found.customer is not None:
        match = found.customer
        await publish_change(session, match, ev.CustomerLinkedToOrder, order_id=order_id, created=False)
        return match
    email, checked_domain = found.email, found.domain
    customer = Customer(
        id=uuid.uuid4(),
        reseller_id=reseller_id,
        kind="domain" if checked_domain else "team",
        name=(name.strip() or email)[:200],
        domain=checked_domain,
        primary_email=email,
        education=False,
        edition="commercial",
        contacts={"address": address.strip()[:1000]} if address and address.strip() else None,
        version=0,
        created_at=now,
        updated_at=now,
    )
    session.add(customer)
    await session.flush()
    _add_reseller_admin(session, customer, now, f"order:{order_id}")
    await publish_change(session, customer, ev.CustomerCreated)
    await publish_change(session, customer, ev.CustomerLinkedToOrder, order_id=order_id, created=True)
    return customer
