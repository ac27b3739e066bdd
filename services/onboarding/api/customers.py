"""/v1/customers — end customers of resellers (R-CU-1..9)."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Query

from libs.auth import CurrentCaller, CurrentReseller
from libs.errors import Forbidden, problem_responses
from libs.pagination import Page, PageParams
from libs.service import UoW, idempotent
from services.onboarding import schemas
from services.onboarding.api.deps import NotSuspended
from services.onboarding.errors import (
    AdminConfirmationRequired,
    ApiKeyNotFound,
    CustomerAlreadyDomainCustomer,
    CustomerAlreadyOwned,
    CustomerDomainTaken,
    CustomerNotFound,
    CustomerUserExists,
    EditionStaffOnly,
    InvalidField,
    TransferTokenExpired,
    TransferTokenInvalid,
    TransferTokenUsed,
    TransferTokenWrongFamily,
)
from services.onboarding.usecases import customer_users, customers, transfers, views

router = APIRouter(prefix="/v1/customers", tags=["customers"], dependencies=NotSuspended)


@router.post(
    "",
    status_code=201,
    response_model=schemas.Customer,
    name="customers-create",
    responses=problem_responses(CustomerDomainTaken, InvalidField),
)
@idempotent
async def create_customer(
    body: schemas.CustomerCreate,
    uow: UoW,
    caller: CurrentReseller,
) -> Any:
    """Create a domain customer (a registered domain nobody else has) or a team customer
    (verified through its primary e-mail). The reseller becomes an administrator of it
    without occupying a seat."""

    customer = await customers.create_customer(uow, caller, body)
    return await views.view(uow.session, customer)


@router.get("", response_model=Page[schemas.Customer], name="customers-list")
async def list_customers(
    uow: UoW,
    caller: CurrentCaller,
    page: PageParams,
    kind: schemas.CustomerKind | None = Query(None),
    domain: str | None = Query(None, max_length=253),
    primary_email: str | None = Query(None, max_length=254),
) -> Any:
    """Staff see every customer, a reseller its own, a customer key only itself."""
    rows, cursor = await customers.list_customers(
        uow.session, caller, page, kind=kind, domain=domain, primary_email=primary_email
    )
    return Page(data=await views.views(uow.session, rows), next_cursor=cursor)


@router.post(
    "/import",
    status_code=201,
    response_model=schemas.Customer,
    name="customers-import",
    responses=problem_responses(
        TransferTokenInvalid,
        TransferTokenExpired,
        TransferTokenUsed,
        TransferTokenWrongFamily,
        CustomerAlreadyOwned,
    ),
)
@idempotent
async def import_customer(
    body: schemas.CustomerImport,
    uow: UoW,
    caller: CurrentReseller,
) -> Any:
    """Import a customer from another reseller (or the vendor) with the transfer token the
    customer issued (R-CU-5). The customer, and with it its subscriptions, move to the caller."""

    customer = await transfers.import_customer(uow, caller, body)
    return await views.view(uow.session, customer)


@router.get(
    "/{customer_id}",
    response_model=schemas.Customer,
    name="customers-get",
    responses=problem_responses(CustomerNotFound),
)
async def read_customer(customer_id: uuid.UUID, uow: UoW, caller: CurrentCaller) -> Any:
    return await views.view(uow.session, await customers.get_customer(uow.session, caller, customer_id))


@router.patch(
    "/{customer_id}",
    response_model=schemas.Customer,
    name="customers-update",
    responses=problem_responses(CustomerNotFound, CustomerDomainTaken, InvalidField, EditionStaffOnly),
)
async def update_customer(
    customer_id: uuid.UUID, body: schemas.CustomerPatch, uow: UoW, caller: CurrentCaller
) -> Any:
    """Change the customer's data; every change is published to the other services (R-CU-7)."""
    customer = await customers.patch_customer(uow, caller, customer_id, body)
    result = await views.view(uow.session, customer)
    return result


@router.post(
    "/{customer_id}/domain-verification",
    response_model=schemas.Customer,
    name="customers-verify-domain",
    responses=problem_responses(CustomerNotFound, CustomerDomainTaken, CustomerAlreadyDomainCustomer),
)
async def verify_domain(
    customer_id: uuid.UUID,
    body: schemas.DomainVerification,
    uow: UoW,
    caller: CurrentCaller,
) -> Any:
    """A team customer verifies a domain it owns and becomes a domain customer (R-CU-4)."""
    customer = await customers.verify_domain(uow, caller, customer_id, body)
    result = await views.view(uow.session, customer)
    return result


