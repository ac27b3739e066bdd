"""The SDK's client helpers: retries on 429/503 honouring `Retry-After` (seconds or an HTTP date),
only for requests safe to repeat; an `Idempotency-Key` on every POST, the same on its retries;
cursor iteration over the generated list operations; `unwrap` raising the problem's code.

The wire under the retrying transport is httpx's MockTransport: what is under test is the SDK's
decision what to send again and when (the real suite is driven in tests/e2e)."""

from __future__ import annotations

import io
import json
import uuid
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest
from channelhub_sdk import ApiError, RetryTransport, connect, idempotency_key, iterate, unwrap
from channelhub_sdk.client import retry_after_seconds
from channelhub_sdk.generated.api.catalog import products_list
from channelhub_sdk.generated.api.onboarding import resellers_get

PROBLEM = {"type": "about:blank", "title": "Too many requests", "status": 429, "code": "rate-limited"}


class Wire:
    """Answers in order, records every request."""

    def __init__(self, *answers: httpx.Response) -> None:
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self.answers.pop(0)


def client_over(wire: Wire, slept: list[float], **options: float) -> httpx.Client:
    transport = RetryTransport(httpx.MockTransport(wire), sleep=slept.append, **options)  # type: ignore[arg-type]
    return httpx.Client(base_url="http://hub.test", transport=transport)


def test_a_429_is_retried_after_its_retry_after_seconds() -> None:
    wire, slept = (
        Wire(httpx.Response(429, headers={"Retry-After": "2"}, json=PROBLEM), httpx.Response(200)),
        [],
    )
    with client_over(wire, slept) as http:
        assert http.get("/v1/orders").status_code == 200
    assert slept == [2.0] and len(wire.requests) == 2


def test_a_503_naming_an_http_date_waits_until_then_capped_by_max_retry_delay() -> None:
    in_90_s = format_datetime(datetime.now(UTC) + timedelta(seconds=90), usegmt=True)
    assert 85 <= (retry_after_seconds(in_90_s) or 0) <= 90
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past: at once
    assert retry_after_seconds("soon") is None and retry_after_seconds(None) is None
    wire, slept = Wire(httpx.Response(503, headers={"Retry-After": in_90_s}), httpx.Response(200)), []
    with client_over(wire, slept, max_retry_delay=30) as http:
        assert http.get("/v1/orders").status_code == 200
    assert slept == [30]


def test_without_retry_after_it_backs_off_and_gives_up_after_max_retries() -> None:
    wire, slept = Wire(*(httpx.Response(503) for _ in range(4))), []
    with client_over(wire, slept, max_retries=3, backoff=1) as http:
        assert http.get("/v1/orders").status_code == 503  # the last answer, as it is
    assert len(wire.requests) == 4 and len(slept) == 3
    for attempt, delay in enumerate(slept):
        assert 0.75 * 2**attempt <= delay <= 1.25 * 2**attempt


def test_other_statuses_are_not_retried() -> None:
    for status in (400, 404, 409, 500, 504):
        wire, slept = Wire(httpx.Response(status), httpx.Response(200)), []
        with client_over(wire, slept) as http:
            assert http.get("/v1/orders").status_code == status
        assert slept == [] and len(wire.requests) == 1


def test_every_post_carries_an_idempotency_key_the_same_on_its_retries() -> None:
    wire, slept = (
        Wire(httpx.Response(503, headers={"Retry-After": "0"}), httpx.Response(201), httpx.Response(201)),
        [],
    )
    with client_over(wire, slept) as http:
        assert http.post("/v1/orders", json={"n": 1}).status_code == 201
        http.post("/v1/orders", json={"n": 2})
    first, retry, second = (r.headers["Idempotency-Key"] for r in wire.requests)
    assert first == retry != second and uuid.UUID(first) and uuid.UUID(second)
    assert json.loads(wire.requests[1].content) == {"n": 1}  # the same body again


def test_a_body_read_from_a_file_is_sent_again_whole() -> None:
    wire, slept = Wire(httpx.Response(429, headers={"Retry-After": "1"}), httpx.Response(201)), []
    with client_over(wire, slept) as http:
        assert http.post("/v1/bank-statements", content=io.BytesIO(b"<Document/>")).status_code == 201
    assert [r.content for r in wire.requests] == [b"<Document/>", b"<Document/>"]


def test_an_idempotency_key_named_by_the_caller_is_kept() -> None:
    wire, slept = Wire(httpx.Response(201), httpx.Response(201), httpx.Response(201)), []
    with client_over(wire, slept) as http:
        with idempotency_key("erp-order-4711"):
            http.post("/v1/orders", json={})
        http.post("/v1/orders", json={}, headers={"Idempotency-Key": "mine"})
        http.post("/v1/orders", json={})
    keys = [r.headers["Idempotency-Key"] for r in wire.requests]
    assert keys[:2] == ["erp-order-4711", "mine"] and keys[2] not in ("erp-order-4711", "mine")


def test_a_request_unsafe_to_repeat_is_not_retried() -> None:
    wire, slept = Wire(httpx.Response(503), httpx.Response(200)), []
    with client_over(wire, slept) as http:
        assert http.patch("/v1/resellers/x", json={}).status_code == 503  # no key: maybe done once
    assert slept == [] and len(wire.requests) == 1


def product(n: int) -> dict[str, object]:
    return {
        "id": str(uuid.UUID(int=n)),
        "code": f"p-{n}",
        "name": f"Product {n}",
        "family": "software",
        "team_customers_allowed": False,
        "created_at": "2026-12-01T10:00:00Z",
    }


def test_iterate_follows_the_cursors_of_a_generated_list_operation() -> None:
    wire = Wire(
        httpx.Response(200, json={"data": [product(1), product(2)], "next_cursor": "c2"}),
        httpx.Response(429, headers={"Retry-After": "0"}, json=PROBLEM),  # retried under iterate
        httpx.Response(200, json={"data": [product(3)], "next_cursor": None}),
    )
    hub = connect("http://hub.test", "chk_res_x", transport=httpx.MockTransport(wire))
    codes = [p.code for p in iterate(products_list.sync_detailed, client=hub, limit=2)]
    assert codes == ["p-1", "p-2", "p-3"]
    assert [r.url.params.get("cursor") for r in wire.requests] == [None, "c2", "c2"]
    assert {r.url.params["limit"] for r in wire.requests} == {"2"}
    assert all(r.headers["Authorization"] == "Bearer chk_res_x" for r in wire.requests)


def test_unwrap_raises_the_problem_with_its_code() -> None:
    missing = {"type": "about:blank", "title": "Not found", "status": 404, "code": "reseller-not-found"}
    wire = Wire(httpx.Response(404, json=missing), httpx.Response(418, content=b"teapot"))
    hub = connect("http://hub.test", "k", transport=httpx.MockTransport(wire))
    with pytest.raises(ApiError) as refused:
        unwrap(resellers_get.sync_detailed(uuid.uuid4(), client=hub))
    assert refused.value.status == 404 and refused.value.code == "reseller-not-found"
    with pytest.raises(ApiError, match="418 teapot") as odd:
        unwrap(resellers_get.sync_detailed(uuid.uuid4(), client=hub))
    assert odd.value.code is None


def test_connect_without_a_key_sends_no_authorization() -> None:
    wire = Wire(httpx.Response(200, json={"data": [], "next_cursor": None}))
    hub = connect("http://hub.test", transport=httpx.MockTransport(wire))
    assert list(iterate(products_list.sync_detailed, client=hub)) == []
    assert "Authorization" not in wire.requests[0].headers
