"""Helpers for licensing's end-to-end tests: licensing's own database for what only the invitee's
e-mail carries (the invitation token, in the `licensing.seat.assigned.v1` event)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import sqlalchemy as sa

from libs.db import UnitOfWork
from libs.devstack.stack import Stack
from libs.testing.api import Api, Reseller
from libs.testing.db import ServiceDb
from services.licensing.models import TABLES


class LicensingDb(ServiceDb):
    def invitation_token(self, subscription_id: str, email: str) -> str:
        """The token the invitee's e-mail carries (notifications mails it from this event)."""
        outbox = TABLES.outbox

        async def work(uow: UnitOfWork) -> str:
            rows = await uow.session.execute(
                sa.select(outbox.c.envelope)
                .where(outbox.c.event_type == "licensing.seat.assigned.v1")
                .order_by(outbox.c.id)
            )
            tokens = [
                r.envelope["data"]["invitation_token"]
                for r in rows
                if r.envelope["data"]["subscription_id"] == subscription_id
                and r.envelope["data"]["email"] == email
            ]
            assert tokens, f"no invitation for {email}"
            return str(tokens[-1])

        return self.run(work)


@pytest.fixture(scope="session")
def licensing_db(stack: Stack) -> LicensingDb:
    return LicensingDb(stack.service_urls["licensing"])


@pytest.fixture
def onboard(api: Api) -> Callable[..., Reseller]:
    def make(**kwargs: Any) -> Reseller:
        return api.onboard_reseller(**kwargs)

    return make
