"""The gateway's key resolution: concurrent misses of one key share one lookup (the cache's herd)."""

from __future__ import annotations

import asyncio
import uuid

import httpx
import pytest

from libs.apikeys import new_api_key
from libs.auth import generate_keypair
from libs.errors import Unauthorized
from libs.settings import Settings
from services.gateway.identity import Identity


def _identity(answer: httpx.Response, asked: list[str]) -> Identity:
    async def onboarding(request: httpx.Request) -> httpx.Response:
        asked.append(request.url.path)
        await asyncio.sleep(0.05)  # the lookup is in flight while the other requests arrive
        return answer

    private_key, _ = generate_keypair()
    settings = Settings(CHANNELHUB_SERVICE="gateway", CHANNELHUB_INTERNAL_PRIVATE_KEY=private_key)
    client = httpx.AsyncClient(transport=httpx.MockTransport(onboarding), base_url="http://onboarding")
    return Identity(settings, client)


def test_r_pl_5_requests_of_one_key_in_flight_together_share_one_lookup() -> None:
    reseller_id = uuid.uuid4()
    claims = {
        "kind": "reseller",
        "roles": ["reseller_admin"],
        "reseller_id": str(reseller_id),
        "key_id": "k1",
    }
    asked: list[str] = []
    identity = _identity(httpx.Response(200, json=claims), asked)
    key = new_api_key("reseller")

    async def twenty_at_once() -> list[object]:
        return await asyncio.gather(*(identity.resolve(f"Bearer {key}", "10.0.0.1") for _ in range(20)))

    callers = asyncio.run(twenty_at_once())
    assert asked == ["/internal/api-keys/resolve"]
    assert {c.reseller_id for c in callers} == {reseller_id}  # type: ignore[attr-defined]


def test_r_pl_5_an_unknown_key_shared_by_requests_in_flight_is_refused_to_each() -> None:
    asked: list[str] = []
    identity = _identity(httpx.Response(404), asked)
    key = new_api_key("reseller")

    async def three_at_once() -> list[object]:
        calls = (identity.resolve(f"Bearer {key}", "10.0.0.1") for _ in range(3))
        return await asyncio.gather(*calls, return_exceptions=True)

    outcomes = asyncio.run(three_at_once())
    assert len(asked) == 1 and all(isinstance(o, Unauthorized) for o in outcomes)
    with pytest.raises(Unauthorized):  # nothing negative is cached: the next request asks again
        asyncio.run(identity.resolve(f"Bearer {key}", "10.0.0.1"))
    assert len(asked) == 2
