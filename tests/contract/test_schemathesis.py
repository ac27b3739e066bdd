"""Property-based contract test of the whole public API (schemathesis over openapi/gateway.json).

Every operation is fuzzed through the running gateway with three callers — staff (the admin key), a
reseller and a customer of that reseller — with valid (positive) and invalid (negative) inputs, a
bounded number of examples each. It fails on any 5xx and on any answer the document does not
describe: an undocumented status code, another content type, or a body that does not match the
documented schema. The document is the committed one, which the gateway serves at /openapi.json.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import FailureGroup
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from libs.testing.api import Api
from services.gateway.routing import OPENAPI_FILE

EXAMPLES_PER_CALLER = 10  # per operation, mode and caller: ~60 s for the whole API on two cores
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]

SCHEMA = schemathesis.openapi.from_dict(json.loads(OPENAPI_FILE.read_text()))
OPERATIONS = {op.ok().label: op.ok() for op in SCHEMA.get_all_operations()}


@pytest.fixture(scope="module")
def keys(api: Api) -> dict[str, str]:
    reseller = api.onboard_reseller(wait_for_ordering=False)
    customer = api.call(
        "POST",
        "/v1/customers",
        reseller.key,
        json={"kind": "domain", "name": "Fuzz GmbH", "domain": f"fuzz-{uuid.uuid4().hex[:8]}.com"},
    )
    assert customer.status_code == 201, customer.text
    customer_key = api.call(
        "POST", f"/v1/customers/{customer.json()['id']}/api-keys", reseller.key, json={"name": "fuzz"}
    )
    assert customer_key.status_code == 201, customer_key.text
    return {"staff": api.admin_key, "reseller": reseller.key, "customer": customer_key.json()["key"]}


def _fuzz(operation: Any, mode: Any, key: str, base_url: str) -> list[str]:
    """Up to EXAMPLES_PER_CALLER generated calls as one caller; the contract violations found."""
    headers = {"Authorization": f"Bearer {key}"}
    failures: list[str] = []

    @settings(
        max_examples=EXAMPLES_PER_CALLER,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],  # no shrinking: the curl line is enough to reproduce
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=mode))
    def run(case: Any) -> None:
        response = case.call(base_url=base_url, headers=headers)
        try:
            case.validate_response(response, checks=CHECKS, headers=headers)
        except (AssertionError, FailureGroup) as exc:
            failures.append(f"{exc}\n  → {case.as_curl_command(headers)}")

    run()
    return failures


@pytest.mark.parametrize("label", sorted(OPERATIONS))
def test_operation_honours_its_documented_contract(label: str, api: Api, keys: dict[str, str]) -> None:
    base_url = str(api.client.base_url).rstrip("/")
    failures = [
        f"[{who}, {mode.value}] {failure}"
        for mode in (schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE)
        for who, key in keys.items()
        for failure in _fuzz(OPERATIONS[label], mode, key, base_url)
    ]
    assert not failures, f"{len(failures)} contract violations:\n" + "\n\n".join(failures[:5])
