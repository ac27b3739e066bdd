"""Internal tokens per audience: every token is good for one service only, the gateway's key
resolution token for key resolution only, and service tokens for internal endpoints only."""

from __future__ import annotations

import uuid

import httpx
import pytest

from libs.apikeys import hash_api_key
from libs.auth import (
    INTERNAL_TOKEN_HEADER,
    KEY_RESOLUTION_SCOPE,
    SYSTEM,
    Caller,
    sign_internal_token,
    sign_service_token,
)
from libs.testing.api import Api, Reseller, assert_problem
from tools.devstack.stack import Stack

STAFF = Caller(kind="staff", roles=("admin",), key_id="test-staff")


def direct(
    stack: Stack, service: str, method: str, path: str, token: str, **kwargs: object
) -> httpx.Response:
    """Straight at a service (the gateway strips any internal token a client sends)."""
    return httpx.request(
        method,
        f"http://127.0.0.1:{stack.port_of(service)}{path}",
        headers={INTERNAL_TOKEN_HEADER: token},
        timeout=10,
        **kwargs,  # type: ignore[arg-type]
    )


@pytest.fixture(scope="module")
def reseller(api: Api) -> Reseller:
    return api.onboard_reseller(wait_for_ordering=False)


def public_routes(reseller: Reseller) -> list[tuple[str, str, str]]:
    """A sample of authenticated public routes of each service: (service, method, path)."""
    return [
        ("onboarding", "GET", "/v1/customers"),
        ("onboarding", "GET", f"/v1/resellers/{reseller.id}"),
        ("onboarding", "GET", "/v1/reseller-applications"),
        ("ordering", "GET", "/v1/orders"),
        ("ordering", "GET", "/v1/orders/eligibility"),
        ("ordering", "GET", "/v1/subscriptions"),
    ]


def test_a_token_minted_for_onboarding_is_refused_by_ordering(stack: Stack) -> None:
    for_onboarding = sign_internal_token(STAFF, stack.private_key, audience="onboarding")
    assert direct(stack, "onboarding", "GET", "/v1/customers", for_onboarding).status_code == 200
    assert_problem(direct(stack, "ordering", "GET", "/v1/orders", for_onboarding), 401, "unauthorized")
    for_ordering = sign_internal_token(STAFF, stack.private_key, audience="ordering")
    assert direct(stack, "ordering", "GET", "/v1/orders", for_ordering).status_code == 200
    assert_problem(direct(stack, "onboarding", "GET", "/v1/customers", for_ordering), 401, "unauthorized")


def test_the_gateway_key_resolution_token_is_accepted_by_key_resolution_only(
    stack: Stack, api: Api, reseller: Reseller
) -> None:
    token = sign_internal_token(SYSTEM, stack.private_key, audience="onboarding", scope=KEY_RESOLUTION_SCOPE)
    resolved = direct(
        stack,
        "onboarding",
        "POST",
        "/internal/api-keys/resolve",
        token,
        json={"key_hash": hash_api_key(reseller.key)},
    )
    assert resolved.status_code == 200 and resolved.json()["reseller_id"] == reseller.id
    for service, method, path in public_routes(reseller):
        scoped = sign_internal_token(SYSTEM, stack.private_key, audience=service, scope=KEY_RESOLUTION_SCOPE)
        assert_problem(direct(stack, service, method, path, scoped), 401)
    assert_problem(direct(stack, "onboarding", "GET", f"/internal/resellers/{reseller.id}", token), 401)
    # without its scope, a gateway system token opens nothing either
    unscoped = sign_internal_token(SYSTEM, stack.private_key, audience="onboarding")
    resolve = {"key_hash": hash_api_key(reseller.key)}
    assert_problem(
        direct(stack, "onboarding", "POST", "/internal/api-keys/resolve", unscoped, json=resolve), 401
    )
    assert_problem(direct(stack, "onboarding", "GET", "/v1/customers", unscoped), 401)


def test_a_service_token_is_refused_by_public_routes(stack: Stack, reseller: Reseller) -> None:
    for service, method, path in public_routes(reseller):
        token = sign_service_token("ordering", stack.service_keys["ordering"][0], audience=service)
        assert_problem(direct(stack, service, method, path, token), 401)


def test_internal_endpoints_refuse_partner_tokens_and_unlisted_services(
    stack: Stack, api: Api, reseller: Reseller
) -> None:
    path = f"/internal/resellers/{reseller.id}"
    ordering = sign_service_token("ordering", stack.service_keys["ordering"][0], audience="onboarding")
    snapshot = direct(stack, "onboarding", "GET", path, ordering)
    assert snapshot.status_code == 200 and snapshot.json()["reseller_id"] == reseller.id
    assert_problem(direct(stack, "onboarding", "GET", f"/internal/resellers/{uuid.uuid4()}", ordering), 404)

    partner = Caller(kind="reseller", roles=("reseller_admin",), reseller_id=uuid.UUID(reseller.id))
    for caller in (partner, STAFF):
        token = sign_internal_token(caller, stack.private_key, audience="onboarding")
        assert_problem(direct(stack, "onboarding", "GET", path, token), 401)
    # a service token for another audience, or from a service not listed, is refused too
    for_ordering = sign_service_token("ordering", stack.service_keys["ordering"][0], audience="ordering")
    assert_problem(direct(stack, "onboarding", "GET", path, for_ordering), 401)
    unlisted = sign_service_token("reports", stack.service_keys["reports"][0], audience="onboarding")
    assert_problem(direct(stack, "onboarding", "GET", path, unlisted), 403)
    # a service signing a token that names another service (billing's key, "ordering" inside) is
    # refused: each token is checked with the public key of the service it names
    forged = sign_service_token("ordering", stack.service_keys["billing"][0], audience="onboarding")
    assert_problem(direct(stack, "onboarding", "GET", path, forged), 401)
    # and the gateway does not route internal endpoints at all
    assert_problem(api.call("GET", path, reseller.key), 404)
