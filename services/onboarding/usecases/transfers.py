"""Moving a customer to another reseller (R-CU-5): transfer tokens the customer issues, imports."""

from __future__ import annotations

import uuid
from datetime import timedelta

import sqlalchemy as sa

from libs.auth import Caller, Forbidden
from libs.db import UnitOfWork
from libs.events import onboarding as ev
from libs.events.onboarding import CustomerKind
from services.onboarding import schemas
from services.onboarding.domain import transfer_tokens as tt
from services.onboarding.domain.statuses import CustomerUserKind
from services.onboarding.errors import (
    CustomerAlreadyOwned,
    TransferTokenExpired,
    TransferTokenInvalid,
    TransferTokenUsed,
    TransferTokenWrongFamily,
)
from services.onboarding.models import Customer, CustomerUser, TransferToken
from services.onboarding.usecases.customers import (
    add_reseller_admin,
    get_customer,
    publish_change,
)
from services.onboarding.usecases.keys import revoke_customer_keys

# How long a transfer token lets another reseller import the customer (R-CU-5).
TRANSFER_TOKEN_VALIDITY = timedelta(days=14)


# --- transfer tokens and imports (R-CU-5) ----------------------------------------------------------


async def issue_transfer_token(
    uow: UnitOfWork, caller: Caller, customer_id: uuid.UUID, body: schemas.TransferTokenCreate
) -> schemas.TransferTokenCreated:
    """The customer authorises a move to another reseller; its current reseller cannot."""
    session = uow.session
    customer = await get_customer(session, caller, customer_id)
    if caller.kind not in ("customer", "staff"):
        raise Forbidden(
            "transfer tokens are issued by the customer itself (with its own API key) or vendor staff"
        )
    token = tt.new_transfer_token()
    now = uow.clock.now()
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
        customer.kind == CustomerKind.TEAM
        and customer.primary_email is not None
        and customer.primary_email.lower() == (body.primary_email or "").lower()
    )


async def import_customer(uow: UnitOfWork, caller: Caller, body: schemas.CustomerImport) -> Customer:
    session = uow.session
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
    now = uow.clock.now()
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
            CustomerUser.customer_id == customer.id, CustomerUser.kind == CustomerUserKind.RESELLER
        )
    )
    add_reseller_admin(session, customer, now, caller.identity)
    # keys minted under the old reseller are revoked: it may hold copies (and could otherwise use
    # one to issue a transfer token and pull the customer back); the new reseller mints new ones
    await revoke_customer_keys(session, customer.id, now)
    await publish_change(
        uow,
        customer,
        ev.CustomerTransferred,
        from_reseller_id=previous,
        product_family=row.product_family,
    )
    return customer
