"""Property-based contract test of the whole public API: schemathesis over openapi/gateway.json with
every check (`--checks all`), run as its CLI runs it, once per caller.

Three callers — staff (the admin key), a reseller and a customer of another reseller — each get the
examples, coverage, fuzzing and stateful phases through the running gateway: positive and negative
inputs, undeclared methods, requests without the key or with a wrong one, schema-valid requests that
must be accepted, responses that must match the document (status, content type, headers, body).
Staff go over every operation; the reseller and the customer over the operations their role may
call (`libs.permissions`): on the others every case is the same 403 or 404, which
`test_role_matrix.py` proves for each role and operation in a fraction of the time. The coverage
phase (the schema's boundary values, most of a run's time) goes over each operation once, with the
first of staff, reseller and customer that may call it: validation answers the same whoever is
allowed, and the examples, fuzzing and stateful phases still check every caller's own answers.
Any failure of any class fails the test, with schemathesis's own report (each failure with the curl
line that reproduces it). A check that is tuned or skipped for an operation is in
`tests/contract/schemathesis.toml`, each with its reason in `tests/contract/README.md`.

The run is deterministic (`--generation-deterministic`, no shrinking) and bounded
(`EXAMPLES_PER_OPERATION`), so it is never flaky and its time stays small.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from libs.permissions import ADMIN, CUSTOMER, RESELLER_ADMIN, rule_for
from libs.testing.api import Api
from services.gateway.routing import OPENAPI_FILE
from tools.devstack.stack import Stack, StackConfig

HERE = Path(__file__).resolve().parent
CONFIG = HERE / "schemathesis.toml"
EXAMPLES_PER_OPERATION = 2  # per phase that generates: with every check, ~1 min a caller on two cores
PHASES = "examples,coverage,fuzzing,stateful"


def _schemathesis() -> str:
    beside = Path(sys.executable).with_name("schemathesis")
    found = str(beside) if beside.exists() else shutil.which("schemathesis")
    assert found, "schemathesis is a dev dependency: make venv"
    return found


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """A stack of its own: the staff run's fuzzing and stateful phases create, change and delete
    whatever an admin key may (policies, catalog, resellers, jobs run on any day), which the other
    tests' shared stack must never see."""
    own = Stack(StackConfig.for_tests(tmp_path_factory.mktemp("schemathesis-stack")))
    own.start()
    try:
        yield own
    finally:
        own.stop()


@pytest.fixture(scope="module")
def api(stack: Stack) -> Iterator[Api]:
    with httpx.Client(base_url=stack.gateway_url, timeout=30) as client:
        yield Api(client, admin_key=stack.config.admin_key)


@pytest.fixture(scope="module")
def keys(api: Api) -> dict[str, str]:
    """The customer belongs to another reseller than the one fuzzed: the two runs go at once, and
    tenant isolation (R-PL-5) keeps either from changing what the other sees."""
    fuzzed, owner = (
        api.onboard_reseller(wait_for_ordering=False),
        api.onboard_reseller(wait_for_ordering=False),
    )
    customer_key = api.customer_key(owner.key, api.create_customer(owner.key, "Fuzz GmbH"), name="fuzz")
    return {"staff": api.admin_key, "reseller": fuzzed.key, "customer": customer_key}


def operations_of(role: str) -> list[str]:
    """The documented operations `role` may call, as schemathesis names them ("POST /v1/orders")."""
    document = json.loads(OPENAPI_FILE.read_text())
    return [
        f"{method.upper()} {path}"
        for path, operations in document["paths"].items()
        for method, operation in operations.items()
        if rule_for(method.upper(), path, operation.get("x-channelhub-service")).answer(role) == 200
    ]


def coverage_operations_of(role: str) -> list[str]:
    """The operations whose coverage phase runs with `role`: those no earlier caller may call."""
    earlier = {RESELLER_ADMIN: (ADMIN,), CUSTOMER: (ADMIN, RESELLER_ADMIN)}[role]
    covered = {name for other in earlier for name in operations_of(other)}
    return [name for name in operations_of(role) if name not in covered]


