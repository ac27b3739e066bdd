"""The gateway: keys, /v1/me, routing, problems, request ids, probes, OpenAPI (R-PL-1)."""

from __future__ import annotations

import secrets
import signal

import httpx
from fastapi import FastAPI
from fastapi.testclient import TestClient

from libs.auth import INTERNAL_TOKEN_HEADER, Caller, generate_keypair, sign_internal_token
from libs.settings import Settings
from libs.testing.api import Api, assert_problem
from services.gateway.openapi_merge import build, render
from services.gateway.ratelimit import RateLimiter
from services.gateway.routing import OPENAPI_FILE
from tools.devstack.stack import Stack, free_port


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
    page = api.call("GET", "/docs")
    assert "swagger" in page.text.lower()
    # R-PL-5: the reference page loads its code from this gateway only, under a strict policy
    policy = page.headers["content-security-policy"]
    assert (
        "script-src 'self'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    )
    assert "cdn" not in page.text.lower() and "https://" not in page.text
    for name in ("swagger-ui-bundle.js", "swagger-ui.css", "start.js"):
        asset = api.call("GET", f"/docs/assets/{name}")
        assert asset.status_code == 200 and asset.content, name
    assert api.call("GET", "/docs/assets/..%2F..%2Fapp.py").status_code == 404


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
    wrong = api.call("DELETE", "/v1/orders")
    assert wrong.status_code == 405 and wrong.json()["code"] == "method-not-allowed"
    assert wrong.headers["Allow"] == "GET, POST"
    # every undeclared method, the gateway's own operations too, without a key as with one
    for method in ("PUT", "PATCH", "OPTIONS", "TRACE"):
        answer = api.call(method, "/v1/orders/00000000-0000-0000-0000-000000000000")
        assert answer.status_code == 405 and answer.headers["Allow"] == "GET", method
    assert api.call("PUT", "/v1/me", api.admin_key).headers["Allow"] == "GET"
    # a static path alone decides: `import` is not a customer id of `/v1/customers/{customer_id}`
    imported = api.call("PATCH", "/v1/customers/import", api.admin_key, json={"name": "x"})
    assert imported.status_code == 405 and imported.headers["Allow"] == "POST", imported.text


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
    """A second gateway with a low public limit: a public operation answers 429 past it; one that
    needs a key still answers 401 without one (authentication is decided before the limit)."""
    port = free_port()
    env = {**stack.gateway_env(), "CHANNELHUB_PUBLIC_RATE_LIMIT": "3"}
    stack.config.service_ports["gateway-limited"] = port
    stack.spawn("gateway-limited", port, env, service="gateway")
    try:
        stack.wait_ready(["gateway-limited"])
        public = f"http://127.0.0.1:{port}/v1/webhook-event-types"  # security: [] — no key needed
        statuses = [httpx.get(public).status_code for _ in range(5)]
        assert statuses[:3] == [200, 200, 200] and statuses[3:] == [429, 429]
        limited = httpx.get(public)
        assert limited.json()["code"] == "rate-limited" and int(limited.headers["Retry-After"]) >= 1
        # an operation that needs a key is 401 without one, decided before the anonymous limit
        refused = httpx.get(f"http://127.0.0.1:{port}/v1/reseller-policy")
        assert refused.status_code == 401 and refused.json()["code"] == "unauthorized"
        # authenticated calls are not limited
        admin = {"Authorization": f"Bearer {stack.config.admin_key}"}
        assert httpx.get(f"http://127.0.0.1:{port}/v1/me", headers=admin).status_code == 200
    finally:
        stack.stop_process("gateway-limited")
        del stack.config.service_ports["gateway-limited"]


def _gateway_in_process(stack: Stack, **overrides: str) -> FastAPI:
    """A second gateway in this process in front of the running services (its own limits)."""
    from services.gateway.app import create_app

    env = {
        "CHANNELHUB_SERVICE": "gateway",
        "CHANNELHUB_INTERNAL_PRIVATE_KEY": stack.private_key,
        "CHANNELHUB_ADMIN_KEY": stack.config.admin_key,
        "CHANNELHUB_SERVICE_URLS": stack.listen_urls(),
        "LOG_JSON": "false",
        **overrides,
    }
    return create_app(Settings(**env))  # type: ignore[arg-type]


def test_r_pl_5_ten_bad_keys_from_one_address_lock_out_no_valid_key(api: Api, stack: Stack) -> None:
    reseller = api.onboard_reseller(wait_for_ordering=False)
    fresh = api.reseller_key(reseller, "reseller_user")  # never seen by this gateway
    app = _gateway_in_process(
        stack, CHANNELHUB_FAILED_AUTH_RATE_LIMIT="10", CHANNELHUB_TRUSTED_PROXIES="10.0.0.0/8"
    )
    # every client comes through the ingress (10.1.2.3); the attacker is 198.51.100.7 behind it
    with TestClient(app, client=("10.1.2.3", 40000)) as gateway:

        def me(key: str, client: str) -> int:
            headers = {"Authorization": f"Bearer {key}", "X-Forwarded-For": client}
            return gateway.get("/v1/me", headers=headers).status_code

        attacker = "198.51.100.7"
        bad = [f"chk_res_{secrets.token_urlsafe(32)}" for _ in range(10)]
        assert [me(key, attacker) for key in bad] == [401] * 10
        assert me(f"chk_res_{secrets.token_urlsafe(32)}", attacker) == 429  # its failures are throttled
        # a key not even shaped like one is refused without a lookup: 401, never counted or throttled
        assert me("nonsense", attacker) == 401
        # ... but a valid key from the very same address works, and so does the admin key
        assert me(fresh, attacker) == 200
        assert me(stack.config.admin_key, attacker) == 200
        # another partner behind the same ingress is not throttled at all
        assert me("chk_res_" + secrets.token_urlsafe(32), "198.51.100.8") == 401
        # the attacker cannot pass for someone else: the ingress appends the real address
        assert me(f"chk_res_{secrets.token_urlsafe(32)}", "198.51.100.8, " + attacker) == 429


def test_r_pl_5_readyz_and_metrics_are_not_served_to_the_public(api: Api) -> None:
    # an operator's probe connects directly from inside: served
    assert api.call("GET", "/readyz").status_code == 200
    assert "http_requests_total" in api.call("GET", "/metrics").text
    # through the ingress (forwarding headers) or from outside: nothing here without a staff key
    public = {"X-Forwarded-For": "203.0.113.9"}
    for path in ("/readyz", "/metrics"):
        assert_problem(api.call("GET", path, headers=public), 404)
        reseller_key = api.onboard_reseller(wait_for_ordering=False, accept_policy=False).key
        assert_problem(api.call("GET", path, reseller_key, headers=public), 404)
        assert api.call("GET", path, api.admin_key, headers=public).status_code == 200
