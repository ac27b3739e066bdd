"""Licensing end to end through the gateway (R-LI-1…4, R-LI-6): paid order → license file the
customer downloads and verifies offline with the published key; temporary licenses; seats."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from channelhub_sdk.licenses import keys_from_document, verify

from libs.events.envelope import CloudEvent
from libs.events.ordering import OrderReleased
from libs.kafka import ensure_topics, new_producer
from libs.testing.api import Api, Reseller, assert_problem, wait_until
from tests.e2e.billing.conftest import invoice_of, pay
from tests.e2e.licensing.conftest import LicensingDb
from tests.e2e.ordering.conftest import customer_ready_to_order, price_keys_in
from tools.devstack.stack import Stack


def customer_key(api: Api, reseller: Reseller, customer_id: str) -> str:
    response = api.call(
        "POST", f"/v1/customers/{customer_id}/api-keys", reseller.key, json={"name": "portal"}
    )
    assert response.status_code == 201, response.text
    return str(response.json()["key"])


def place_for(api: Api, reseller: Reseller, customer_id: str, quantity: int = 1) -> dict[str, Any]:
    body = api.order_body(api.ensure_sku()["sku"], quantity)
    del body["ship_to"]
    body["customer_id"] = customer_id
    response = api.call("POST", "/v1/orders", reseller.key, json=body)
    assert response.status_code == 201, response.text
    return response.json()


def licenses_of(api: Api, key: str, order: dict[str, Any]) -> list[dict[str, Any]]:
    response = api.call("GET", "/v1/licenses", key, params={"order_id": order["id"]})
    assert response.status_code == 200, response.text
    return list(response.json()["data"])


def permanent(api: Api, key: str, order: dict[str, Any]) -> dict[str, Any]:
    def found() -> dict[str, Any] | None:
        return next((lic for lic in licenses_of(api, key, order) if not lic["temporary"]), None)

    return wait_until(found, what="the permanent license")


def published_keys(api: Api) -> Any:
    response = api.call("GET", "/v1/license-signing-keys")  # no key: anyone may verify
    assert response.status_code == 200, response.text
    return keys_from_document(response.json())


def test_r_li_1_r_li_2_paid_order_license_file_downloaded_by_the_customer_verifies_offline(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller = onboard()
    customer_id = customer_ready_to_order(api, reseller)
    order = place_for(api, reseller, customer_id, quantity=3)
    assert order["payment_requirement"] == "prepay"
    pay(api, invoice_of(api, reseller, order))  # R-BI-2: released on payment, then licensed

    ckey = customer_key(api, reseller, customer_id)
    lic = permanent(api, ckey, order)
    assert (lic["sku"], lic["quantity"], lic["customer_id"], lic["status"]) == (
        order["lines"][0]["sku"],
        3,
        customer_id,
        "active",
    )
    assert price_keys_in(lic) == set()  # R-LI-6: never a price
    wait_until(
        lambda: api.call("GET", f"/v1/orders/{order['id']}", reseller.key).json()["status"] == "fulfilled",
        what="fulfilled",
    )

    document = api.call("GET", f"/v1/licenses/{lic['id']}/file", ckey).json()
    payload = verify(document, published_keys(api))
    assert payload["license_id"] == lic["id"] and payload["order_id"] == order["id"]
    assert payload["sku"] == lic["sku"] and payload["quantity"] == 3 and payload["temporary"] is False
    assert payload["licensee"]["customer_id"] == customer_id
    # the reseller sees it too; another reseller does not
    assert api.call("GET", f"/v1/licenses/{lic['id']}", reseller.key).status_code == 200
    other = onboard()
    assert_problem(api.call("GET", f"/v1/licenses/{lic['id']}", other.key), 404)
    assert_problem(api.call("GET", f"/v1/licenses/{lic['id']}/file", other.key), 404)
    assert licenses_of(api, other.key, order) == []


def test_r_li_3_temporary_license_before_payment_is_replaced_by_the_permanent_one(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller = onboard()
    customer_id = customer_ready_to_order(api, reseller)
    order = place_for(api, reseller, customer_id)
    # the very next call after placing the order
    temporary = api.call("POST", f"/v1/orders/{order['id']}/temporary-license", reseller.key)
    assert temporary.status_code == 201, temporary.text
    lic = temporary.json()
    assert lic["temporary"] is True and lic["status"] == "active"
    assert date.fromisoformat(lic["valid_until"]) == date.fromisoformat(lic["valid_from"]) + timedelta(
        days=30
    )
    assert_problem(
        api.call("POST", f"/v1/orders/{order['id']}/temporary-license", reseller.key),
        409,
        "temporary-license-exists",
    )
    assert (
        verify(api.call("GET", f"/v1/licenses/{lic['id']}/file", reseller.key).json(), published_keys(api))[
            "temporary"
        ]
        is True
    )
    assert (
        api.call("GET", f"/v1/orders/{order['id']}", reseller.key).json()["status"] == "placed"
    )  # not fulfilled

    pay(api, invoice_of(api, reseller, order))
    final = permanent(api, reseller.key, order)
    wait_until(
        lambda: api.call("GET", f"/v1/licenses/{lic['id']}", reseller.key).json()["status"] == "revoked",
        what="the temporary license to be revoked",
    )
    assert api.call("GET", f"/v1/licenses/{lic['id']}", reseller.key).json()["replaced_by"] == final["id"]
    # a released order awaits no prepayment any more
    assert_problem(
        api.call("POST", f"/v1/orders/{order['id']}/temporary-license", reseller.key),
        409,
        "order-not-awaiting-prepayment",
    )


def test_r_li_3_temporary_license_expires_on_its_own(api: Api, onboard: Callable[..., Reseller]) -> None:
    reseller = onboard()
    order = place_for(api, reseller, customer_ready_to_order(api, reseller))
    lic = api.call("POST", f"/v1/orders/{order['id']}/temporary-license", reseller.key).json()
    last_day = date.fromisoformat(lic["valid_until"])
    run = api.admin("POST", "/v1/licensing/jobs/expire-licenses/run", json={"as_of": str(last_day)})
    assert run.status_code == 200, run.text
    assert (
        api.call("GET", f"/v1/licenses/{lic['id']}", reseller.key).json()["status"] == "active"
    )  # its last day
    api.admin(
        "POST", "/v1/licensing/jobs/expire-licenses/run", json={"as_of": str(last_day + timedelta(days=1))}
    )
    assert api.call("GET", f"/v1/licenses/{lic['id']}", reseller.key).json()["status"] == "expired"


def test_r_li_1_a_redelivered_release_issues_nothing_twice(
    api: Api, onboard: Callable[..., Reseller], stack: Stack
) -> None:
    reseller = onboard()
    customer_id = customer_ready_to_order(api, reseller)
    order = place_for(api, reseller, customer_id)
    pay(api, invoice_of(api, reseller, order))
    first = permanent(api, reseller.key, order)
    # ordering's release, sent again as a new delivery (a new event id: the inbox cannot catch it)
    release = CloudEvent.wrap(
        OrderReleased(
            order_id=uuid.UUID(order["id"]),
            reseller_id=uuid.UUID(reseller.id),
            customer_id=uuid.UUID(customer_id),
        ),
        service="ordering",
        at=datetime.now(UTC),
        reseller_id=reseller.id,
    )

    async def send() -> None:
        await ensure_topics(stack.bootstrap, {OrderReleased.topic})
        producer = new_producer(stack.bootstrap)
        await producer.start()
        try:
            for _ in range(2):
                await producer.send_and_wait(
                    OrderReleased.topic, release.to_bytes(), key=release.subject.encode()
                )
        finally:
            await producer.stop()

    asyncio.run(send())
    # a later order of the same reseller, placed after the redelivery, is licensed: the redelivery was handled
    later = place_for(api, reseller, customer_id)
    pay(api, invoice_of(api, reseller, later))
    permanent(api, reseller.key, later)
    assert [lic["id"] for lic in licenses_of(api, reseller.key, order)] == [first["id"]]


def established(api: Api, onboard: Callable[..., Reseller]) -> Reseller:
    reseller = onboard()
    assert (
        api.admin(
            "POST", f"/v1/resellers/{reseller.id}/payment-facts", json={"paid_orders_delta": 3}
        ).status_code
        == 200
    )
    wait_until(
        lambda: (
            api.call("GET", "/v1/orders/eligibility", reseller.key).json().get("standing") == "established"
        ),
        what="ordering to learn the reseller is established",
    )
    return reseller


def subscription_with_seats(api: Api, reseller: Reseller, seats: int) -> dict[str, Any]:
    customer_id = customer_ready_to_order(api, reseller)
    sku = api.create_sku(
        billing_plan="yearly", seat_based=True, prices=[{"amount": "120.00", "currency": "EUR"}]
    )
    body = {"customer_id": customer_id, "sku": sku["sku"], "seats": seats, "term_months": 12}
    key = uuid.uuid4().hex

    def subscribe() -> dict[str, Any] | None:
        r = api.call("POST", "/v1/subscriptions", reseller.key, json=body, headers={"Idempotency-Key": key})
        return r.json() if r.status_code == 201 else None

    return wait_until(subscribe, what="ordering to accept the subscription")


def assign(api: Api, reseller: Reseller, subscription: dict[str, Any], email: str) -> Any:
    return api.call(
        "POST",
        f"/v1/subscriptions/{subscription['id']}/seat-assignments",
        reseller.key,
        json={"email": email},
    )


def test_r_li_4_seats_assigned_while_free_refused_beyond_capacity_and_reassigned_after_removal(
    api: Api, onboard: Callable[..., Reseller], licensing_db: LicensingDb
) -> None:
    reseller = established(api, onboard)
    sub = subscription_with_seats(api, reseller, seats=2)
    assert sub["status"] == "active"
    # the very next call after creating the subscription
    assert assign(api, reseller, sub, "ann@acme.example").status_code == 201
    assert assign(api, reseller, sub, "Bob@Acme.example").json()["email"] == "bob@acme.example"
    assert_problem(assign(api, reseller, sub, "cat@acme.example"), 409, "no-seats-left")
    assert_problem(assign(api, reseller, sub, "ann@acme.example"), 409)
    assert_problem(assign(api, reseller, sub, "not-an-email"), 422)

    removed = api.call(
        "DELETE", f"/v1/subscriptions/{sub['id']}/seat-assignments/ann@acme.example", reseller.key
    )
    assert removed.status_code == 204, removed.text
    assert assign(api, reseller, sub, "cat@acme.example").status_code == 201  # the freed seat, reassigned
    overview = api.call("GET", f"/v1/subscriptions/{sub['id']}/seat-assignments", reseller.key).json()
    assert (overview["seats_usable"], overview["seats_assigned"]) == (2, 2)
    assert (overview["seats_active"], overview["seats_invited"]) == (0, 2)
    assert sorted(a["email"] for a in overview["assignments"]) == ["bob@acme.example", "cat@acme.example"]

    # the invitation works for a new user, once; the same person invited elsewhere is an existing user
    token = licensing_db.invitation_token(sub["id"], "cat@acme.example")
    first = api.call("POST", f"/v1/seat-invitations/{token}/activate")
    assert first.status_code == 200, first.text
    assert first.json()["existing_user"] is False and first.json()["status"] == "active"
    assert_problem(api.call("POST", f"/v1/seat-invitations/{token}/activate"), 404)
    other = subscription_with_seats(api, reseller, seats=1)
    assert assign(api, reseller, other, "cat@acme.example").status_code == 201
    again = api.call(
        "POST",
        f"/v1/seat-invitations/{licensing_db.invitation_token(other['id'], 'cat@acme.example')}/activate",
    )
    assert again.json()["existing_user"] is True

    # the subscription's license follows its seats; another reseller cannot touch them
    lic = wait_until(
        lambda: (
            api.call("GET", "/v1/licenses", reseller.key, params={"subscription_id": sub["id"]}).json()[
                "data"
            ]
            or [None]
        )[0],
        what="the subscription license",
    )
    # the period's end is exclusive: the license's last day is the day before it (no day more)
    last_day = date.fromisoformat(sub["period_end"]) - timedelta(days=1)
    assert (lic["kind"], lic["seats"], lic["valid_until"]) == ("subscription", 2, str(last_day))
    intruder = onboard()
    assert_problem(assign(api, intruder, sub, "eve@evil.example"), 404)
    assert_problem(
        api.call("DELETE", f"/v1/subscriptions/{sub['id']}/seat-assignments/bob@acme.example", intruder.key),
        404,
    )


def test_r_li_4_an_unpaid_subscription_has_no_seats_to_assign(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller = onboard()  # new: prepays, the subscription waits for its payment
    sub = subscription_with_seats(api, reseller, seats=3)
    assert sub["status"] == "pending_payment"
    assert_problem(assign(api, reseller, sub, "ann@acme.example"), 409, "subscription-not-usable")
