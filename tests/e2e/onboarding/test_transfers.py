"""Importing a customer from another reseller with a transfer token (R-CU-5)."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from libs.testing.api import Api, Reseller, assert_problem
from tests.e2e.onboarding.conftest import Customers, OnboardingDb, unique_domain


def _token(api: Api, key: str, customer_id: str, family: str = "workspace") -> dict:
    response = api.call(
        "POST", f"/v1/customers/{customer_id}/transfer-tokens", key, json={"product_family": family}
    )
    assert response.status_code == 201, response.text
    return response.json()


def _import(api: Api, reseller: Reseller, domain: str, token: str, **extra: str):  # type: ignore[no-untyped-def]
    return api.call(
        "POST",
        "/v1/customers/import",
        reseller.key,
        json={"domain": domain, "transfer_token": token, **extra},
    )


def test_r_cu_5_import_moves_the_customer_to_the_new_reseller(
    api: Api, customers: Customers, onboarding_db: OnboardingDb
) -> None:
    old = api.onboard_reseller(wait_for_ordering=False)
    new = api.onboard_reseller(wait_for_ordering=False)
    c = customers.domain(old)
    customer_key = customers.key(old, c["id"])
    issued = _token(api, customer_key, c["id"])
    expires = datetime.fromisoformat(issued["expires_at"])
    assert timedelta(days=13, hours=23) < expires - datetime.now(expires.tzinfo) <= timedelta(days=14)
    assert issued["product_family"] == "workspace"

    imported = _import(api, new, c["domain"].upper(), issued["token"], product_family="workspace")
    assert imported.status_code == 201, imported.text
    moved = imported.json()
    assert moved["id"] == c["id"] and moved["reseller_id"] == new.id
    assert [(a["kind"], a["reseller_id"]) for a in moved["administrators"]] == [("reseller", new.id)]
    assert_problem(api.call("GET", f"/v1/customers/{c['id']}", old.key), 404)
    assert customers.ids(old.key) == [] and customers.ids(new.key) == [c["id"]]
    event = onboarding_db.events_about(c["id"])[-1]
    assert event["type"] == "onboarding.customer.transferred.v1"
    assert event["data"]["from_reseller_id"] == old.id and event["data"]["product_family"] == "workspace"
    assert event["data"]["customer"]["reseller_id"] == new.id
    # the token was single use: not even the new owner's rival can reuse it
    rival = api.onboard_reseller(wait_for_ordering=False)
    assert_problem(_import(api, rival, c["domain"], issued["token"]), 409, "transfer-token-used")
    assert customers.ids(rival.key) == []


def test_r_cu_5_expired_transfer_token_is_refused(
    api: Api, customers: Customers, onboarding_db: OnboardingDb
) -> None:
    old = api.onboard_reseller(wait_for_ordering=False)
    new = api.onboard_reseller(wait_for_ordering=False)
    c = customers.domain(old)
    issued = _token(api, customers.key(old, c["id"]), c["id"])
    onboarding_db.age_transfer_tokens(c["id"], timedelta(days=14, seconds=1))
    body = assert_problem(_import(api, new, c["domain"], issued["token"]), 422, "transfer-token-expired")
    assert "expired" in body["detail"]
    assert customers.ids(new.key) == [] and customers.ids(old.key) == [c["id"]]


def test_r_cu_5_invalid_or_foreign_tokens_are_refused_alike(api: Api, customers: Customers) -> None:
    old = api.onboard_reseller(wait_for_ordering=False)
    new = api.onboard_reseller(wait_for_ordering=False)
    c = customers.domain(old)
    other = customers.domain(old)
    issued = _token(api, customers.key(old, c["id"]), c["id"], family="workspace")
    assert_problem(_import(api, new, c["domain"], "not-a-token"), 422, "transfer-token-invalid")
    # the right token presented for another customer's domain says no more than a wrong token
    assert_problem(_import(api, new, other["domain"], issued["token"]), 422, "transfer-token-invalid")
    assert_problem(_import(api, new, unique_domain(), issued["token"]), 422, "transfer-token-invalid")
    wrong_family = _import(api, new, c["domain"], issued["token"], product_family="chrome")
    assert_problem(wrong_family, 422, "transfer-token-wrong-family")
    assert_problem(_import(api, new, "not a domain", issued["token"]), 422, "validation-error")
    assert_problem(api.call("POST", "/v1/customers/import", new.key, json={"domain": c["domain"]}), 422)
    # the current owner cannot "import" its own customer, and that does not use up the token
    assert_problem(_import(api, old, c["domain"], issued["token"]), 409, "customer-already-owned")
    assert customers.ids(new.key) == []
    assert _import(api, new, c["domain"], issued["token"]).status_code == 201


def test_r_cu_5_only_the_customer_or_staff_issue_transfer_tokens(api: Api, customers: Customers) -> None:
    owner = api.onboard_reseller(wait_for_ordering=False)
    stranger = api.onboard_reseller(wait_for_ordering=False)
    c = customers.domain(owner)
    path = f"/v1/customers/{c['id']}/transfer-tokens"
    assert_problem(api.call("POST", path, owner.key, json={"product_family": "workspace"}), 403)
    # a stranger too, by role alike for every id (R-PL-5): the refusal says nothing about the customer
    assert_problem(api.call("POST", path, stranger.key, json={"product_family": "workspace"}), 403)
    assert api.admin("POST", path, json={"product_family": "workspace"}).status_code == 201
    key = customers.key(owner, c["id"])
    assert_problem(api.call("POST", path, key, json={"product_family": "Work Space!"}), 422)
    assert_problem(api.call("POST", path, key, json={}), 422)
    team = customers.team(owner)
    # a customer key cannot issue tokens for another customer
    assert_problem(
        api.call("POST", f"/v1/customers/{team['id']}/transfer-tokens", key, json={"product_family": "x"}),
        404,
    )


def test_r_cu_5_transfer_token_and_import_honour_idempotency_keys(api: Api, customers: Customers) -> None:
    old = api.onboard_reseller(wait_for_ordering=False)
    new = api.onboard_reseller(wait_for_ordering=False)
    c = customers.domain(old)
    key = customers.key(old, c["id"])
    headers = {"Idempotency-Key": str(uuid.uuid4())}
    path = f"/v1/customers/{c['id']}/transfer-tokens"
    first = api.call("POST", path, key, json={"product_family": "workspace"}, headers=headers)
    again = api.call("POST", path, key, json={"product_family": "workspace"}, headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.json() == {**first.json(), "token": None}  # shown once: not kept for the replay
    assert_problem(api.call("POST", path, key, json={"product_family": "chrome"}, headers=headers), 422)

    body = {"domain": c["domain"], "transfer_token": first.json()["token"]}
    headers = {"Idempotency-Key": str(uuid.uuid4())}
    imported = api.call("POST", "/v1/customers/import", new.key, json=body, headers=headers)
    replay = api.call("POST", "/v1/customers/import", new.key, json=body, headers=headers)
    assert imported.status_code == replay.status_code == 201 and replay.json() == imported.json()
    assert replay.headers.get("Idempotent-Replayed") == "true"


def test_r_cu_5_a_transfer_revokes_the_keys_minted_under_the_old_reseller(
    api: Api, customers: Customers
) -> None:
    """Issue 8 item 16: the old reseller's copy of the customer key must not pull the customer back."""
    old = api.onboard_reseller(wait_for_ordering=False)
    new = api.onboard_reseller(wait_for_ordering=False)
    c = customers.domain(old)
    customer_key = customers.key(old, c["id"])
    issued = _token(api, customer_key, c["id"])  # the key is in the gateway's cache from here on
    assert _import(api, new, c["domain"], issued["token"]).status_code == 201

    # at once, whatever the gateway cached: no transfer token, no change of the customer
    for method, path, body in [
        ("POST", f"/v1/customers/{c['id']}/transfer-tokens", {"product_family": "workspace"}),
        ("POST", f"/v1/customers/{c['id']}/terms-acceptance", {"accepted_by": "Taken back"}),
    ]:
        assert_problem(api.call(method, path, customer_key, json=body), 401)

    keys = api.call("GET", f"/v1/customers/{c['id']}/api-keys", new.key)
    assert keys.status_code == 200, keys.text
    assert [k["revoked_at"] is not None for k in keys.json()] == [True]
    assert "key" not in keys.json()[0]
    # the new owner mints its own key, which works
    fresh = customers.key(new, c["id"])
    assert api.call("GET", f"/v1/customers/{c['id']}", fresh).status_code == 200
    assert_problem(api.call("GET", f"/v1/customers/{c['id']}/api-keys", old.key), 404)


