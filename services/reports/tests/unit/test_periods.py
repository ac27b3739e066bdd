"""R-PL-3: the dashboard's periods and days past due."""

from __future__ import annotations

from datetime import date

from services.reports.domain.periods import bounds, days_past_due, previous


def test_r_pl_3_a_period_is_a_half_open_month_and_knows_the_one_before() -> None:
    assert bounds("2026-02") == (date(2026, 2, 1), date(2026, 3, 1))
    assert bounds("2026-12") == (date(2026, 12, 1), date(2027, 1, 1))
    assert previous("2026-01") == "2025-12" and previous("2026-03") == "2026-02"


def test_r_pl_3_days_past_due_count_from_the_day_after_the_due_date() -> None:
    due = date(2026, 5, 31)
    assert [days_past_due(due, date(2026, 5, d)) for d in (30, 31)] == [0, 0]
    assert days_past_due(due, date(2026, 6, 12)) == 12
