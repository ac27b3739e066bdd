"""Webhooks end to end (R-PL-2): a partner subscribes to order events and a real receiver gets them
signed per Standard Webhooks, verified with the partner verifier; retries, 410, replay, isolation."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from typing import Any

from channelhub_sdk.webhooks import verify

from libs.testing.api import Api, Reseller, assert_problem, wait_until
from tests.e2e.notifications.conftest import Receiver

PLACED = "ordering.order.placed.v1"
RELEASED = "ordering.order.released.v1"


def subscribe(api: Api, reseller: Reseller, url: str, types: list[str]) -> dict[str, Any]:
    response = api.call(
        "POST", "/v1/webhook-endpoints", reseller.key, json={"url": url, "event_types": types}
    )
    assert response.status_code == 201, response.text
    return response.json()


def place(api: Api, reseller: Reseller) -> dict[str, Any]:
    response = api.call("POST", "/v1/orders", reseller.key, json=api.order_body(api.ensure_sku()["sku"]))
    assert response.status_code == 201, response.text
    return response.json()


def deliveries(api: Api, reseller: Reseller, endpoint: dict[str, Any]) -> list[dict[str, Any]]:
    response = api.call("GET", f"/v1/webhook-endpoints/{endpoint['id']}/deliveries", reseller.key)
    assert response.status_code == 200, response.text
    return list(response.json()["data"])


def test_r_pl_2_catalog_lists_every_order_event_and_other_services_events(api: Api) -> None:
    types = {t["type"] for t in api.call("GET", "/v1/webhook-event-types").json()["data"]}
    for expected in (
        PLACED,
        RELEASED,
        "ordering.order.fulfilled.v1",
        "ordering.order.cancelled.v1",
        "ordering.order.handed_over.v1",
        "ordering.subscription.created.v1",
        "billing.invoice.paid.v1",
        "billing.order.paid.v1",
        "licensing.license.issued.v1",
        "leasing.contract.activated.v1",
    ):
        assert expected in types


def test_r_pl_2_partner_receives_its_order_events_signed_and_in_order(
    api: Api, onboard: Callable[..., Reseller], receiver: Receiver
) -> None:
    reseller = onboard()
    endpoint = subscribe(api, reseller, receiver.url, [PLACED, RELEASED])
    secret = endpoint["secret"]
    assert secret.startswith("whsec_")
    assert (
        api.call("GET", f"/v1/webhook-endpoints/{endpoint['id']}", reseller.key).json()["secret"] is None
    )  # once
    order = place(api, reseller)

    wait_until(lambda: len(receiver.received) >= 1, what="the delivery")
    first = receiver.received[0]
    verify(
        secret,
        msg_id=first.headers["webhook-id"],
        timestamp=first.headers["webhook-timestamp"],
        signature=first.headers["webhook-signature"],
        body=first.body,
    )
    envelope = json.loads(first.body)
    assert envelope["type"] == PLACED and envelope["data"]["order_id"] == order["id"]
    assert envelope["source"] == "/channelhub/ordering" and envelope["resellerid"] == reseller.id
    # the log is written when the worker's transaction commits, just after the receiver answered
    log = wait_until(
        lambda: (d := deliveries(api, reseller, endpoint)) and d[0]["status"] == "succeeded" and d,
        what="the log",
    )
    assert len(log) == 1 and log[0]["webhook_id"] == first.headers["webhook-id"]
    assert log[0]["attempt_log"][0]["status_code"] == 200


def test_r_pl_2_three_failures_then_success_is_one_delivery_with_four_attempts(
    api: Api, onboard: Callable[..., Reseller], receiver: Receiver
) -> None:
    reseller = onboard()
    endpoint = subscribe(api, reseller, receiver.url, [PLACED])
    receiver.answers = [500, 503, 500]
    place(api, reseller)

    def delivered() -> list[dict[str, Any]] | None:
        log = deliveries(api, reseller, endpoint)
        return log if log and log[0]["status"] == "succeeded" else None

    [delivery] = wait_until(delivered, what="the retried delivery to succeed")
    attempts = delivery["attempt_log"]
    assert [a["status_code"] for a in attempts] == [500, 503, 500, 200]
    assert [a["succeeded"] for a in attempts] == [False, False, False, True]
    # every attempt was the same message: same webhook-id, same body
    assert len({r.headers["webhook-id"] for r in receiver.received}) == 1
    assert len({r.body for r in receiver.received}) == 1


def test_r_pl_2_410_gone_disables_the_endpoint(
    api: Api, onboard: Callable[..., Reseller], receiver: Receiver
) -> None:
    reseller = onboard()
    endpoint = subscribe(api, reseller, receiver.url, [PLACED])
    receiver.answers = [410]
    place(api, reseller)

    def disabled() -> bool:
        return (
            api.call("GET", f"/v1/webhook-endpoints/{endpoint['id']}", reseller.key).json()["status"]
            == "disabled"
        )

    wait_until(disabled, what="the endpoint to be disabled")
    place(api, reseller)  # nothing more is sent
    assert [d["status"] for d in deliveries(api, reseller, endpoint)] == ["failed"]
    assert len(receiver.received) == 1
    # the partner re-enables it
    patched = api.call(
        "PATCH", f"/v1/webhook-endpoints/{endpoint['id']}", reseller.key, json={"status": "active"}
    )
    assert patched.json()["status"] == "active"


def test_r_pl_2_replay_sends_the_same_payload_again_as_a_new_attempt(
    api: Api, onboard: Callable[..., Reseller], receiver: Receiver
) -> None:
    reseller = onboard()
    endpoint = subscribe(api, reseller, receiver.url, [PLACED])
    place(api, reseller)
    [delivery] = wait_until(
        lambda: [d for d in deliveries(api, reseller, endpoint) if d["status"] == "succeeded"] or None,
        what="delivery",
    )
    replayed = api.call(
        "POST", f"/v1/webhook-endpoints/{endpoint['id']}/deliveries/{delivery['id']}/replay", reseller.key
    )
    assert replayed.status_code == 200, replayed.text
    # queued, never sent inside the request (R-PL-5): the worker sends it next
    assert replayed.json()["status"] == "pending"
    wait_until(
        lambda: (
            [a["trigger"] for a in deliveries(api, reseller, endpoint)[0]["attempt_log"]]
            == ["schedule", "replay"]
        ),
        what="the replay's attempt",
    )
    assert len(receiver.received) == 2
    assert receiver.received[0].body == receiver.received[1].body
    assert receiver.received[0].headers["webhook-id"] == receiver.received[1].headers["webhook-id"]
    other = onboard()
    assert_problem(
        api.call(
            "POST", f"/v1/webhook-endpoints/{endpoint['id']}/deliveries/{delivery['id']}/replay", other.key
        ),
        404,
    )


def test_r_pl_2_another_resellers_events_never_reach_an_endpoint(
    api: Api, onboard: Callable[..., Reseller], receiver: Receiver
) -> None:
    mine, other = onboard(), onboard()
    endpoint = subscribe(api, mine, receiver.url, [PLACED])
    foreign = place(api, other)
    own = place(api, mine)
    wait_until(lambda: len(receiver.received) >= 1, what="my delivery")
    ids = {json.loads(r.body)["data"]["order_id"] for r in receiver.received}
    assert ids == {own["id"]} and foreign["id"] not in ids
    assert_problem(api.call("GET", f"/v1/webhook-endpoints/{endpoint['id']}", other.key), 404)
    assert_problem(api.call("GET", f"/v1/webhook-endpoints/{endpoint['id']}/deliveries", other.key), 404)
    assert [e["id"] for e in api.call("GET", "/v1/webhook-endpoints", other.key).json()["data"]] == []


def test_r_pl_2_ssrf_targets_and_unknown_event_types_are_refused(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller = onboard()
    for url in (
        "https://10.0.0.1/hooks",
        "https://169.254.169.254/latest/meta-data",
        "https://192.168.1.20/x",
        "https://[fd00::1]/x",
        "ftp://hooks.example.com/x",
        "https://user:pw@127.0.0.1/x",
    ):
        assert_problem(
            api.call(
                "POST", "/v1/webhook-endpoints", reseller.key, json={"url": url, "event_types": [PLACED]}
            ),
            422,
        )
    assert_problem(
        api.call(
            "POST",
            "/v1/webhook-endpoints",
            reseller.key,
            json={"url": "http://127.0.0.1:9/x", "event_types": ["no.such.v1"]},
        ),
        422,
        "unknown-event-type",
    )
    assert api.call("GET", "/v1/webhook-endpoints", reseller.key).json()["data"] == []


def test_r_pl_2_rotation_signs_with_both_secrets_during_the_overlap(
    api: Api, onboard: Callable[..., Reseller], receiver: Receiver
) -> None:
    reseller = onboard()
    endpoint = subscribe(api, reseller, receiver.url, [PLACED])
    rotated = api.call(
        "POST",
        f"/v1/webhook-endpoints/{endpoint['id']}/rotate-secret",
        reseller.key,
        headers={"Idempotency-Key": uuid.uuid4().hex},
    )
    assert rotated.status_code == 200, rotated.text
    new_secret = rotated.json()["secret"]
    assert new_secret != endpoint["secret"] and rotated.json()["previous_secret_expires_at"]
    place(api, reseller)
    wait_until(lambda: receiver.received, what="the delivery")
    got = receiver.received[0]
    assert len(got.headers["webhook-signature"].split()) == 2
    for secret in (endpoint["secret"], new_secret):  # a partner on either secret verifies it
        verify(
            secret,
            msg_id=got.headers["webhook-id"],
            timestamp=got.headers["webhook-timestamp"],
            signature=got.headers["webhook-signature"],
            body=got.body,
        )
