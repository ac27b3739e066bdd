"""API conventions every create and list follows: Idempotency-Key, cursor pagination, problems."""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor

from libs.testing.api import Api
from tools.devstack.stack import Stack


def application(**overrides: object) -> dict:
    return {
        "company_name": f"Idem {uuid.uuid4().hex[:6]}",
        "contact_email": "a@example.org",
        "country": "BE",
        "business_type": "reseller",
        "description": "IT reseller",
        **overrides,
    }


def test_same_idempotency_key_and_body_replays_the_first_response(api: Api) -> None:
    key, body = uuid.uuid4().hex, application()
    first = api.call("POST", "/v1/reseller-applications", json=body, headers={"Idempotency-Key": key})
    again = api.call("POST", "/v1/reseller-applications", json=body, headers={"Idempotency-Key": key})
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json() and again.headers.get("Idempotent-Replayed") == "true"


def test_same_idempotency_key_with_another_body_is_422(api: Api) -> None:
    key = uuid.uuid4().hex
    api.call("POST", "/v1/reseller-applications", json=application(), headers={"Idempotency-Key": key})
    other = api.call(
        "POST", "/v1/reseller-applications", json=application(), headers={"Idempotency-Key": key}
    )
    assert other.status_code == 422 and other.json()["code"] == "idempotency-key-reused"


def test_concurrent_retries_with_one_key_create_one_object(api: Api) -> None:
    key, body = uuid.uuid4().hex, application()

    def post() -> tuple[int, str | None]:
        r = api.call("POST", "/v1/reseller-applications", json=body, headers={"Idempotency-Key": key})
        return r.status_code, r.json().get("id")

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda _: post(), range(8)))
    created = {i for status, i in results if status == 201}
    assert len(created) == 1
    assert all(status in (201, 409) for status, _ in results)
    listed = api.admin("GET", "/v1/reseller-applications", params={"limit": 200}).json()["data"]
    assert sum(1 for a in listed if a["company_name"] == body["company_name"]) == 1


def test_cursor_pagination_walks_every_row_once(api: Api) -> None:
    names = set()
    for _ in range(5):
        names.add(api.apply()["company_name"])
    seen: list[str] = []
    cursor = None
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = api.admin("GET", "/v1/reseller-applications", params=params).json()
        seen += [a["company_name"] for a in page["data"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert names <= set(seen) and len(seen) == len(set(seen))


def test_bad_cursor_is_400_and_bad_limit_422_problems(api: Api) -> None:
    bad = api.admin("GET", "/v1/reseller-applications", params={"cursor": "!!not-a-cursor"})
    assert bad.status_code == 400 and bad.json()["code"] == "invalid-cursor"
    assert api.admin("GET", "/v1/reseller-applications", params={"limit": 0}).status_code == 422


def test_malformed_json_is_a_422_problem_and_writes_nothing(api: Api) -> None:
    response = api.call(
        "POST",
        "/v1/reseller-applications",
        content=b"{not json",
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")


def test_a_request_whose_idempotency_key_is_still_in_flight_gets_409(api: Api, stack: Stack) -> None:
    """Hold the key the way a running first request does (an uncommitted key row), then retry."""
    import asyncio
    from datetime import UTC, datetime, timedelta

    import sqlalchemy as sa

    from libs.db import Database
    from services.onboarding.models import TABLES

    key, body = uuid.uuid4().hex, application()

    async def scenario() -> tuple[int, str, int]:
        db = Database(stack.service_urls["onboarding"], pool_size=1)
        try:
            async with db.unit_of_work() as first_request:
                await first_request.session.execute(
                    sa.insert(TABLES.idempotency_keys).values(
                        caller="anonymous:-",
                        key=key,
                        method="POST",
                        path="/v1/reseller-applications",
                        request_hash="in-flight",
                        response_status=0,
                        response_body={},
                        expires_at=datetime.now(UTC) + timedelta(hours=1),
                    )
                )
                retry = await asyncio.to_thread(
                    api.call, "POST", "/v1/reseller-applications", json=body, headers={"Idempotency-Key": key}
                )
                # leaving the block without commit: the "first request" failed and rolls back
            after = await asyncio.to_thread(
                api.call, "POST", "/v1/reseller-applications", json=body, headers={"Idempotency-Key": key}
            )
            return retry.status_code, retry.json()["code"], after.status_code
        finally:
            await db.dispose()

    status, code, after = asyncio.run(scenario())
    assert (status, code) == (409, "idempotency-key-in-flight")
    assert after == 201  # the failed first request left no key behind: the retry runs anew