def test_r_cu_8_customer_keys_are_listed_and_revoked_by_the_owner_and_staff_only(
    api: Api, customers: Customers
) -> None:
    owner = api.onboard_reseller(wait_for_ordering=False)
    stranger = api.onboard_reseller(wait_for_ordering=False)
    c = customers.domain(owner)
    key = customers.key(owner, c["id"])
    listed = api.call("GET", f"/v1/customers/{c['id']}/api-keys", owner.key).json()
    assert len(listed) == 1 and listed[0]["revoked_at"] is None
    key_id = listed[0]["id"]

    assert_problem(api.call("GET", f"/v1/customers/{c['id']}/api-keys", key), 403)  # not the customer
    assert_problem(api.call("DELETE", f"/v1/customers/{c['id']}/api-keys/{key_id}", stranger.key), 404)
    assert_problem(api.call("DELETE", f"/v1/customers/{c['id']}/api-keys/{uuid.uuid4()}", owner.key), 404)
    assert api.admin("GET", f"/v1/customers/{c['id']}/api-keys").status_code == 200

    revoked = api.call("DELETE", f"/v1/customers/{c['id']}/api-keys/{key_id}", owner.key)
    assert revoked.status_code == 200, revoked.text
    assert revoked.json()["revoked_at"] is not None
    assert_problem(
        api.call("POST", f"/v1/customers/{c['id']}/transfer-tokens", key, json={"product_family": "x"}), 401
    )


