"""Helpers for onboarding's end-to-end tests: unique names, problem checks, and onboarding's own
database for what the API does not show (outbox rows) or for letting time pass (token expiry)."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any, TypeVar

import pytest
import sqlalchemy as sa

from libs.db import UnitOfWork
from libs.testing.api import Api, Reseller
from libs.testing.db import ServiceDb
from services.onboarding.models import TABLES, TransferToken
from tools.devstack.stack import Stack

T = TypeVar("T")


def unique_domain(stem: str = "acme") -> str:
    return f"{stem}-{uuid.uuid4().hex[:8]}.com"


class OnboardingDb(ServiceDb):
    def events_about(self, subject: str) -> list[dict[str, Any]]:
        """The envelopes onboarding wrote for one aggregate, oldest first."""
        outbox = TABLES.outbox

        async def work(uow: UnitOfWork) -> list[dict[str, Any]]:
            rows = await uow.session.scalars(
                sa.select(outbox.c.envelope).where(outbox.c.key == subject).order_by(outbox.c.id)
            )
            return list(rows)

        return self.run(work)

    def age_transfer_tokens(self, customer_id: str, by: timedelta) -> None:
        """Let time pass for a customer's transfer tokens, as the calendar would."""

        async def work(uow: UnitOfWork) -> None:
            await uow.session.execute(
                sa.update(TransferToken)
                .where(TransferToken.customer_id == uuid.UUID(customer_id))
                .values(
                    created_at=TransferToken.created_at - by,
                    expires_at=TransferToken.expires_at - by,
                )
            )

        self.run(work, commit=True)


@pytest.fixture(scope="session")
def onboarding_db(stack: Stack) -> OnboardingDb:
    return OnboardingDb(stack.service_urls["onboarding"])


class Customers:
    def __init__(self, api: Api) -> None:
        self.api = api

    def domain(self, reseller: Reseller, **overrides: Any) -> dict[str, Any]:
        body = {"kind": "domain", "name": "Acme GmbH", "domain": unique_domain(), **overrides}
        response = self.api.call("POST", "/v1/customers", reseller.key, json=body)
        assert response.status_code == 201, response.text
        return response.json()

    def team(self, reseller: Reseller, **overrides: Any) -> dict[str, Any]:
        body = {
            "kind": "team",
            "name": "Design Team",
            "primary_email": f"lead-{uuid.uuid4().hex[:8]}@gmail.com",
            **overrides,
        }
        response = self.api.call("POST", "/v1/customers", reseller.key, json=body)
        assert response.status_code == 201, response.text
        return response.json()

    def key(self, reseller: Reseller, customer_id: str) -> str:
        response = self.api.call(
            "POST", f"/v1/customers/{customer_id}/api-keys", reseller.key, json={"name": "portal"}
        )
        assert response.status_code == 201, response.text
        return response.json()["key"]

    def ids(self, key: str, **params: Any) -> list[str]:
        response = self.api.call("GET", "/v1/customers", key, params={"limit": 200, **params})
        assert response.status_code == 200, response.text
        return [c["id"] for c in response.json()["data"]]


@pytest.fixture
def customers(api: Api) -> Customers:
    return Customers(api)
