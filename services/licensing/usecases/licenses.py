"""Reading licenses and their signed files (R-LI-2, R-LI-6): a customer its own, a reseller its
customers', staff all; another tenant's license is a 404."""

from __future__ import annotations

import base64
import uuid
from datetime import date

from cryptography.hazmat.primitives import serialization
from sqlalchemy.ext.asyncio import AsyncSession

from libs.auth import Caller
from libs.pagination import PageQuery, paginate
from libs.repository import load_or_404
from libs.tenancy import visible
from services.licensing.config import LicensingConfig
from services.licensing.domain.licensefile import sign
from services.licensing.domain.licenses import LicenseTerms, file_valid_before, may_sign, payload
from services.licensing.errors import LicenseNotActive, LicenseNotFound
from services.licensing.models import License


async def load_license(session: AsyncSession, caller: Caller, license_id: uuid.UUID) -> License:
    return await load_or_404(
        session, visible(License, caller).where(License.id == license_id), LicenseNotFound
    )


async def list_licenses(
    session: AsyncSession,
    caller: Caller,
    page: PageQuery,
    *,
    order_id: uuid.UUID | None,
    customer_id: uuid.UUID | None,
    subscription_id: uuid.UUID | None,
) -> tuple[list[License], str | None]:
    stmt = visible(License, caller)
    if order_id:
        stmt = stmt.where(License.order_id == order_id)
    if customer_id:
        stmt = stmt.where(License.customer_id == customer_id)
    if subscription_id:
        stmt = stmt.where(License.subscription_id == subscription_id)
    return await paginate(session, stmt, License, page)


def signed_file(lic: License, config: LicensingConfig, today: date) -> dict[str, str]:
    """The license file, signed with the active key (an older file stays verifiable: retired keys
    remain published) — only while the license is active: a revoked or expired license (or one past
    its last day, before the hourly job marks it) gets none (410 `license-not-active`). A subscription's
    or WaaS license's file is valid for `CHANNELHUB_LICENSE_FILE_DAYS` at most (it can be revoked early)."""
    if not may_sign(lic.status, lic.valid_until, today):
        status = lic.status if lic.status != "active" else "expired"
        raise LicenseNotActive(f"the license is {status} ({lic.ended_reason or 'validity ended'})")
    key = config.active_key()
    assert key.private_key is not None
    terms = LicenseTerms(
        license_id=lic.id,
        licensee_id=lic.customer_id,
        licensee=lic.licensee,
        sku=lic.sku,
        quantity=lic.quantity,
        seats=lic.seats,
        temporary=lic.temporary,
        valid_from=lic.valid_from,
        valid_until=lic.valid_until,
        order_id=lic.order_id,
        subscription_id=lic.subscription_id,
        issued_at=lic.issued_at,
        status=lic.status,
        key_id=key.key_id,
        file_valid_before=file_valid_before(lic.kind, lic.valid_until, today, config.license_file_days),
    )
    return sign(payload(terms), key_id=key.key_id, private_key=key.private_key)


def published_keys(config: LicensingConfig) -> list[dict[str, str]]:
    return [
        {
            "key_id": k.key_id,
            "algorithm": "Ed25519",
            "public_key": base64.b64encode(
                k.public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
            ).decode(),
            "status": k.status,
        }
        for k in config.keys()
    ]


async def any_license(session: AsyncSession, license_id: uuid.UUID) -> License | None:
    """For other services (notifications mails the file): no tenant scope."""
    return await session.get(License, license_id)
