"""Token buckets keyed by client address or API key, for the gateway's rate limits.

Kept in the gateway's memory: each replica limits on its own, which is enough to blunt form
spam, key guessing and runaway integrations; a shared limit would need a shared store.
The number of buckets is bounded by evicting the least recently used one, so a flood of new
addresses can never reset everyone's bucket at once (an attacker would only evict itself or
idle clients, whose buckets refill anyway).
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict
from dataclasses import dataclass

from libs.errors import TooManyRequests


class RateLimited(TooManyRequests):
    def __init__(self, retry_after: float) -> None:
        seconds = max(1, math.ceil(retry_after))
        super().__init__(f"slow down: retry in {seconds} s", headers={"Retry-After": str(seconds)})


@dataclass
class _Bucket:
    tokens: float
    updated: float


class RateLimiter:
    def __init__(self, per_minute: int, *, max_clients: int = 10_000) -> None:
        self.capacity = float(per_minute)
        self.refill_per_second = per_minute / 60.0
        self.max_clients = max_clients
        self._buckets: OrderedDict[str, _Bucket] = OrderedDict()

    def allow(self, client: str, now: float | None = None) -> tuple[bool, float]:
        """(allowed, seconds until a token is available); takes a token when allowed."""
        now = time.monotonic() if now is None else now
        bucket = self._buckets.get(client)
        if bucket is None:
            if len(self._buckets) >= self.max_clients:
                self._buckets.popitem(last=False)  # the least recently seen client
            bucket = self._buckets[client] = _Bucket(self.capacity, now)
        else:
            self._buckets.move_to_end(client)
        bucket.tokens = min(self.capacity, bucket.tokens + (now - bucket.updated) * self.refill_per_second)
        bucket.updated = now
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            return True, 0.0
        return False, (1 - bucket.tokens) / self.refill_per_second

    def take(self, client: str) -> None:
        """Take a token or raise RateLimited (429 with Retry-After)."""
        allowed, retry_after = self.allow(client)
        if not allowed:
            raise RateLimited(retry_after)

    def give_back(self, client: str) -> None:
        """Return the token of an attempt that turned out not to count (a lookup that succeeded)."""
        bucket = self._buckets.get(client)
        if bucket is not None:
            bucket.tokens = min(self.capacity, bucket.tokens + 1)
