"""Resolving `Authorization: Bearer <key>` into a Caller.

The admin key comes from the environment. Every other key lives (hashed) in
onboarding, which owns resellers and customers; the gateway asks it with the
key's hash only — the raw key never leaves the gateway — and caches positive
answers briefly, so a revoked key stops working within the cache period.

Failed-lookup throttling never refuses a valid key: only *failed lookups* count against the client
address (`CHANNELHUB_FAILED_AUTH_RATE_LIMIT` a minute). A key that is not even shaped like one of
ours is 401 at once — it asks onboarding nothing and cannot be a guess that succeeds, so it is not
counted and never answered 429 (authentication is decided first); every other key is looked up,
and a valid one is answered whatever its address did before (the admin key and cached keys are
not looked up at all). Past the limit, an address's failures are 429 instead of 401 — ten bad
keys from one address (behind the ingress: from one client, see `services.gateway.addresses`)
lock nobody else out, not even that address's own valid keys.
"""

from __future__ import annotations

import asyncio
import hmac
import re
import time

import httpx

from libs.apikeys import hash_api_key
from libs.auth import INTERNAL_TOKEN_HEADER, KEY_RESOLUTION_SCOPE, SYSTEM, Caller, sign_internal_token
from libs.errors import ServiceUnavailable, Unauthorized
from libs.internal_client import send_retrying_a_dropped_connection
from libs.settings import Settings
from services.gateway.ratelimit import RateLimited, RateLimiter

ADMIN = Caller(kind="staff", roles=("admin",), key_id="admin-env")
# what libs.apikeys.new_api_key makes: chk_<kind, 3 letters>_<32 random bytes, base64url>
KEY_SHAPE = re.compile(r"chk_[a-z]{3}_[A-Za-z0-9_-]{43}")


class Identity:
    def __init__(self, settings: Settings, onboarding: httpx.AsyncClient) -> None:
        self.settings = settings
        self.onboarding = onboarding
        self._cache: dict[str, tuple[Caller, float]] = {}
        self._pending: dict[str, asyncio.Future[Caller]] = {}
        self.failed_lookups = RateLimiter(settings.failed_auth_rate_limit_per_minute)

    async def resolve(self, authorization: str | None, client: str) -> Caller | None:
        """None when no credentials were given; Unauthorized when they are wrong; RateLimited when
        `client` (its address) has failed too many lookups lately."""
        if not authorization:
            return None
        scheme, _, key = authorization.partition(" ")
        if scheme.lower() != "bearer" or not key.strip():
            raise Unauthorized("use `Authorization: Bearer <api key>`")
        key = key.strip()
        if self.settings.admin_key and hmac.compare_digest(key.encode(), self.settings.admin_key.encode()):
            return ADMIN
        key_hash = hash_api_key(key)
        cached = self._cache.get(key_hash)
        if cached and cached[1] > time.monotonic():
            return cached[0]
        if not KEY_SHAPE.fullmatch(key):  # cannot be a key: refused without a lookup, never throttled
            raise Unauthorized("unknown or revoked API key")
        try:
            return await self._lookup(key_hash)
        except Unauthorized:
            self._failed(client)
            raise

    async def _lookup(self, key_hash: str) -> Caller:
        """One question to onboarding per key at a time: when a key's cache entry expires under
        load, every request of that partner in flight misses together — they share the first one's
        lookup instead of each asking onboarding (and signing a token) again."""
        pending = self._pending.get(key_hash)
        if pending is None:
            pending = asyncio.ensure_future(self._ask_onboarding(key_hash))
            self._pending[key_hash] = pending
            pending.add_done_callback(lambda _: self._pending.pop(key_hash, None))
        # shielded: a client that hangs up must not cancel the lookup the others wait for
        caller = await asyncio.shield(pending)
        if len(self._cache) > 50_000:
            self._cache.clear()
        self._cache[key_hash] = (caller, time.monotonic() + self.settings.api_key_cache_seconds)
        return caller

    def _failed(self, client: str) -> None:
        """Count a failed lookup against the address: past the limit, 429 instead of 401."""
        allowed, retry_after = self.failed_lookups.allow(client)
        if not allowed:
            raise RateLimited(retry_after)

    async def _ask_onboarding(self, key_hash: str) -> Caller:
        # narrow on purpose: onboarding accepts this token at key resolution and nowhere else
        token = sign_internal_token(
            SYSTEM, self.settings.internal_private_key, audience="onboarding", scope=KEY_RESOLUTION_SCOPE
        )
        try:
            response = await send_retrying_a_dropped_connection(
                self.onboarding,
                "POST",
                "/internal/api-keys/resolve",
                json={"key_hash": key_hash},
                headers={INTERNAL_TOKEN_HEADER: token},
            )
        except httpx.HTTPError as exc:
            raise ServiceUnavailable("cannot check the API key right now") from exc
        if response.status_code == 404:
            raise Unauthorized("unknown or revoked API key")
        if response.status_code != 200:
            raise ServiceUnavailable("cannot check the API key right now")
        return Caller.from_claims(response.json())


class TokenMinter:
    """Internal tokens per (caller, audience), reused while more than half their lifetime is left.

    Signing is cheap, but each new token costs the service a signature check; a reused token is
    verified once (services cache verified tokens until they expire). A caller whose key is revoked
    or suspended changes the Caller (or stops resolving), so it never gets a stale token."""

    def __init__(self, private_key_pem: str, ttl_seconds: int) -> None:
        self.private_key_pem = private_key_pem
        self.ttl_seconds = ttl_seconds
        self._tokens: dict[tuple[Caller, str], tuple[str, float]] = {}

    def token(self, caller: Caller, audience: str) -> str:
        now = time.monotonic()
        cached = self._tokens.get((caller, audience))
        if cached is not None and cached[1] > now:
            return cached[0]
        token = sign_internal_token(
            caller, self.private_key_pem, audience=audience, ttl_seconds=self.ttl_seconds
        )
        if len(self._tokens) > 50_000:
            self._tokens.clear()
        self._tokens[(caller, audience)] = (token, now + self.ttl_seconds / 2)
        return token