def _start(
    caller: str,
    key: str,
    base_url: str,
    report_dir: Path,
    only: list[str] | None = None,
    phases: str = PHASES,
) -> subprocess.Popen[str]:
    report_dir.mkdir()
    command = [
        _schemathesis(),
        "--no-color",
        "--config-file",
        str(CONFIG),
        "run",
        str(OPENAPI_FILE),
        "--url",
        base_url,
        "--header",
        f"Authorization: Bearer {key}",
        "--checks",
        "all",
        "--phases",
        phases,
        "--max-examples",
        str(EXAMPLES_PER_OPERATION),
        "--generation-deterministic",
        "--no-shrink",
        "--workers",
        "1",
        "--report",
        "junit",
        "--report-dir",
        str(report_dir),
        *(arg for name in only or () for arg in ("--include-name", name)),
    ]
    return subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=report_dir
    )


def _assert_clean(runs: dict[str, subprocess.Popen[str]]) -> None:
    try:
        reports = {caller: run.communicate(timeout=600)[0] for caller, run in runs.items()}
    finally:
        for run in runs.values():
            if run.poll() is None:
                run.kill()
    failed = {caller: run.returncode for caller, run in runs.items() if run.returncode != 0}
    assert not failed, "\n\n".join(
        f"schemathesis as {caller} failed (exit {code}):\n{reports[caller][-20000:]}"
        for caller, code in failed.items()
    )


def test_every_operation_passes_every_schemathesis_check_as_staff(
    api: Api, keys: dict[str, str], tmp_path: Path
) -> None:
    # alone: an admin key may change what every tenant sees (policies, catalog, resellers)
    base_url = str(api.client.base_url).rstrip("/")
    _assert_clean({"staff": _start("staff", keys["staff"], base_url, tmp_path / "staff")})


def test_every_operation_passes_every_schemathesis_check_as_a_reseller_and_a_customer(
    api: Api, keys: dict[str, str], tmp_path: Path
) -> None:
    base_url = str(api.client.base_url).rstrip("/")
    roles = {"reseller": RESELLER_ADMIN, "customer": CUSTOMER}  # the approval's key; a customer's key
    me = {caller: api.call("GET", "/v1/me", keys[caller]).json() for caller in roles}
    assert me["reseller"]["kind"] == "reseller" and RESELLER_ADMIN in me["reseller"]["roles"], me
    assert me["customer"]["kind"] == "customer", me
    runs = {
        caller: _start(
            caller,
            keys[caller],
            base_url,
            tmp_path / caller,
            operations_of(role),
            phases=PHASES.replace("coverage,", ""),
        )
        for caller, role in roles.items()
    }
    for caller, role in roles.items():
        if only := coverage_operations_of(role):
            runs[f"{caller} (coverage)"] = _start(
                caller, keys[caller], base_url, tmp_path / f"{caller}-coverage", only, phases="coverage"
            )
    _assert_clean(runs)


def test_the_reseller_and_customer_runs_cover_what_their_roles_may_call() -> None:
    reseller, customer = operations_of(RESELLER_ADMIN), operations_of(CUSTOMER)
    assert "POST /v1/orders" in reseller and "GET /v1/license-signing-keys" in customer
    assert "POST /v1/staff-keys" not in reseller and "POST /v1/orders" not in customer
    assert len(operations_of(ADMIN)) > len(reseller) > len(customer) > 10
    # every operation a role may call gets its coverage phase from one caller
    coverage = set(operations_of(ADMIN))
    for role in (RESELLER_ADMIN, CUSTOMER):
        coverage |= set(coverage_operations_of(role))
        assert set(operations_of(role)) <= coverage
    assert "POST /v1/orders" in coverage_operations_of(RESELLER_ADMIN)
