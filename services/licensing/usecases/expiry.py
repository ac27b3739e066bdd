"""The `expire-licenses` job: licenses whose validity ended by `as_of` — temporary ones past their
30 days (R-LI-3), subscription and WaaS licenses past their period that were not renewed — are
marked expired, each with its event; seat invitations never activated by their expiry free their
seat (R-LI-4). Running it again for the same day changes nothing."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import sqlalchemy as sa

from libs.db import UnitOfWork
from services.licensing.domain.licenses import has_ended
from services.licensing.models import License
from services.licensing.usecases import seats
from services.licensing.usecases.issuing import end_license


async def run(uow: UnitOfWork, as_of: date) -> dict[str, int]:
    session = uow.session
    candidates = await session.scalars(
        sa.select(License)
        .where(License.status == "active", License.valid_until.is_not(None), License.valid_until < as_of)
        .order_by(License.valid_until, License.id)
        .with_for_update(skip_locked=True)
    )
    expired = 0
    for lic in candidates:
        if has_ended(lic.valid_until, as_of):
            assert lic.valid_until is not None
            await end_license(uow, lic, "expired", lic.valid_until, "validity ended")
            expired += 1
    invitations = await seats.expire_invitations(uow, datetime.combine(as_of, time(0), tzinfo=UTC))
    return {"expired": expired, "invitations_expired": invitations}
