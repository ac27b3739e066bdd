"""/v1/licenses and /v1/license-signing-keys — licenses and their signed files (R-LI-1/2/6), and
/v1/orders/{id}/temporary-license (R-LI-3)."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Query

from libs.auth import CurrentCaller, StaffOrReseller
from libs.errors import problem_responses
from libs.pagination import Page, PageParams
from libs.service import CurrentClock, UoW, idempotent
from services.licensing import errors, schemas
from services.licensing.api.deps import Config, Onboarding, Ordering
from services.licensing.usecases import issuing, licenses
from services.licensing.usecases.views import render_license

router = APIRouter(tags=["licensing"])


@router.get("/v1/license-signing-keys", response_model=schemas.SigningKeys, name="license-signing-keys")
async def signing_keys(config: Config) -> Any:
    """The public keys license files are signed with (no key needed): the active one and every
    retired one, so that files signed before a rotation keep verifying (R-LI-2)."""
    return {"data": licenses.published_keys(config)}


@router.get("/v1/licenses", response_model=Page[schemas.License], name="licenses-list")
async def list_licenses(
    uow: UoW,
    caller: CurrentCaller,
    page: PageParams,
    order_id: uuid.UUID | None = Query(None),
    customer_id: uuid.UUID | None = Query(None),
    subscription_id: uuid.UUID | None = Query(None),
) -> Any:
    """A customer its own licenses; a reseller its customers'; staff all. Never a price."""
    rows, cursor = await licenses.list_licenses(
        uow.session, caller, page, order_id=order_id, customer_id=customer_id, subscription_id=subscription_id
    )
    return Page(data=[render_license(r) for r in rows], next_cursor=cursor)


@router.get(
    "/v1/licenses/{license_id}",
    response_model=schemas.License,
    name="licenses-get",
    responses=problem_responses(errors.LicenseNotFound),
)
async def get_license(license_id: uuid.UUID, uow: UoW, caller: CurrentCaller) -> Any:
    return render_license(await licenses.load_license(uow.session, caller, license_id))


@router.get(
    "/v1/licenses/{license_id}/file",
    response_model=schemas.LicenseFile,
    name="licenses-file",
    responses=problem_responses(errors.LicenseNotFound, errors.LicenseNotActive),
)
async def license_file(
    license_id: uuid.UUID, uow: UoW, caller: CurrentCaller, config: Config, clock: CurrentClock
) -> Any:
    """The signed license document (`channelhub-license/1`), verifiable offline with the published
    keys (`python -m channelhub_sdk.licenses verify FILE --keys KEYS.json --on YYYY-MM-DD`). Its payload
    states the license's `status`, `valid_from`, `valid_until` (last day) and `valid_before` (the
    exclusive end) and the signing `key_id`. Signed only for an active license: a revoked or expired
    one answers 410 `license-not-active`."""
    lic = await licenses.load_license(uow.session, caller, license_id)
    return licenses.signed_file(lic, config, clock.today())


@router.post(
    "/v1/orders/{order_id}/temporary-license",
    status_code=201,
    response_model=schemas.License,
    name="orders-temporary-license",
    responses=problem_responses(
        errors.OrderNotFound, errors.NotAwaitingPrepayment, errors.TemporaryLicenseExists
    ),
)
@idempotent
async def temporary_license(
    order_id: uuid.UUID,
    uow: UoW,
    caller: StaffOrReseller,
    config: Config,
    ordering: Ordering,
    onboarding: Onboarding,
) -> Any:
    """R-LI-3: a temporary license (30 days by default) for an order still awaiting its
    prepayment; the permanent license replaces it on payment. At most one per order: a second
    request (even after the first expired) is 409 `temporary-license-exists`, unless the program
    allows extensions (`CHANNELHUB_TEMPORARY_LICENSE_EXTENSIONS`, default 0)."""

    lic = await issuing.issue_temporary(
        uow,
        caller,
        order_id,
        config.temporary_license_days,
        ordering,
        onboarding,
        config.temporary_license_extensions,
    )
    return render_license(lic)