@router.post(
    "/{customer_id}/terms-acceptance",
    response_model=schemas.TermsAcceptance,
    name="customers-accept-terms",
    responses=problem_responses(CustomerNotFound),
)
@idempotent
async def accept_terms(
    customer_id: uuid.UUID,
    body: schemas.TermsAcceptanceCreate,
    uow: UoW,
    caller: CurrentCaller,
) -> Any:
    """Record who accepted the vendor's terms of service for the customer, and when (R-CU-6)."""
    return await customers.accept_terms(uow, caller, customer_id, body)


@router.post(
    "/{customer_id}/users",
    status_code=201,
    response_model=schemas.CustomerUserCreated,
    name="customers-users-create",
    responses=problem_responses(CustomerNotFound, AdminConfirmationRequired, CustomerUserExists),
)
@idempotent
async def add_user(
    customer_id: uuid.UUID,
    body: schemas.CustomerUserCreate,
    uow: UoW,
    caller: CurrentCaller,
) -> Any:
    """Add a user. An administrator can buy directly, and the reseller discount then does not
    apply to its purchases: `admin=true` is refused (409 admin-confirmation-required) unless
    `confirm=true` (R-CU-8)."""
    return await customer_users.add_user(uow, caller, customer_id, body)


@router.get(
    "/{customer_id}/users",
    response_model=list[schemas.CustomerUser],
    name="customers-users-list",
    responses=problem_responses(CustomerNotFound),
)
async def list_users(customer_id: uuid.UUID, uow: UoW, caller: CurrentCaller) -> Any:
    return await customer_users.list_users(uow.session, caller, customer_id)


@router.post(
    "/{customer_id}/api-keys",
    status_code=201,
    response_model=schemas.ApiKeyCreated,
    name="customers-api-keys-create",
    responses=problem_responses(CustomerNotFound, Forbidden),
)
@idempotent
async def create_api_key(
    customer_id: uuid.UUID,
    body: schemas.CustomerApiKeyCreate,
    uow: UoW,
    caller: CurrentCaller,
) -> Any:
    """A key that acts as the customer (its portal or its own systems); shown only once."""
    return await customer_users.issue_customer_key(uow.session, caller, customer_id, body)


@router.get(
    "/{customer_id}/api-keys",
    response_model=list[schemas.ApiKeyInfo],
    name="customers-api-keys-list",
    responses=problem_responses(CustomerNotFound, Forbidden),
)
async def list_api_keys(customer_id: uuid.UUID, uow: UoW, caller: CurrentCaller) -> Any:
    """The customer's keys, live and revoked (the owning reseller and staff); never the key itself."""
    return await customer_users.list_customer_keys(uow.session, caller, customer_id)


@router.delete(
    "/{customer_id}/api-keys/{key_id}",
    response_model=schemas.ApiKeyInfo,
    name="customers-api-keys-revoke",
    responses=problem_responses(CustomerNotFound, ApiKeyNotFound, Forbidden),
)
async def revoke_api_key(customer_id: uuid.UUID, key_id: uuid.UUID, uow: UoW, caller: CurrentCaller) -> Any:
    """Revoke one of the customer's keys (the owning reseller and staff). The gateway may honour a
    key it resolved within the last `CHANNELHUB_API_KEY_CACHE_SECONDS`; onboarding refuses it at once."""
    row = await customer_users.revoke_customer_key(uow, caller, customer_id, key_id)
    result = schemas.ApiKeyInfo.model_validate(row)
    return result


@router.post(
    "/{customer_id}/transfer-tokens",
    status_code=201,
    response_model=schemas.TransferTokenCreated,
    name="customers-transfer-tokens-create",
    responses=problem_responses(CustomerNotFound, Forbidden),
)
@idempotent
async def create_transfer_token(
    customer_id: uuid.UUID,
    body: schemas.TransferTokenCreate,
    uow: UoW,
    caller: CurrentCaller,
) -> Any:
    """The customer (its own key) or staff authorise another reseller to import the customer
    for one product family. The token is shown once, single use, valid for 14 days."""
    return await transfers.issue_transfer_token(uow, caller, customer_id, body)
