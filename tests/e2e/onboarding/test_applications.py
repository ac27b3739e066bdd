"""Reviewing reseller applications (R-ON-1, R-ON-2) through the gateway."""

from __future__ import annotations

from libs.testing.api import Api, assert_problem


def test_r_on_1_a_consultancy_is_not_approved_without_an_override(api: Api) -> None:
    app = api.apply(business_type="consultancy", description="We build solutions on the products.")
    problem = assert_problem(
        api.admin("POST", f"/v1/reseller-applications/{app['id']}/approve", json={}),
        422,
        "eligibility-override-required",
    )
    assert "R-ON-1" in problem["title"]
    # nothing changed: the application is still open, no reseller was made
    assert api.admin("GET", f"/v1/reseller-applications/{app['id']}").json()["status"] == "submitted"

    # a reason that says nothing is refused as well
    assert_problem(
        api.admin(
            "POST",
            f"/v1/reseller-applications/{app['id']}/approve",
            json={"eligibility_override_reason": "ok"},
        ),
        422,
    )


def test_r_on_1_staff_override_approves_a_consultancy_and_is_recorded_on_the_reseller(api: Api) -> None:
    app = api.apply(business_type="consultancy", description="Consultancy that also resells licences.")
    reason = "Resells more than it consults: 80 % of revenue is licence resale (checked 2026-11)"
    approved = api.admin(
        "POST", f"/v1/reseller-applications/{app['id']}/approve", json={"eligibility_override_reason": reason}
    )
    assert approved.status_code == 200, approved.text
    reseller = api.admin("GET", f"/v1/resellers/{approved.json()['reseller_id']}").json()
    override = reseller["eligibility_override"]
    assert override["reason"] == reason
    assert override["decided_by"].startswith("staff:") and override["decided_at"]


def test_r_on_2_a_reseller_application_needs_no_override(api: Api) -> None:
    app = api.apply()
    approved = api.admin("POST", f"/v1/reseller-applications/{app['id']}/approve", json={})
    assert approved.status_code == 200, approved.text
    reseller = api.admin("GET", f"/v1/resellers/{approved.json()['reseller_id']}").json()
    assert reseller["eligibility_override"] is None
