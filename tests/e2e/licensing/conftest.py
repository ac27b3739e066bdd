"""Helpers for licensing's end-to-end tests: licensing's own database, and what only the invitee's
e-mail carries (the invitation token, minted when the mail is sent)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from libs.testing.api import Api, Reseller, wait_until
from libs.testing.db import ServiceDb
from tools.devstack.stack import Stack


class LicensingDb(ServiceDb):
    api: Api

    def invitation_token(self, subscription_id: str, email: str) -> str:
        """The token the invitee's e-mail carries — only there (R-LI-4): read from the mail the
        development SMTP server captured, in the link's fragment (`/activate-seat#token=…`)."""

        def mailed() -> str | None:
            for mail in self.api.mails_to(email):  # newest first
                text = self.api.admin("GET", f"/v1/outbound-mail/{mail['id']}").json()["text"]
                if subscription_id in text and "#token=" in text:
                    return str(text.split("#token=", 1)[1].split()[0])
            return None

        return wait_until(mailed, what=f"the invitation mail to {email}")


@pytest.fixture(scope="session")
def licensing_db(stack: Stack, api: Api) -> LicensingDb:
    db = LicensingDb(stack.service_urls["licensing"])
    db.api = api
    return db


@pytest.fixture
def onboard(api: Api) -> Callable[..., Reseller]:
    def make(**kwargs: Any) -> Reseller:
        return api.onboard_reseller(**kwargs)

    return make
