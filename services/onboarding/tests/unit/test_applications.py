"""Reseller applications and their review (R-ON-1, R-ON-2)."""

from __future__ import annotations

from typing import get_args

import pytest

from services.onboarding.domain.applications import (
    MAX_REASON_LENGTH,
    NOT_ELIGIBLE_CONSULTANCY,
    ApplicationAction,
    ApplicationStatus,
    BusinessType,
    InvalidTransition,
    check_rejection_reason,
    eligibility_hint,
    transition,
)
from services.onboarding.domain.validation import ValidationFailed


def test_r_on_1_business_types() -> None:
    assert set(BusinessType) == {"reseller", "consultancy", "other"}


def test_r_on_2_submitted_application_can_be_approved() -> None:
    assert transition("submitted", "approve") == "approved"


def test_r_on_2_submitted_application_can_be_rejected() -> None:
    assert transition("submitted", "reject") == "rejected"


@pytest.mark.parametrize("current", ["approved", "rejected"])
@pytest.mark.parametrize("action", ["approve", "reject"])
def test_r_on_2_a_decision_is_final(current: ApplicationStatus, action: ApplicationAction) -> None:
    with pytest.raises(InvalidTransition) as refused:
        transition(current, action)
    assert refused.value.current == current
    assert refused.value.action == action
    assert current in str(refused.value)


@pytest.mark.parametrize(("current", "action"), [("draft", "approve"), ("submitted", "withdraw"), ("", "")])
def test_r_on_2_unknown_status_or_action_is_refused(current: str, action: str) -> None:
    with pytest.raises(InvalidTransition):
        transition(current, action)  # type: ignore[arg-type]


def test_r_on_2_every_status_and_action_pair_is_decided() -> None:
    outcomes: dict[tuple[str, str], str | None] = {}
    for current in ApplicationStatus:
        for action in get_args(ApplicationAction):
            try:
                outcomes[(current, action)] = transition(current, action)
            except InvalidTransition:
                outcomes[(current, action)] = None
    assert outcomes == {
        ("submitted", "approve"): "approved",
        ("submitted", "reject"): "rejected",
        ("approved", "approve"): None,
        ("approved", "reject"): None,
        ("rejected", "approve"): None,
        ("rejected", "reject"): None,
    }


def test_r_on_1_consultancy_gets_the_not_eligible_hint() -> None:
    assert eligibility_hint("consultancy") == NOT_ELIGIBLE_CONSULTANCY == "not eligible: consultancy"


@pytest.mark.parametrize("business_type", ["reseller", "other"])
def test_r_on_1_other_business_types_get_no_hint(business_type: BusinessType) -> None:
    assert eligibility_hint(business_type) is None


@pytest.mark.parametrize("business_type", ["Consultancy", "integrator", ""])
def test_r_on_1_unknown_business_type_is_refused(business_type: str) -> None:
    with pytest.raises(ValueError):
        eligibility_hint(business_type)


def test_r_on_1_rejection_reason_is_trimmed() -> None:
    assert check_rejection_reason(f"  {NOT_ELIGIBLE_CONSULTANCY} \n") == NOT_ELIGIBLE_CONSULTANCY


@pytest.mark.parametrize("reason", ["", "   ", None, "x" * (MAX_REASON_LENGTH + 1)])
def test_r_on_1_rejection_needs_a_reason(reason: str | None) -> None:
    with pytest.raises(ValidationFailed) as refused:
        check_rejection_reason(reason)
    assert refused.value.field == "reason"
