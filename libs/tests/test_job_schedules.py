"""Which period a schedule is in, and from when it is due (pure: no database)."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from libs.jobs import Daily, Every, Monthly


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def test_every_hour_is_aligned_on_the_hour() -> None:
    hourly = Every(timedelta(hours=1))
    assert hourly.period(at("2026-11-23T10:59:59")) == ("2026-11-23T10:00", at("2026-11-23T10:00"))
    assert hourly.period(at("2026-11-23T11:00:00")) == ("2026-11-23T11:00", at("2026-11-23T11:00"))


def test_daily_is_due_from_its_time_on() -> None:
    nightly = Daily(at=time(2, 30))
    assert nightly.period(at("2026-11-23T02:29")) is None
    assert nightly.period(at("2026-11-23T02:30")) == ("2026-11-23", at("2026-11-23T02:30"))
    assert nightly.period(at("2026-11-23T23:59"))[0] == "2026-11-23"  # type: ignore[index]


def test_monthly_statements_are_due_from_the_first_of_the_month() -> None:
    statements = Monthly(day=1, at=time(6, 0))
    assert statements.period(at("2026-12-01T05:59")) is None
    assert statements.period(at("2026-12-01T06:00")) == ("2026-12", at("2026-12-01T06:00"))
    assert statements.period(at("2026-12-31T23:00"))[0] == "2026-12"  # type: ignore[index]
    assert Monthly(day=15).period(at("2026-12-14T23:59")) is None
