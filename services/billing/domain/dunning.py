"""Dunning (R-BI-4): an invoice is overdue the day after its due date while anything is still due;
reminders go out at fixed levels of days overdue, each once."""

from __future__ import annotations

from datetime import date

REMINDER_LEVELS: tuple[int, ...] = (7, 14, 30)  # days overdue


def is_overdue(due_date: date, as_of: date) -> bool:
    return as_of > due_date


def days_overdue(due_date: date, as_of: date) -> int:
    return max(0, (as_of - due_date).days)


def reminders_due(days: int, already_sent: int) -> list[int]:
    """The reminder levels (1-based) reached by `days` overdue that were not sent yet, in order:
    a job that did not run for a while sends every level it skipped, once."""
    return [i + 1 for i, level in enumerate(REMINDER_LEVELS) if days >= level and i + 1 > already_sent]
