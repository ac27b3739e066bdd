"""Retrying webhook deliveries (Standard Webhooks practice): a failed attempt is tried again after
the next delay of the schedule, jittered so that many endpoints failing together do not all retry
in the same second; a `Retry-After` from the receiver is honoured when it asks for longer; after the
last delay the delivery is given up."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime

JITTER = 0.2  # each delay lands in [80 %, 100 %] of its nominal value
MAX_RETRY_AFTER = timedelta(days=1)  # a receiver cannot park a delivery for longer


def next_attempt(
    attempts: int,
    now: datetime,
    schedule: list[float],
    *,
    retry_after: timedelta | None = None,
    rng: random.Random | None = None,
) -> datetime | None:
    """After `attempts` failed attempts, when to try again; None when the schedule is used up."""
    if attempts > len(schedule):
        return None
    nominal = schedule[attempts - 1]
    delay = timedelta(seconds=nominal * (1 - JITTER * (rng or random).random()))
    if retry_after is not None:
        delay = max(delay, min(retry_after, MAX_RETRY_AFTER))
    return now + delay


def parse_retry_after(value: str | None, now: datetime) -> timedelta | None:
    """`Retry-After` as seconds or as an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return timedelta(seconds=int(value))
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    return max(when - now, timedelta(0))


def is_success(status: int) -> bool:
    return 200 <= status < 300


def disables_endpoint(status: int) -> bool:
    """410 Gone: the receiver says the endpoint no longer exists (Standard Webhooks)."""
    return status == 410
