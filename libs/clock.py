"""An injectable clock: code asks the clock for "now" so tests can move time without sleeping."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime: ...

    def today(self) -> date: ...


def wall_now() -> datetime:
    """The wall clock, for the few places that must read real time whatever clock the service was
    given: when the broker acknowledged a row (`published_at`), when an operator re-drove an event,
    signing and checking short-lived internal tokens (PyJWT checks `exp` against real time too).
    Business time — what events carry, what rules decide on, when keys expire — is the injected
    clock's. This is the one wall-clock read outside tooling (tests/platform/test_layout.py)."""
    return datetime.now(UTC)


class SystemClock:
    def now(self) -> datetime:
        return wall_now()

    def today(self) -> date:
        return self.now().date()


class FixedClock:
    """A clock that stands still until told to move (tests, replays)."""

    def __init__(self, at: datetime) -> None:
        if at.tzinfo is None:
            raise ValueError("FixedClock needs an aware datetime")
        self._at = at

    def now(self) -> datetime:
        return self._at

    def today(self) -> date:
        return self._at.date()

    def advance(self, delta: timedelta) -> None:
        self._at += delta

    def set(self, at: datetime) -> None:
        self._at = at


# The clock of the service this process runs: what stamps every event an outbox records (libs.outbox)
# when the caller names none. `create_service_app` installs the clock it was given, so a service
# started with an injected clock stamps its events with that clock, not the wall clock.
_service_clock: Clock = SystemClock()


def use_service_clock(clock: Clock) -> None:
    global _service_clock
    _service_clock = clock


def service_clock() -> Clock:
    return _service_clock