def test_r_cu_5_a_team_customer_is_imported_by_its_primary_email(
    api: Api, customers: Customers, onboarding_db: OnboardingDb
) -> None:
    """Issue 8 item 10: the seed's import flow offers team customers too; they have no domain, so
    the new reseller names them by their primary e-mail."""
    old = api.onboard_reseller(wait_for_ordering=False)
    new = api.onboard_reseller(wait_for_ordering=False)
    team = customers.team(old)
    issued = _token(api, customers.key(old, team["id"]), team["id"])

    # the wrong e-mail, or both names at once, or none: refused, nothing moves
    wrong = {"primary_email": "someone-else@example.org", "transfer_token": issued["token"]}
    assert_problem(api.call("POST", "/v1/customers/import", new.key, json=wrong), 422)
    both = {
        "domain": "example.org",
        "primary_email": team["primary_email"],
        "transfer_token": issued["token"],
    }
    assert_problem(api.call("POST", "/v1/customers/import", new.key, json=both), 422)
    assert customers.ids(new.key) == [] and customers.ids(old.key) == [team["id"]]

    body = {"primary_email": team["primary_email"].upper(), "transfer_token": issued["token"]}
    imported = api.call("POST", "/v1/customers/import", new.key, json=body)
    assert imported.status_code == 201, imported.text
    assert imported.json()["id"] == team["id"] and imported.json()["kind"] == "team"
    assert customers.ids(new.key) == [team["id"]] and customers.ids(old.key) == []
    assert onboarding_db.events_about(team["id"])[-1]["type"] == "onboarding.customer.transferred.v1"
