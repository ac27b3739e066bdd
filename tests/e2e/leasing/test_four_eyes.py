"""R-WA-3 with R-PL-5: no staff member activates a WaaS contract alone — the credit decision and the
distributor's signature come from different staff keys — and the credit decision's internal notes
(reason, decider) are staff's."""

from __future__ import annotations

from collections.abc import Callable

from libs.testing.api import Api, Reseller, assert_problem
from tests.e2e.leasing.conftest import bundle, customer, draft


def test_r_wa_3_the_key_that_decided_the_credit_check_cannot_sign_for_the_distributor(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller = onboard()
    contract = draft(api, reseller, customer(api, reseller), bundle(api)["code"])
    path = f"/v1/waas/contracts/{contract['id']}"
    assert api.call("POST", f"{path}/submit", reseller.key).status_code == 200
    # an admin key of its own decides (admin may do what a credit officer does) ...
    deciding = api.staff_key("admin", "Alex Admin")
    decided = api.call(
        "POST", f"{path}/credit-check", deciding, json={"decision": "approved", "reason": "score B"}
    )
    assert decided.status_code == 200, decided.text
    # ... and then cannot sign for the distributor too
    alone = api.call(
        "POST", f"{path}/signatures", deciding, json={"party": "distributor", "signed_by": "Alex"}
    )
    assert_problem(alone, 409, "four-eyes-required")
    # neither can a credit officer (signing is not its role), nor a billing key
    for role in ("credit_officer", "billing"):
        assert_problem(
            api.call(
                "POST",
                f"{path}/signatures",
                api.role_key(role),
                json={"party": "distributor", "signed_by": "x"},
            ),
            403,
        )
    # another staff key signs; with the customer's signature the contract is active
    signed = api.admin("POST", f"{path}/signatures", json={"party": "distributor", "signed_by": "ALSO"})
    assert signed.status_code == 200, signed.text
    active = api.call(
        "POST", f"{path}/signatures", reseller.key, json={"party": "customer", "signed_by": "Eva"}
    )
    assert active.status_code == 200 and active.json()["status"] == "active", active.text


def test_r_wa_3_a_credit_officer_decides_and_its_notes_are_staff_only(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller = onboard()
    contract = draft(api, reseller, customer(api, reseller), bundle(api)["code"])
    path = f"/v1/waas/contracts/{contract['id']}"
    assert api.call("POST", f"{path}/submit", reseller.key).status_code == 200
    # the reseller and the billing role cannot decide
    decision = {"decision": "approved", "reason": "internal: owner has a good payment history"}
    assert_problem(api.call("POST", f"{path}/credit-check", reseller.key, json=decision), 403)
    assert_problem(api.call("POST", f"{path}/credit-check", api.role_key("billing"), json=decision), 403)
    officer = api.role_key("credit_officer")
    decided = api.call("POST", f"{path}/credit-check", officer, json=decision)
    assert decided.status_code == 200, decided.text
    assert decided.json()["credit_check"]["reason"] == decision["reason"]
    assert api.admin("GET", path).json()["credit_check"]["decided_by"]
    # what the partner reads: the decision and its time, not the reason or who decided
    seen = api.call("GET", path, reseller.key).json()["credit_check"]
    assert seen["decision"] == "approved" and "decided_at" in seen
    assert "reason" not in seen and "decided_by" not in seen
    assert (
        api.admin(
            "POST", f"{path}/signatures", json={"party": "distributor", "signed_by": "ALSO"}
        ).status_code
        == 200
    )
    signatures = api.call("GET", path, reseller.key).json()["signatures"]
    assert "recorded_by" not in signatures["distributor"]
