"""Idempotency keeps no secret: a response that shows a secret once (API keys, transfer tokens) is
stored for replay without it, and the replay says the secret was withheld (libs.idempotency)."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
import sqlalchemy as sa

from libs.db import UnitOfWork
from libs.testing.api import Api
from libs.testing.db import ServiceDb
from services.onboarding.models import TABLES
from tools.devstack.stack import Stack


def stored_response(stack: Stack, idempotency_key: str) -> dict[str, Any]:
    """The row onboarding keeps for replaying this Idempotency-Key, read straight from its table."""
    table = TABLES.idempotency_keys

    async def work(uow: UnitOfWork) -> dict[str, Any]:
        row = (
            (await uow.session.execute(sa.select(table).where(table.c.key == idempotency_key)))
            .mappings()
            .one()
        )
        return dict(row)

    return ServiceDb(stack.service_urls["onboarding"]).run(work)


@pytest.mark.parametrize("kind", ["reseller-key", "customer-key", "transfer-token"])
def test_idempotency_table_never_holds_a_shown_once_secret_and_the_replay_says_so(
    api: Api, stack: Stack, kind: str
) -> None:
    reseller = api.onboard_reseller(wait_for_ordering=False)
    customer = api.call(
        "POST",
        "/v1/customers",
        reseller.key,
        json={"kind": "domain", "name": "Secret GmbH", "domain": f"secret-{uuid.uuid4().hex[:8]}.com"},
    ).json()
    path, body, field, key = {
        "reseller-key": (
            f"/v1/resellers/{reseller.id}/api-keys",
            {"role": "reseller_user", "name": "ci"},
            "key",
            reseller.key,
        ),
        "customer-key": (f"/v1/customers/{customer['id']}/api-keys", {"name": "portal"}, "key", reseller.key),
        "transfer-token": (
            f"/v1/customers/{customer['id']}/transfer-tokens",
            {"product_family": "total"},
            "token",
            api.admin_key,
        ),
    }[kind]
    idempotency_key = uuid.uuid4().hex
    headers = {"Idempotency-Key": idempotency_key}
    first = api.call("POST", path, key, json=body, headers=headers)
    assert first.status_code == 201, first.text
    secret = first.json()[field]
    assert secret

    row = stored_response(stack, idempotency_key)
    assert secret not in json.dumps(row, default=str)
    assert row["response_body"][field] is None

    replay = api.call("POST", path, key, json=body, headers=headers)
    assert replay.status_code == 201 and replay.headers["Idempotent-Replayed"] == "true"
    assert replay.headers["Idempotent-Withheld"] == field
    assert replay.json() == {**first.json(), field: None}
