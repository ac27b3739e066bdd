"""Roles that mean something (R-PL-5), on real objects through the gateway: staff keys per role,
what a `reseller_user` may not do inside its own tenant, and the customer's edition (R-CU-1)."""

from __future__ import annotations

import uuid

from libs.testing.api import Api, assert_problem, wait_until


def _customer(api: Api, key: str, **extra: object) -> dict[str, object]:
    created = api.call(
        "POST",
        "/v1/customers",
        key,
        json={"kind": "domain", "name": "Role GmbH", "domain": f"role-{uuid.uuid4().hex[:8]}.com", **extra},
    )
    assert created.status_code == 201, created.text
    return dict(created.json())


def test_r_pl_5_staff_keys_are_created_per_role_by_an_admin_and_revoked(api: Api) -> None:
    created = api.admin("POST", "/v1/staff-keys", json={"role": "credit_officer", "name": "Carla Credit"})
    assert created.status_code == 201, created.text
    body = created.json()
    key, key_id = body["key"], body["id"]
    assert body["role"] == "credit_officer" and key
    me = api.call("GET", "/v1/me", key).json()
    assert me["kind"] == "staff" and me["roles"] == ["credit_officer"]
    listed = {k["id"]: k for k in api.admin("GET", "/v1/staff-keys").json()}
    assert listed[key_id]["role"] == "credit_officer" and "key" not in listed[key_id]  # shown once
    # only an admin manages staff keys; a credit officer does not do billing's work
    assert_problem(api.call("POST", "/v1/staff-keys", key, json={"role": "admin", "name": "me too"}), 403)
    assert_problem(api.call("GET", "/v1/staff-keys", key), 403)
    payment = {
        "reference": "RF00",
        "amount": {"amount": "1.00", "currency": "EUR"},
        "received_on": "2026-01-05",
    }
    assert_problem(api.call("POST", "/v1/payments", key, json=payment), 403)
    # but reads what staff read
    assert api.call("GET", "/v1/reseller-applications", key).status_code == 200
    # a billing key records payments and may not decide credit checks
    billing = api.staff_key("billing")
    assert api.call("POST", "/v1/payments", billing, json=payment).status_code not in (401, 403)
    assert_problem(
        api.call(
            "POST", f"/v1/waas/contracts/{uuid.uuid4()}/credit-check", billing, json={"decision": "approved"}
        ),
        403,
    )
    # a role outside the three is refused by validation
    assert_problem(api.admin("POST", "/v1/staff-keys", json={"role": "root", "name": "x"}), 422)
    assert api.admin("DELETE", f"/v1/staff-keys/{key_id}").json()["revoked_at"] is not None
    wait_until(
        lambda: api.call("GET", "/v1/me", key).status_code == 401,
        timeout=30,
        what="the revoked staff key to stop working (the gateway's key cache period)",
    )


def test_r_pl_5_a_reseller_user_sells_but_manages_no_credentials_webhooks_or_contracts(
    api: Api,
) -> None:
    reseller = api.onboard_reseller(wait_for_ordering=False)
    user = api.reseller_key(reseller, "reseller_user")
    # selling: a customer of its own (and reading it)
    customer = _customer(api, user)
    assert api.call("GET", f"/v1/customers/{customer['id']}", user).status_code == 200
    # credentials acting as the customer, the reseller's keys: the admin's
    assert_problem(
        api.call("POST", f"/v1/customers/{customer['id']}/api-keys", user, json={"name": "portal"}), 403
    )
    assert_problem(
        api.call(
            "POST",
            f"/v1/resellers/{reseller.id}/api-keys",
            user,
            json={"role": "reseller_admin", "name": "x"},
        ),
        403,
    )
    # webhooks: the admin creates an endpoint; the user reads it but cannot point it elsewhere,
    # replay history to it or rotate its secret
    endpoint = api.call(
        "POST",
        "/v1/webhook-endpoints",
        reseller.key,
        json={"url": "http://127.0.0.1:9/hooks", "event_types": ["ordering.order.placed.v1"]},
    )
    assert endpoint.status_code == 201, endpoint.text
    path = f"/v1/webhook-endpoints/{endpoint.json()['id']}"
    assert api.call("GET", path, user).status_code == 200
    assert_problem(api.call("PATCH", path, user, json={"url": "http://127.0.0.1:10/elsewhere"}), 403)
    assert_problem(
        api.call(
            "POST",
            f"{path}/deliveries/replay",
            user,
            json={"from": "2026-01-01T00:00:00Z", "to": "2026-01-02T00:00:00Z"},
        ),
        403,
    )
    assert_problem(api.call("POST", f"{path}/rotate-secret", user), 403)
    assert_problem(api.call("DELETE", path, user), 403)
    assert_problem(
        api.call(
            "POST", "/v1/webhook-endpoints", user, json={"url": "http://127.0.0.1:9/x", "event_types": []}
        ),
        403,
    )
    # WaaS contract changes and the tax profile: the admin's
    assert_problem(api.call("POST", f"/v1/waas/contracts/{uuid.uuid4()}/terminate", user, json={}), 403)
    assert_problem(
        api.call("POST", f"/v1/waas/contracts/{uuid.uuid4()}/extend", user, json={"months": 1}), 403
    )
    assert_problem(
        api.call("POST", f"/v1/resellers/{reseller.id}/tax-profile-changes", user, json={"state": None}), 403
    )
    # the reseller's admin does all of it
    assert api.call("PATCH", path, reseller.key, json={"description": "ours"}).status_code == 200
    assert (
        api.call(
            "POST", f"/v1/customers/{customer['id']}/api-keys", reseller.key, json={"name": "p"}
        ).status_code
        == 201
    )


def test_r_pl_5_r_cu_1_only_staff_change_a_customers_edition(api: Api) -> None:
    reseller = api.onboard_reseller(wait_for_ordering=False)
    customer = _customer(api, reseller.key, edition="non_profit")
    path = f"/v1/customers/{customer['id']}"
    for key in (reseller.key, api.reseller_key(reseller, "reseller_user")):
        assert_problem(
            api.call("PATCH", path, key, json={"edition": "commercial"}), 403, "edition-staff-only"
        )
    assert api.call("GET", path, reseller.key).json()["edition"] == "non_profit"
    # the same edition again is no change; other fields stay the reseller's
    same = api.call("PATCH", path, reseller.key, json={"edition": "non_profit", "name": "Renamed e.V."})
    assert same.status_code == 200, same.text
    staff = api.admin("PATCH", path, json={"edition": "commercial"})
    assert staff.status_code == 200 and staff.json()["edition"] == "commercial"
