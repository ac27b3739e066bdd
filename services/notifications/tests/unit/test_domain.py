"""Notifications' pure rules: the retry schedule (injected time), SSRF targets, what subscribers see,
and the Standard Webhooks signatures of deliveries as the partners' SDK verifies them."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from channelhub_sdk.webhooks import InvalidSignature, verify, verify_webhook

from services.notifications.config import NotificationsConfig
from services.notifications.domain.payloads import for_subscriber, tenant_of
from services.notifications.domain.retry import next_attempt, parse_retry_after
from services.notifications.domain.signatures import signature_header
from services.notifications.domain.targets import TargetRefused, check_address, check_url

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"


def test_r_pl_2_default_schedule_retries_for_about_three_days_then_gives_up() -> None:
    schedule = NotificationsConfig().retry_delays()
    at, rng = NOW, random.Random(7)
    for failed in range(1, len(schedule) + 1):
        following = next_attempt(failed, at, schedule, rng=rng)
        assert following is not None
        nominal = timedelta(seconds=schedule[failed - 1])
        assert nominal * 0.8 <= following - at <= nominal  # jittered, never later than nominal
        at = following
    assert timedelta(days=2, hours=12) < at - NOW <= timedelta(days=3, hours=5)
    assert next_attempt(len(schedule) + 1, at, schedule) is None


def test_r_pl_2_retry_after_is_honoured_when_longer_and_capped() -> None:
    assert next_attempt(
        1, NOW, [5.0], retry_after=timedelta(minutes=10), rng=random.Random(1)
    ) == NOW + timedelta(minutes=10)
    assert next_attempt(1, NOW, [5.0], retry_after=timedelta(days=30)) == NOW + timedelta(days=1)
    assert parse_retry_after("120", NOW) == timedelta(seconds=120)
    assert parse_retry_after("Mon, 23 Nov 2026 12:05:00 GMT", NOW) == timedelta(minutes=5)
    assert parse_retry_after("soon", NOW) is None


@pytest.mark.parametrize(
    "address",
    [
        "10.0.0.1",
        "192.168.1.10",
        "172.16.0.5",
        "169.254.169.254",
        "127.0.0.1",
        "::1",
        "fd00::1",
        "0.0.0.0",
        "224.0.0.1",
        "::ffff:10.0.0.1",
    ],
)
def test_r_pl_2_private_loopback_link_local_and_reserved_addresses_are_refused(address: str) -> None:
    with pytest.raises(TargetRefused):
        check_address(address, allow_loopback=False)


def test_r_pl_2_public_addresses_pass_and_development_allows_loopback_only() -> None:
    check_address("93.184.216.34", allow_loopback=False)
    check_address("2606:4700::1111", allow_loopback=False)
    check_address("127.0.0.1", allow_loopback=True)
    with pytest.raises(TargetRefused):
        check_address("10.0.0.1", allow_loopback=True)


def test_r_pl_2_urls_must_be_https_without_credentials() -> None:
    assert check_url("https://hooks.example.com/in", allow_insecure=False) == ("hooks.example.com", 443)
    for bad in (
        "http://hooks.example.com/in",
        "ftp://x",
        "https://user:pw@hooks.example.com/",
        "https:///nohost",
    ):
        with pytest.raises(TargetRefused):
            check_url(bad, allow_insecure=False)
    assert check_url("http://127.0.0.1:9000/in", allow_insecure=True) == ("127.0.0.1", 9000)


def test_r_pl_2_subscribers_never_see_invitation_tokens_and_events_belong_to_their_tenant() -> None:
    envelope: dict[str, Any] = {
        "type": "licensing.seat.assigned.v1",
        "resellerid": "r-1",
        "data": {"email": "a@b.c", "invitation_token": "inv_x"},
    }
    assert "invitation_token" not in for_subscriber(envelope)["data"]
    assert envelope["data"]["invitation_token"] == "inv_x"  # the original is untouched
    assert tenant_of(envelope) == "r-1" and tenant_of({"type": "ordering.sku.created.v1"}) is None


def test_r_pl_2_deliveries_are_signed_as_the_partners_sdk_verifies_them() -> None:
    body = b'{"type":"ordering.order.placed.v1"}'
    ts = int(NOW.timestamp())
    headers = {
        "webhook-id": "msg_1",
        "webhook-timestamp": str(ts),
        "webhook-signature": signature_header([SECRET], "msg_1", ts, body),
    }
    # the SDK's verifier is a separate implementation of the scheme (stdlib only)
    assert verify_webhook(SECRET, headers, body, now=ts) == {"type": "ordering.order.placed.v1"}
    with pytest.raises(InvalidSignature):
        verify_webhook(SECRET, headers, b'{"type":"forged"}', now=ts)
    with pytest.raises(InvalidSignature):  # another delivery's id under the same signature
        verify_webhook(SECRET, {**headers, "webhook-id": "msg_2"}, body, now=ts)


def test_r_pl_2_during_a_rotation_each_secret_in_force_signs_one_entry() -> None:
    body, ts = b"{}", int(NOW.timestamp())
    other = "whsec_" + "QUJD" * 8
    both = signature_header([other, SECRET], "msg_1", ts, body)
    assert len(both.split(" ")) == 2
    for secret in (other, SECRET):
        verify(secret, msg_id="msg_1", timestamp=str(ts), signature=both, body=body, now=ts)
    with pytest.raises(InvalidSignature):
        verify("whsec_" + "WFla" * 8, msg_id="msg_1", timestamp=str(ts), signature=both, body=body, now=ts)


def test_r_bi_6_waas_invoice_events_go_to_no_partner_endpoint() -> None:
    def invoice_event(kind: str) -> dict[str, object]:
        return {
            "type": "billing.invoice.reminder_due.v1",
            "resellerid": "r-1",
            "data": {"invoice": {"kind": kind}},
        }

    assert tenant_of(invoice_event("order")) == "r-1"
    assert tenant_of(invoice_event("waas")) is None  # the distributor's invoice to its end customer
    contract = {"type": "leasing.contract.activated.v1", "resellerid": "r-1", "data": {"contract": {}}}
    assert tenant_of(contract) == "r-1"  # the partner's own contract events still arrive
