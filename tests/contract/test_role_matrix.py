"""The role matrix (R-PL-5), derived from the permission table (`libs.permissions`): every operation of
`openapi/gateway.json` is called through the gateway with a key of every role — `admin`,
`credit_officer`, `billing` (staff keys), `reseller_admin`, `reseller_user` (one reseller's keys) and
`customer` (a key of that reseller's customer), and without a key — and answers 403 (or 404 where
the table hides the operation from the role; 401 without a key) exactly where the table refuses the
role, and neither 401 nor 403 where it lets the role through.

Ids in paths exist nowhere and bodies are empty: a call the table lets through is then refused by
validation (422) or finds nothing (404) and changes nothing, while the table's refusal comes first,
before the body or the ids are looked at. The table itself is the one the services enforce, so this
test fails when a route's own guard (a `Staff` or `CurrentReseller` dependency, a use case's check)
disagrees with it.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest

from libs import permissions
from libs.testing.api import Api
from services.gateway.routing import OPENAPI_FILE

DOCUMENT = json.loads(OPENAPI_FILE.read_text())
OPERATIONS = [
    (method.upper(), path, op)
    for path, operations in DOCUMENT["paths"].items()
    for method, op in operations.items()
]


def _nowhere(path: str, op: dict[str, Any]) -> str:
    """The path with every parameter filled by a value no object has (of the parameter's type)."""
    for p in op.get("parameters", []):
        if p["in"] != "path":
            continue
        schema = p.get("schema", {})
        if schema.get("type") == "integer":
            value = "987654321"
        elif schema.get("format") == "uuid":
            value = str(uuid.uuid4())
        else:
            value = f"nowhere-{uuid.uuid4().hex[:8]}"
        path = path.replace("{" + p["name"] + "}", value)
    return path


@pytest.fixture(scope="module")
def keys(api: Api) -> dict[str, str]:
    """One key of every role of the table."""
    reseller = api.onboard_reseller(wait_for_ordering=False)
    customer_key = api.customer_key(reseller.key, api.create_customer(reseller.key, "Matrix GmbH"))
    return {
        "admin": api.admin_key,
        "credit_officer": api.staff_key("credit_officer"),
        "billing": api.staff_key("billing"),
        "reseller_admin": reseller.key,  # an approved reseller's first key
        "reseller_user": api.reseller_key(reseller, "reseller_user"),
        "customer": customer_key,
    }


def test_r_pl_5_every_role_has_a_key_in_the_matrix(keys: dict[str, str]) -> None:
    assert set(keys) == set(permissions.ROLES)


@pytest.mark.parametrize(("method", "path", "op"), OPERATIONS, ids=[f"{m} {p}" for m, p, _ in OPERATIONS])
def test_r_pl_5_every_role_gets_exactly_what_the_table_says(
    method: str, path: str, op: dict[str, Any], api: Api, keys: dict[str, str]
) -> None:
    rule = permissions.rule_for(method, path, op.get("x-channelhub-service"))
    assert op["x-channelhub-roles"] == [
        r for r in (*permissions.ROLES, permissions.ANONYMOUS) if r in rule.allowed
    ], "openapi/gateway.json is older than the permission table: run `make openapi`"
    wrong: list[str] = []
    callers: dict[str, str | None] = {**keys, permissions.ANONYMOUS: None}
    for role, key in callers.items():
        expected = rule.answer(role)
        body = {"json": {}} if method in ("POST", "PUT", "PATCH") else {}
        response = api.call(method, _nowhere(path, op), key, **body)
        got = response.status_code
        if expected in (401, 403, 404):
            ok = got == expected and response.headers.get("content-type", "").startswith(
                "application/problem+json"
            )
        else:
            ok = got not in (401, 403) and got < 500
        if not ok:
            wrong.append(
                f"{role}: expected {'allowed' if expected == 200 else expected}, got {got} {response.text[:200]}"
            )
    assert not wrong, f"{method} {path}:\n  " + "\n  ".join(wrong)
