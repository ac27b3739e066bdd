"""Hostile input at the gateway is a clear 4xx problem, never a 500, and is stopped early:
paths, cursors, out-of-range ids, oversized (chunked) bodies, key guessing, forwarding headers."""

from __future__ import annotations

import base64
import json
import re
import secrets
import uuid
from collections.abc import Iterator

import httpx
import pytest
from starlette.requests import Request

from libs.params import MAX_INT64
from libs.testing.api import Api, assert_problem
from services.gateway.app import MAX_BODY_BYTES
from services.gateway.proxy import upstream_headers
from services.gateway.ratelimit import RateLimiter
from services.gateway.routing import OPENAPI_FILE
from tools.devstack.stack import Stack, free_port

LISTS = [
    "/v1/orders",
    "/v1/subscriptions",
    "/v1/skus",
    "/v1/products",
    "/v1/customers",
    "/v1/reseller-applications",
]


def cursor_of(value: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")


@pytest.mark.parametrize("path", ["/v1/skus/%0Cx", "/v1/skus/a%00b", "/v1/orders/%FF%FE", "/v1/skus/%7F"])
def test_control_characters_or_invalid_utf8_in_a_path_are_400_not_500(api: Api, path: str) -> None:
    assert_problem(api.admin("GET", path), 400, "invalid-path")


@pytest.mark.parametrize(
    "cursor",
    [
        cursor_of(["2024-01-01T00:00:00+00:00", str(uuid.uuid4())]),  # the old base64 JSON shape
        "1704067200000000-" + "0" * 31,  # one hex digit short
        "1704067200000000-" + uuid.uuid4().hex.upper(),  # upper-case hex
        "-1-" + "0" * 32,  # before 1970
        "1" * 17 + "-" + "0" * 32,  # beyond the year 2286
        "1704067200000000-" + "0" * 32 + "\n",
    ],
)
def test_a_cursor_off_the_documented_pattern_is_400_invalid_cursor_on_every_list(
    api: Api, cursor: str
) -> None:
    for path in LISTS:
        assert_problem(api.admin("GET", path, params={"cursor": cursor}), 400, "invalid-cursor")


@pytest.mark.parametrize(
    "cursor", ["0-" + "0" * 32, "9" * 16 + "-" + "f" * 32, "1704067200000000-" + "0" * 32]
)
def test_every_cursor_matching_the_documented_pattern_answers_a_page(api: Api, cursor: str) -> None:
    """A position before everything, after everything, or in between: a page, never a 400."""
    for path in [*LISTS, "/v1/webhook-endpoints", "/v1/payments"]:
        page = api.admin("GET", path, params={"cursor": cursor})
        assert page.status_code == 200, (path, page.text)
        assert isinstance(page.json()["data"], list)


def test_an_integer_id_beyond_int64_is_422_not_500(api: Api) -> None:
    for service in ("onboarding", "ordering"):
        response = api.admin("POST", f"/v1/ops/{service}/failed-events/75998537447958052864/redrive")
        assert_problem(response, 422, "validation-error")


def test_every_integer_path_parameter_is_bounded_to_int64() -> None:
    """The general rule behind the previous test: new routes use `libs.params.IntId` (or declare
    the bound themselves), so no integer from a path can overflow PostgreSQL's bigint."""
    document = json.loads(OPENAPI_FILE.read_text())
    unbounded = [
        f"{method.upper()} {path} {{{param['name']}}}"
        for path, operations in document["paths"].items()
        for method, op in operations.items()
        for param in op.get("parameters", [])
        if param["in"] == "path"
        and param["schema"].get("type") == "integer"
        and not (param["schema"].get("maximum", MAX_INT64 + 1) <= MAX_INT64 and "minimum" in param["schema"])
    ]
    assert not unbounded, f"integer path parameters without int64 bounds (use libs.params.IntId): {unbounded}"


def test_a_nul_character_in_a_text_is_422_not_500(api: Api) -> None:
    response = api.admin(
        "POST", "/v1/products", json={"code": f"p-{uuid.uuid4().hex[:8]}", "name": "a\u0000b"}
    )
    assert_problem(response, 422, "invalid-value")


def test_a_chunked_body_over_the_limit_is_413_while_it_is_read(api: Api) -> None:
    chunk = b"x" * (1024 * 1024)

    def body() -> Iterator[bytes]:  # no Content-Length: sent chunked
        for _ in range(MAX_BODY_BYTES // len(chunk) + 2):
            yield chunk

    response = api.admin("POST", "/v1/skus", content=body(), headers={"Content-Type": "application/json"})
    assert_problem(response, 413, "payload-too-large")


def test_a_declared_body_over_the_limit_is_413(api: Api) -> None:
    response = api.admin("POST", "/v1/skus", content=b"x" * (MAX_BODY_BYTES + 1))
    assert_problem(response, 413, "payload-too-large")


def request_with(headers: list[tuple[str, str]]) -> Request:
    return Request(
        {
            "type": "http",
            "method": "GET",
            "path": "/v1/orders",
            "headers": [(k.lower().encode(), v.encode()) for k, v in headers],
            "client": ("203.0.113.7", 50000),
        }
    )


def test_forwarding_claims_proxy_credentials_and_connection_named_headers_are_not_forwarded() -> None:
    forwarded = upstream_headers(
        request_with(
            [
                ("X-Forwarded-For", "10.0.0.1"),
                ("Forwarded", "for=10.0.0.1"),
                ("Proxy-Authorization", "Basic c2VjcmV0"),
                ("Connection", "keep-alive, X-Secret-Hop"),
                ("X-Secret-Hop", "do not pass"),
                ("Authorization", "Bearer chk_res_x"),
                ("Accept-Language", "nl"),
            ]
        )
    )
    names = {k.lower(): v for k, v in forwarded.items()}
    assert names["x-forwarded-for"] == "203.0.113.7"  # the address the gateway saw, only that
    assert list(k.lower() for k in forwarded).count("x-forwarded-for") == 1
    for dropped in ("forwarded", "proxy-authorization", "connection", "x-secret-hop", "authorization"):
        assert dropped not in names
    assert names["accept-language"] == "nl"


def test_rate_limiter_evicts_the_least_recently_seen_client_not_everyone() -> None:
    limiter = RateLimiter(per_minute=1, max_clients=2)
    assert limiter.allow("a", now=0)[0] and limiter.allow("b", now=0)[0]
    assert not limiter.allow("a", now=1)[0]  # a is now the most recently seen; b the least
    assert limiter.allow("c", now=1)[0]  # full: b is evicted, a keeps its (empty) bucket
    assert not limiter.allow("a", now=2)[0]
    assert limiter.allow("b", now=2)[0]  # b starts anew (evicting c)


def test_rate_limiter_gives_back_a_token() -> None:
    limiter = RateLimiter(per_minute=1)
    assert limiter.allow("a", now=0)[0]
    limiter.give_back("a")
    assert limiter.allow("a", now=0)[0]


def resolve_calls(stack: Stack) -> float:
    """How many key lookups onboarding has answered (its own request counter)."""
    metrics = httpx.get(f"http://127.0.0.1:{stack.port_of('onboarding')}/metrics").text
    pattern = r'http_requests_total\{method="POST",route="/internal/api-keys/resolve",status="\d+"\} (\S+)'
    return sum(float(v) for v in re.findall(pattern, metrics))


def test_key_guessing_and_busy_keys_get_429_with_retry_after(api: Api, stack: Stack) -> None:
    """A second gateway with low limits: an address's failed key lookups and one key's calls are
    limited, both answered 429 with Retry-After; what is not shaped like a key is 401 without a
    lookup (authentication first: it is never counted, so never 429)."""
    reseller = api.onboard_reseller(wait_for_ordering=False)
    port = free_port()
    env = {
        **stack.gateway_env(),
        "CHANNELHUB_FAILED_AUTH_RATE_LIMIT": "3",
        "CHANNELHUB_KEY_RATE_LIMIT": "4",
        "CHANNELHUB_API_KEY_CACHE_SECONDS": "60",
    }
    stack.config.service_ports["gateway-limits"] = port
    stack.spawn("gateway-limits", port, env, service="gateway")
    try:
        stack.wait_ready(["gateway-limits"])
        base = f"http://127.0.0.1:{port}"

        def me(key: str) -> httpx.Response:
            return httpx.get(f"{base}/v1/me", headers={"Authorization": f"Bearer {key}"})

        statuses = [me(reseller.key).status_code for _ in range(5)]
        assert statuses[:4] == [200] * 4
        limited = me(reseller.key)
        assert_problem(limited, 429, "rate-limited")
        assert int(limited.headers["Retry-After"]) >= 1

        guesses = [me(f"chk_res_{secrets.token_urlsafe(32)}") for _ in range(3)]
        assert [r.status_code for r in guesses] == [401, 401, 401]
        refused = me(f"chk_res_{secrets.token_urlsafe(32)}")
        assert_problem(refused, 429, "rate-limited")
        assert int(refused.headers["Retry-After"]) >= 1
        # a key not even shaped like one: 401 without asking onboarding, never counted or throttled
        asked = resolve_calls(stack)
        assert_problem(me("chk_res_guess-3"), 401, "unauthorized")
        assert resolve_calls(stack) == asked
    finally:
        stack.stop_process("gateway-limits")
        del stack.config.service_ports["gateway-limits"]
