"""The permission table (R-PL-5) covers every operation, and the README prints it as it is."""

from __future__ import annotations

import json
from pathlib import Path

from libs import permissions
from services.gateway.routing import OPENAPI_FILE

README = Path(__file__).resolve().parents[2] / "README.md"
DOCUMENT = json.loads(OPENAPI_FILE.read_text())
OPERATIONS = [
    (method.upper(), path, op.get("x-channelhub-service"))
    for path, operations in DOCUMENT["paths"].items()
    for method, op in operations.items()
]


def test_r_pl_5_every_operation_is_in_the_permission_table() -> None:
    missing = [f"{m} {p}" for m, p, service in OPERATIONS if not permissions.is_declared(m, p, service)]
    assert not missing, (
        f"add these operations to libs/permissions.py (they answer 403 to everyone): {missing}"
    )


def test_r_pl_5_the_readme_prints_the_permission_table() -> None:
    table = permissions.markdown(OPERATIONS)
    assert table in README.read_text(), (
        "README.md's permission table is not the one in libs/permissions.py: "
        "paste the output of `python -m tools.permissions` into it"
    )


def test_r_pl_5_a_role_outside_the_table_is_refused() -> None:
    rule = permissions.rule_for("POST", "/v1/nowhere")
    assert {rule.answer(role) for role in permissions.ROLES} == {403}
    assert rule.answer(permissions.ANONYMOUS) == 401
    billing = permissions.rule_for("GET", "/v1/payments")
    assert billing.answer("customer") == 404 and billing.answer("reseller_user") == 200
    # R-BI-6: the end customer reads the WaaS invoices it owes (scoped to its own by the use case)
    assert permissions.rule_for("GET", "/v1/invoices").answer("customer") == 200
    # generic operations routes: every service's, by its name; billing's jobs are the billing role's
    assert permissions.rule_for("POST", "/v1/ops/leasing/outbox/republish", "leasing").allowed == {"admin"}
    assert permissions.rule_for("POST", "/v1/billing/jobs/{name}/run", "billing").answer("billing") == 200
    assert permissions.rule_for("POST", "/v1/leasing/jobs/{name}/run", "leasing").answer("billing") == 403
