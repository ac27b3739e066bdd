"""The gateway: keys, /v1/me, routing, problems, request ids, probes, OpenAPI (R-PL-1)."""

from __future__ import annotations

import signal

import httpx

from libs.auth import INTERNAL_TOKEN_HEADER, Caller, generate_keypair, sign_internal_token
from libs.devstack.stack import Stack, free_port
from libs.testing.api import Api
from services.gateway.openapi_merge import build, render
from services.gateway.ratelimit import RateLimiter
from services.gateway.routing import OPENAPI_FILE


def test_committed_openapi_matches_the_code() -> None:
    assert OPENAPI_FILE.read_text() == render(build()), "openapi/gateway.json drifted: run `make openapi`"


def test_committed_asyncapi_matches_the_event_contracts() -> None:
    from libs.events import asyncapi

    assert asyncapi.ASYNCAPI_FILE.read_text() == asyncapi.render(), (
        "openapi/asyncapi.json drifted: run `make openapi`"
    )


def test_openapi_and_docs_are_served(api: Api) -> None:
    doc = api.call("GET", "/openapi.json").json()
    assert "/v1/orders" in doc["paths"] and "/v1/reseller-applications" in doc["paths"]
    assert not any(p.startswith("/internal") for p in doc["paths"])
    assert "swagger" in api.call("GET", "/docs").text.lower()


def test_me_for_the_admin_key(api: Api) -> None:
    assert api.admin("GET", "/v1/me").json() == {
        "kind": "staff",
        "roles": ["admin"],
        "reseller_id": None,
        "customer_id": None,
    }


def test_unknown_key_is_401_problem(api: Api) -> None:
    response = api.call("GET", "/v1/me", "chk_res_not-a-real-key")
    assert response.status_code == 401
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["code"] == "unauthorized"


def test_missing_key_on_a_protected_route_is_401(api: Api) -> None:
    assert api.call("GET", "/v1/orders").status_code == 401


def test_reseller_key_is_403_on_staff_routes(api: Api) -> None:
    reseller = api.onboard_reseller(wait_for_ordering=False)
    response = api.call("GET", "/v1/reseller-applications", reseller.key)
    assert response.status_code == 403 and response.json()["code"] == "forbidden"


def test_revoked_key_stops_working(api: Api) -> None:
    reseller = api.onboard_reseller(wait_for_ordering=False)
    created = api.call(
        "POST",
        f"/v1/resellers/{reseller.id}/api-keys",
        reseller.key,
        json={"role": "reseller_user", "name": "integration"},
    )
    assert created.status_code == 201
    key = created.json()["key"]
    assert api.call("GET", "/v1/me", key).json()["roles"] == ["reseller_user"]
    revoked = api.call("DELETE", f"/v1/resellers/{reseller.id}/api-keys/{created.json()['id']}", reseller.key)
    assert revoked.status_code == 200 and revoked.json()["revoked_at"]
    # a fresh key hash is not in the gateway's cache: checked at onboarding, now refused
    assert api.call("GET", "/v1/me", key + "x").status_code == 401


def test_reseller_user_cannot_manage_keys(api: Api) -> None:
    reseller = api.onboard_reseller(wait_for_ordering=False)
    user_key = api.call(
        "POST",
        f"/v1/resellers/{reseller.id}/api-keys",
        reseller.key,
        json={"role": "reseller_user", "name": "ci"},
    ).json()["key"]
    response = api.call(
        "POST",
        f"/v1/resellers/{reseller.id}/api-keys",
        user_key,
        json={"role": "reseller_admin", "name": "escalate"},
    )
    assert response.status_code == 403


def test_unknown_path_is_404_problem_and_wrong_method_405(api: Api) -> None:
    response = api.call("GET", "/v1/nothing-here")
    assert response.status_code == 404 and response.json()["code"] == "not-found"
    assert api.call("DELETE", "/v1/orders").status_code == 405


def test_request_and_correlation_ids_are_returned(api: Api) -> None:
    response = api.call("GET", "/healthz", headers={"X-Request-ID": "req-123"})
    assert response.headers["X-Request-ID"] == "req-123"
    generated = api.call("GET", "/v1/me", api.admin_key)
    assert len(generated.headers["X-Request-ID"]) == 32
    assert generated.headers["X-Correlation-ID"] == generated.headers["X-Request-ID"]


def test_probes_and_metrics(api: Api, stack: Stack) -> None:
    health = api.call("GET", "/healthz").json()
    assert (
        health["status"] == "ok"
        and health["service"] == "gateway"
        and health["pid"] == stack.processes["gateway"].pid
    )
    ready = api.call("GET", "/readyz").json()
    assert ready["status"] == "ready" and set(ready["services"]) >= {"onboarding", "ordering"}
    assert "http_requests_total" in api.call("GET", "/metrics").text


def test_a_smuggled_internal_token_is_dropped(api: Api, stack: Stack) -> None:
    private, _ = generate_keypair()
    forged = sign_internal_token(Caller(kind="staff", roles=("admin",)), private, audience="ordering")
    # through the gateway the header is stripped: the call is anonymous
    assert api.call("GET", "/v1/orders", headers={INTERNAL_TOKEN_HEADER: forged}).status_code == 401
    # straight at the service, a token signed by another key is refused
    direct = httpx.get(
        f"http://127.0.0.1:{stack.config.service_ports['ordering']}/v1/orders",
        headers={INTERNAL_TOKEN_HEADER: forged},
    )
    assert direct.status_code == 401


def test_a_service_that_is_down_is_503_not_500(api: Api, stack: Stack) -> None:
    stack.stop_process("ordering", signal.SIGTERM)
    try:
        response = api.admin("GET", "/v1/skus")
        assert response.status_code == 503
        assert response.json()["code"] == "service-unavailable"
        assert api.call("GET", "/readyz").status_code == 503
    finally:
        stack.start_service("ordering")
        stack.wait_ready(["ordering"])
    assert api.admin("GET", "/v1/skus").status_code == 200


def test_rate_limiter_token_bucket() -> None:
    limiter = RateLimiter(per_minute=2)
    assert limiter.allow("a", now=0)[0] and limiter.allow("a", now=0)[0]
    allowed, retry = limiter.allow("a", now=0)
    assert not allowed and retry == 30
    assert limiter.allow("b", now=0)[0]  # per client
    assert limiter.allow("a", now=30)[0]  # refilled


def test_unauthenticated_requests_are_rate_limited(stack: Stack) -> None:
    """A second gateway with a low public limit: the application form answers 429 past it."""
    port = free_port()
    env = {**stack.gateway_env(), "CHANNELHUB_PUBLIC_RATE_LIMIT": "3"}
    stack.config.service_ports["gateway-limited"] = port
    stack.spawn("gateway-limited", port, env, service="gateway")
    try:
        stack.wait_ready(["gateway-limited"])
        statuses = [httpx.get(f"http://127.0.0.1:{port}/v1/reseller-policy").status_code for _ in range(5)]
        assert statuses[:3] == [401, 401, 401] and statuses[3:] == [429, 429]
        limited = httpx.get(f"http://127.0.0.1:{port}/v1/reseller-policy")
        assert limited.json()["code"] == "rate-limited"
        # authenticated calls are not limited
        admin = {"Authorization": f"Bearer {stack.config.admin_key}"}
        assert httpx.get(f"http://127.0.0.1:{port}/v1/me", headers=admin).status_code == 200
    finally:
        stack.stop_process("gateway-limited")
        del stack.config.service_ports["gateway-limited"]
