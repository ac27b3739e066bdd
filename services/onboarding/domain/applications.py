"""Reseller applications and their review (R-ON-1, R-ON-2).

An application is `submitted`, then vendor staff `approve` or `reject` it; both outcomes are
final. A rejected company applies again with a new application, so every decision keeps the
record it was made on.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from libs.events.onboarding import BusinessType
from services.onboarding.domain.validation import ValidationFailed


class ApplicationStatus(StrEnum):
    """An application's status: onboarding's column (checked by the database) and its API."""

    SUBMITTED = "submitted"
    APPROVED = "approved"
    REJECTED = "rejected"


ApplicationAction = Literal["approve", "reject"]

# The reason a reviewer gives when the applicant builds solutions on the products instead of
# reselling them (R-ON-1).
NOT_ELIGIBLE_CONSULTANCY = "not eligible: consultancy"

MAX_REASON_LENGTH = 1000

_TRANSITIONS: dict[tuple[ApplicationStatus, ApplicationAction], ApplicationStatus] = {
    (ApplicationStatus.SUBMITTED, "approve"): ApplicationStatus.APPROVED,
    (ApplicationStatus.SUBMITTED, "reject"): ApplicationStatus.REJECTED,
}


class InvalidTransition(Exception):
    """The action is not possible in the application's current status (a 409 conflict)."""

    code = "invalid-application-transition"

    def __init__(self, current: str, action: str) -> None:
        super().__init__(f"cannot {action} an application that is {current}")
        self.current = current
        self.action = action


def transition(current: str, action: ApplicationAction) -> ApplicationStatus:
    """The status after `action`; approving or rejecting twice is refused, not ignored (and so is
    a status that is not one)."""
    try:
        return _TRANSITIONS[(ApplicationStatus(current), action)]
    except (KeyError, ValueError):
        raise InvalidTransition(current, action) from None


def needs_eligibility_override(business_type: str) -> bool:
    """R-ON-1: a consultancy builds on the products instead of reselling them and is not eligible;
    approving one anyway is an explicit staff decision with a recorded reason, never an accident."""
    return business_type == BusinessType.CONSULTANCY


def eligibility_hint(business_type: str) -> str | None:
    """A suggested rejection reason for the reviewer, or None when nothing stands out.

    Only a hint: the reviewer decides (R-ON-2). "other" gets none because the description,
    not the category, tells whether the company mainly resells.
    """
    if business_type not in set(BusinessType):
        raise ValueError(f"unknown business type {business_type!r}")
    return NOT_ELIGIBLE_CONSULTANCY if business_type == BusinessType.CONSULTANCY else None


def check_rejection_reason(reason: object) -> str:
    """A rejection must say why (R-ON-1): a non-blank reason of bounded length, trimmed."""
    if not isinstance(reason, str) or not reason.strip():
        raise ValidationFailed("reason", "a rejection needs a reason")
    text = reason.strip()
    if len(text) > MAX_REASON_LENGTH:
        raise ValidationFailed("reason", f"the reason has at most {MAX_REASON_LENGTH} characters")
    return text
