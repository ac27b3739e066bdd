"""Customers through the gateway (R-CU-1..4, 7, 8, and tenant isolation)."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from libs.testing.api import Api, assert_problem
from tests.e2e.onboarding.conftest import Customers, OnboardingDb, unique_domain


def test_r_cu_2_domain_customer_keeps_every_field_in_canonical_form(api: Api, customers: Customers) -> None:
    reseller = api.onboard_reseller(wait_for_ordering=False)
    domain = unique_domain()
    body = {
        "kind": "domain",
        "name": "Acme GmbH",
        "domain": domain.upper(),
        "primary_email": f"it@{domain}",
        "education": True,
        "crm_id": "CRM-0042",
        "language": "EN_us",
        "time_zone": "europe/amsterdam",
        "contacts": {
            "admin_name": "Anna Admin",
            "address": "Hauptstrasse 1, 10115 Berlin",
            "alternate_email": "anna@gmail.com",
            "phone": "+49 30 1234567",
        },
    }
    created = api.call("POST", "/v1/customers", reseller.key, json=body)
    assert created.status_code == 201, created.text
    c = created.json()
    assert c["kind"] == "domain" and c["domain"] == domain and c["reseller_id"] == reseller.id
    assert c["language"] == "en-US" and c["time_zone"] == "Europe/Amsterdam"
    assert c["education"] is True and c["crm_id"] == "CRM-0042"
    assert c["contacts"] == body["contacts"]
    assert c["terms_accepted_at"] is None
    fetched = api.call("GET", f"/v1/customers/{c['id']}", reseller.key)
    assert fetched.status_code == 200 and fetched.json() == c


@pytest.mark.parametrize(
    "domain", ["localhost", "co.uk", "not a domain", "https://acme.com", "192.168.1.1", "acme", "a..b.com"]
)
def test_r_cu_1_domain_customer_needs_a_registered_domain(
    api: Api, customers: Customers, domain: str
) -> None:
    reseller = api.onboard_reseller(wait_for_ordering=False)
    response = api.call(
        "POST", "/v1/customers", reseller.key, json={"kind": "domain", "name": "X", "domain": domain}
    )
    assert_problem(response, 422, "validation-error")
    assert customers.ids(reseller.key) == []


def test_r_cu_1_a_domain_is_one_customer_across_resellers(api: Api, customers: Customers) -> None:
    a = api.onboard_reseller(wait_for_ordering=False)
    b = api.onboard_reseller(wait_for_ordering=False)
    first = customers.domain(a)
    again = api.call(
        "POST",
        "/v1/customers",
        b.key,
        json={"kind": "domain", "name": "Copy", "domain": first["domain"].upper()},
    )
    body = assert_problem(again, 409, "customer-domain-taken")
    assert "transfer token" in body["detail"]
    same = api.call(
        "POST", "/v1/customers", a.key, json={"kind": "domain", "name": "Copy", "domain": first["domain"]}
    )
    assert_problem(same, 409, "customer-domain-taken")
    assert customers.ids(b.key) == [] and customers.ids(a.key) == [first["id"]]


def test_r_cu_2_team_customer_needs_a_primary_email(api: Api, customers: Customers) -> None:
    reseller = api.onboard_reseller(wait_for_ordering=False)
    response = api.call("POST", "/v1/customers", reseller.key, json={"kind": "team", "name": "Team"})
    body = assert_problem(response, 422, "validation-error")
    assert "primary_email" in body["detail"]
    assert customers.ids(reseller.key) == []


def test_r_cu_2_alternate_email_must_be_outside_the_customer_domain(api: Api, customers: Customers) -> None:
    reseller = api.onboard_reseller(wait_for_ordering=False)
    domain = unique_domain()
    for alternate in (f"anna@{domain}", f"anna@mail.{domain}"):
        response = api.call(
            "POST",
            "/v1/customers",
            reseller.key,
            json={
                "kind": "domain",
                "name": "Acme",
                "domain": domain,
                "contacts": {"alternate_email": alternate},
            },
        )
        body = assert_problem(response, 422, "validation-error")
        assert "outside the customer's domain" in body["detail"]
    assert customers.ids(reseller.key) == []


BAD_BODIES: list[tuple[str, dict[str, Any]]] = [
    ("missing name", {"kind": "domain"}),
    ("missing kind", {"name": "Acme"}),
    ("unknown kind", {"kind": "nonprofit", "name": "Acme"}),
    ("oversized name", {"kind": "team", "name": "x" * 201, "primary_email": "a@gmail.com"}),
    ("name of wrong type", {"kind": "team", "name": 123, "primary_email": "a@gmail.com"}),
    (
        "education not a bool",
        {"kind": "team", "name": "T", "primary_email": "a@gmail.com", "education": "yes"},
    ),
    ("bad e-mail", {"kind": "team", "name": "T", "primary_email": "not-an-email"}),
    ("bad language", {"kind": "team", "name": "T", "primary_email": "a@gmail.com", "language": "klingon!"}),
    (
        "bad time zone",
        {"kind": "team", "name": "T", "primary_email": "a@gmail.com", "time_zone": "Mars/Olympus"},
    ),
    (
        "bad phone",
        {"kind": "team", "name": "T", "primary_email": "a@gmail.com", "contacts": {"phone": "call me"}},
    ),
    ("unknown field", {"kind": "team", "name": "T", "primary_email": "a@gmail.com", "vip": True}),
    (
        "unknown contact field",
        {"kind": "team", "name": "T", "primary_email": "a@gmail.com", "contacts": {"fax": "1"}},
    ),
    (
        "team with a domain",
        {"kind": "team", "name": "T", "primary_email": "a@gmail.com", "domain": "acme.com"},
    ),
    ("oversized crm id", {"kind": "team", "name": "T", "primary_email": "a@gmail.com", "crm_id": "c" * 101}),
    ("body not an object", ["kind", "team"]),  # type: ignore[list-item]
]


@pytest.mark.parametrize("case,body", BAD_BODIES, ids=[c for c, _ in BAD_BODIES])
def test_r_cu_2_bad_customer_input_is_refused_and_nothing_written(
    api: Api, customers: Customers, case: str, body: Any
) -> None:
    reseller = api.onboard_reseller(wait_for_ordering=False)
    response = api.call("POST", "/v1/customers", reseller.key, json=body)
    assert_problem(response, 422, "validation-error")
    assert customers.ids(reseller.key) == []


def test_r_cu_3_team_customers_may_share_a_name(api: Api, customers: Customers) -> None:
    reseller = api.onboard_reseller(wait_for_ordering=False)
    one = customers.team(reseller, name="Marketing")
    two = customers.team(reseller, name="Marketing")
    assert one["id"] != two["id"] and one["name"] == two["name"] == "Marketing"
    assert sorted(customers.ids(reseller.key, kind="team")) == sorted([one["id"], two["id"]])


def test_r_cu_4_team_customer_becomes_a_domain_customer_by_verifying_a_domain(
    api: Api, customers: Customers, onboarding_db: OnboardingDb
) -> None:
    reseller = api.onboard_reseller(wait_for_ordering=False)
    team = customers.team(reseller)
    assert team["kind"] == "team" and team["domain"] is None
    created_event = onboarding_db.events_about(team["id"])[0]
    assert created_event["type"] == "onboarding.customer.created.v1"
    assert created_event["data"]["customer"]["kind"] == "team"  # ordering blocks non-team products on this

    taken = customers.domain(reseller)
    refused = api.call(
        "POST",
        f"/v1/customers/{team['id']}/domain-verification",
        reseller.key,
        json={"domain": taken["domain"]},
    )
    assert_problem(refused, 409, "customer-domain-taken")
    bad = api.call(
        "POST", f"/v1/customers/{team['id']}/domain-verification", reseller.key, json={"domain": "com"}
    )
    assert_problem(bad, 422, "validation-error")

    domain = unique_domain("team")
    verified = api.call(
        "POST", f"/v1/customers/{team['id']}/domain-verification", reseller.key, json={"domain": domain}
    )
    assert verified.status_code == 200, verified.text
    v = verified.json()
    assert v["kind"] == "domain" and v["domain"] == domain and v["domain_verified_at"]
    events = onboarding_db.events_about(team["id"])
    assert events[-1]["type"] == "onboarding.customer.domain_verified.v1"
    snapshot = events[-1]["data"]["customer"]
    assert snapshot["kind"] == "domain" and snapshot["domain"] == domain
    assert snapshot["version"] > created_event["data"]["customer"]["version"]

    twice = api.call(
        "POST",
        f"/v1/customers/{team['id']}/domain-verification",
        reseller.key,
        json={"domain": unique_domain()},
    )
    assert_problem(twice, 409, "customer-already-domain-verified")


def test_r_cu_7_customer_changes_are_published_with_a_growing_version(
    api: Api, customers: Customers, onboarding_db: OnboardingDb
) -> None:
    reseller = api.onboard_reseller(wait_for_ordering=False)
    c = customers.domain(reseller)
    new_domain = unique_domain("renamed")
    patched = api.call(
        "PATCH",
        f"/v1/customers/{c['id']}",
        reseller.key,
        json={"name": "Acme AG", "domain": new_domain, "contacts": {"address": "Bahnhofstrasse 2, Zurich"}},
    )
    assert patched.status_code == 200, patched.text
    p = patched.json()
    assert p["name"] == "Acme AG" and p["domain"] == new_domain
    assert p["contacts"] == {
        "admin_name": None,
        "address": "Bahnhofstrasse 2, Zurich",
        "alternate_email": None,
        "phone": None,
    }
    assert p["version"] == c["version"] + 1
    events = onboarding_db.events_about(c["id"])
    assert [e["type"] for e in events] == ["onboarding.customer.created.v1", "onboarding.customer.updated.v1"]
    assert events[1]["data"]["changed"] == ["contacts", "domain", "name"]
    assert events[1]["data"]["customer"]["name"] == "Acme AG"
    assert events[1]["data"]["customer"]["version"] == p["version"]
    # the old domain is free again
    customers.domain(reseller, domain=c["domain"])

    # an unchanged PATCH publishes nothing
    same = api.call("PATCH", f"/v1/customers/{c['id']}", reseller.key, json={"name": "Acme AG"})
    assert same.status_code == 200 and same.json()["version"] == p["version"]
    assert len(onboarding_db.events_about(c["id"])) == 2


def test_r_cu_7_invalid_customer_changes_are_refused_and_nothing_changes(
    api: Api, customers: Customers, onboarding_db: OnboardingDb
) -> None:
    reseller = api.onboard_reseller(wait_for_ordering=False)
    c = customers.domain(reseller)
    team = customers.team(reseller)
    other = customers.domain(reseller)
    cases = [
        (c["id"], {"domain": other["domain"]}, 409, "customer-domain-taken"),
        (c["id"], {"language": "not a language"}, 422, "validation-error"),
        (c["id"], {"name": None}, 422, "validation-error"),
        (c["id"], {}, 422, "validation-error"),
        (c["id"], {"contacts": {"alternate_email": f"x@{c['domain']}"}}, 422, "validation-error"),
        (team["id"], {"domain": unique_domain()}, 422, "validation-error"),
        (team["id"], {"primary_email": None}, 422, "validation-error"),
    ]
    for customer_id, body, status, code in cases:
        assert_problem(
            api.call("PATCH", f"/v1/customers/{customer_id}", reseller.key, json=body), status, code
        )
    assert api.call("GET", f"/v1/customers/{c['id']}", reseller.key).json() == c
    assert api.call("GET", f"/v1/customers/{team['id']}", reseller.key).json() == team
    assert len(onboarding_db.events_about(c["id"])) == 1


def test_customers_are_isolated_between_resellers(api: Api, customers: Customers) -> None:
    a = api.onboard_reseller(wait_for_ordering=False)
    b = api.onboard_reseller(wait_for_ordering=False)
    mine = customers.domain(a)
    cid = mine["id"]
    attempts = [
        ("GET", f"/v1/customers/{cid}", None),
        ("PATCH", f"/v1/customers/{cid}", {"name": "Stolen"}),
        ("POST", f"/v1/customers/{cid}/domain-verification", {"domain": unique_domain()}),
        ("POST", f"/v1/customers/{cid}/terms-acceptance", {"accepted_by": "Mallory"}),
        ("POST", f"/v1/customers/{cid}/users", {"email": "m@gmail.com"}),
        ("GET", f"/v1/customers/{cid}/users", None),
        ("POST", f"/v1/customers/{cid}/api-keys", {"name": "steal"}),
        ("GET", f"/v1/customers/{uuid.uuid4()}", None),
    ]
    for method, path, body in attempts:
        assert_problem(api.call(method, path, b.key, json=body), 404, "customer-not-found")
    # no reseller issues transfer tokens (R-PL-5: refused by role, alike for every id)
    for customer_id in (cid, uuid.uuid4()):
        tokens = f"/v1/customers/{customer_id}/transfer-tokens"
        assert_problem(api.call("POST", tokens, b.key, json={"product_family": "workspace"}), 403)
    assert customers.ids(b.key) == []
    assert api.call("GET", f"/v1/customers/{cid}", a.key).json() == mine
    assert cid in customers.ids(api.admin_key)  # staff see every customer


def test_a_customer_key_acts_as_that_customer_and_sees_only_its_own_record(
    api: Api, customers: Customers
) -> None:
    reseller = api.onboard_reseller(wait_for_ordering=False)
    mine = customers.domain(reseller)
    sibling = customers.domain(reseller)
    created = api.call("POST", f"/v1/customers/{mine['id']}/api-keys", reseller.key, json={"name": "portal"})
    assert created.status_code == 201, created.text
    key = created.json()["key"]
    assert key.startswith("chk_cus_") and created.json()["role"] == "customer_admin"

    me = api.call("GET", "/v1/me", key).json()
    assert me["kind"] == "customer" and me["customer_id"] == mine["id"] and me["roles"] == ["customer_admin"]
    assert api.call("GET", f"/v1/customers/{mine['id']}", key).status_code == 200
    assert_problem(api.call("GET", f"/v1/customers/{sibling['id']}", key), 404)
    assert customers.ids(key) == [mine["id"]]
    # a customer does not manage its reseller's data
    assert_problem(api.call("PATCH", f"/v1/customers/{mine['id']}", key, json={"name": "Me"}), 403)
    assert_problem(api.call("POST", f"/v1/customers/{mine['id']}/api-keys", key, json={"name": "x"}), 403)
    assert_problem(
        api.call(
            "POST", "/v1/customers", key, json={"kind": "domain", "name": "X", "domain": unique_domain()}
        ),
        403,
    )
    assert_problem(api.call("GET", f"/v1/resellers/{reseller.id}", key), 403)
    # staff may issue customer keys too
    staff_made = api.admin("POST", f"/v1/customers/{sibling['id']}/api-keys", json={"name": "support"})
    assert staff_made.status_code == 201
    assert api.call("GET", "/v1/me", staff_made.json()["key"]).json()["customer_id"] == sibling["id"]


def test_customer_create_honours_idempotency_key(api: Api, customers: Customers) -> None:
    reseller = api.onboard_reseller(wait_for_ordering=False)
    body = {"kind": "domain", "name": "Acme", "domain": unique_domain()}
    headers = {"Idempotency-Key": f"create-{uuid.uuid4()}"}
    first = api.call("POST", "/v1/customers", reseller.key, json=body, headers=headers)
    again = api.call("POST", "/v1/customers", reseller.key, json=body, headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.json()["id"] == first.json()["id"] and again.headers.get("Idempotent-Replayed") == "true"
    other = api.call("POST", "/v1/customers", reseller.key, json={**body, "name": "Other"}, headers=headers)
    assert_problem(other, 422, "idempotency-key-reused")
    assert customers.ids(reseller.key) == [first.json()["id"]]


def test_customer_sub_resource_creates_honour_idempotency_keys(api: Api, customers: Customers) -> None:
    reseller = api.onboard_reseller(wait_for_ordering=False)
    c = customers.domain(reseller)
    for path, body in (
        (f"/v1/customers/{c['id']}/users", {"email": "bob@gmail.com"}),
        (f"/v1/customers/{c['id']}/api-keys", {"name": "portal"}),
        (f"/v1/customers/{c['id']}/terms-acceptance", {"accepted_by": "Bob"}),
    ):
        headers = {"Idempotency-Key": str(uuid.uuid4())}
        first = api.call("POST", path, reseller.key, json=body, headers=headers)
        again = api.call("POST", path, reseller.key, json=body, headers=headers)
        assert first.status_code in (200, 201), first.text
        # a secret shown once (the API key) is not kept for the replay (libs.idempotency)
        withheld = {f: None for f in again.headers.get("Idempotent-Withheld", "").split(", ") if f}
        assert (
            again.json() == {**first.json(), **withheld}
            and again.headers.get("Idempotent-Replayed") == "true"
        )
        changed = {k: (v + "x" if isinstance(v, str) else v) for k, v in body.items()}
        assert_problem(api.call("POST", path, reseller.key, json=changed, headers=headers), 422)
    users = api.call("GET", f"/v1/customers/{c['id']}/users", reseller.key).json()
    assert [u["email"] for u in users if u["kind"] == "user"] == ["bob@gmail.com"]


def test_r_cu_8_the_reseller_administers_its_customer_without_a_seat(api: Api, customers: Customers) -> None:
    reseller = api.onboard_reseller(wait_for_ordering=False)
    for c in (customers.domain(reseller), customers.team(reseller)):
        [admin] = c["administrators"]
        assert admin["kind"] == "reseller" and admin["reseller_id"] == reseller.id
        assert admin["occupies_seat"] is False and admin["admin"] is True


def test_r_cu_8_making_a_user_administrator_warns_about_the_reseller_discount(
    api: Api, customers: Customers
) -> None:
    reseller = api.onboard_reseller(wait_for_ordering=False)
    c = customers.domain(reseller)
    path = f"/v1/customers/{c['id']}/users"
    refused = api.call("POST", path, reseller.key, json={"email": "boss@gmail.com", "admin": True})
    body = assert_problem(refused, 409, "admin-confirmation-required")
    assert "discount will not apply" in body["detail"]
    assert [u["kind"] for u in api.call("GET", path, reseller.key).json()] == ["reseller"]

    user = api.call("POST", path, reseller.key, json={"email": "Worker@Gmail.com"})
    assert user.status_code == 201, user.text
    u = user.json()
    assert u["admin"] is False and u["occupies_seat"] is True and u["reseller_discount_applies"] is True
    assert u["warning"] is None

    admin = api.call(
        "POST", path, reseller.key, json={"email": "boss@gmail.com", "admin": True, "confirm": True}
    )
    assert admin.status_code == 201, admin.text
    a = admin.json()
    assert a["admin"] is True and a["reseller_discount_applies"] is False
    assert "discount will not apply" in a["warning"]
    admins = api.call("GET", f"/v1/customers/{c['id']}", reseller.key).json()["administrators"]
    assert [(x["kind"], x["email"], x["occupies_seat"]) for x in admins] == [
        ("reseller", None, False),
        ("user", "boss@gmail.com", True),
    ]
    duplicate = api.call("POST", path, reseller.key, json={"email": "worker@gmail.com"})
    assert_problem(duplicate, 409, "customer-user-exists")
    assert_problem(api.call("POST", path, reseller.key, json={"email": "x@gmail.com", "admin": "yes"}), 422)


def test_r_cu_6_terms_acceptance_records_who_and_when(
    api: Api, customers: Customers, onboarding_db: OnboardingDb
) -> None:
    reseller = api.onboard_reseller(wait_for_ordering=False)
    c = customers.domain(reseller)
    key = customers.key(reseller, c["id"])
    accepted = api.call(
        "POST", f"/v1/customers/{c['id']}/terms-acceptance", key, json={"accepted_by": "Anna Admin"}
    )
    assert accepted.status_code == 200, accepted.text
    a = accepted.json()
    assert a["accepted_by"] == "Anna Admin" and a["accepted_at"]
    got = api.call("GET", f"/v1/customers/{c['id']}", reseller.key).json()
    assert got["terms_accepted_by"] == "Anna Admin" and got["terms_accepted_at"] == a["accepted_at"]
    event = onboarding_db.events_about(c["id"])[-1]
    assert event["type"] == "onboarding.customer.terms_accepted.v1"
    assert (
        event["data"]["accepted_by"] == "Anna Admin" and event["data"]["customer"]["terms_accepted"] is True
    )
    # the first acceptance stands
    again = api.call(
        "POST", f"/v1/customers/{c['id']}/terms-acceptance", reseller.key, json={"accepted_by": "Bob"}
    )
    assert again.status_code == 200 and again.json() == a
    assert_problem(api.call("POST", f"/v1/customers/{c['id']}/terms-acceptance", key, json={}), 422)


def test_customer_list_pages_with_a_cursor(api: Api, customers: Customers) -> None:
    reseller = api.onboard_reseller(wait_for_ordering=False)
    made = [customers.team(reseller, name="Same name")["id"] for _ in range(3)]
    first = api.call("GET", "/v1/customers", reseller.key, params={"limit": 2}).json()
    assert len(first["data"]) == 2 and first["next_cursor"]
    second = api.call(
        "GET", "/v1/customers", reseller.key, params={"limit": 2, "cursor": first["next_cursor"]}
    )
    assert second.status_code == 200 and second.json()["next_cursor"] is None
    seen = [c["id"] for c in first["data"] + second.json()["data"]]
    assert seen == list(reversed(made))  # newest first, each once
    assert_problem(
        api.call("GET", "/v1/customers", reseller.key, params={"cursor": "garbage!"}), 400, "invalid-cursor"
    )
    assert_problem(api.call("GET", "/v1/customers", reseller.key, params={"limit": 0}), 422)
