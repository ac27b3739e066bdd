"""One partner's receiver never stalls another's (R-PL-5): a receiver that sends its headers and then
one byte every two seconds, and one that streams without end, hold only their own deliveries; another
reseller's endpoint still gets its delivery while both are in flight. Each hostile attempt ends by the
total deadline or the response cap, and is logged as a category, not a socket message."""

from __future__ import annotations

import socket
import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest
from channelhub_sdk.webhooks import verify

from libs.db import UnitOfWork
from libs.testing.api import Api, Reseller, assert_problem, wait_until
from libs.testing.db import ServiceDb
from services.notifications.models import WebhookEndpoint
from tests.e2e.notifications.conftest import Receiver
from tests.e2e.notifications.test_webhooks import PLACED, deliveries, place, subscribe
from tools.devstack.stack import Stack


@dataclass
class Hostile:
    url: str
    requests: int = 0
    stop: threading.Event = field(default_factory=threading.Event)


def _serve(behaviour: Callable[[socket.socket, threading.Event], None]) -> Iterator[Hostile]:
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    hostile = Hostile(url=f"http://127.0.0.1:{listener.getsockname()[1]}/hooks")

    def handle(conn: socket.socket) -> None:
        with conn:
            try:
                conn.recv(65536)  # the request (small: one event)
                hostile.requests += 1
                behaviour(conn, hostile.stop)
            except OSError:
                pass  # the sender closed the connection: what it should do

    def accept() -> None:
        while not hostile.stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            threading.Thread(target=handle, args=(conn,), daemon=True).start()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield hostile
    finally:
        hostile.stop.set()
        thread.join(timeout=2)
        listener.close()


def _trickle(conn: socket.socket, stop: threading.Event) -> None:
    """Headers at once, then one byte of the body every two seconds (each within any read timeout)."""
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n")
    while not stop.wait(2):  # the hostile server's pace, not the test waiting
        conn.sendall(b"x")


def _endless(conn: socket.socket, stop: threading.Event) -> None:
    """A chunked answer that never ends."""
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n")
    chunk = b"y" * 16384
    while not stop.is_set():
        conn.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))


@pytest.fixture
def trickling() -> Iterator[Hostile]:
    yield from _serve(_trickle)


@pytest.fixture
def endless() -> Iterator[Hostile]:
    yield from _serve(_endless)


def test_r_pl_5_a_trickling_and_an_endless_receiver_do_not_delay_another_resellers_delivery(
    api: Api,
    onboard: Callable[..., Reseller],
    receiver: Receiver,
    trickling: Hostile,
    endless: Hostile,
    stack: Stack,
) -> None:
    hostile_partner = onboard()
    slow = subscribe(api, hostile_partner, trickling.url, [PLACED])
    flood = subscribe(api, hostile_partner, endless.url, [PLACED])
    place(api, hostile_partner)
    wait_until(
        lambda: trickling.requests and endless.requests, what="both hostile receivers to hold a delivery"
    )
    # while both are in flight, another reseller's delivery goes out
    other = onboard()
    mine = subscribe(api, other, receiver.url, [PLACED])
    place(api, other)
    wait_until(
        lambda: [d for d in deliveries(api, other, mine) if d["status"] == "succeeded"] or None,
        what="the other reseller's delivery while the hostile receivers hold theirs",
    )
    assert len(receiver.received) == 1
    # the endless answer is cut at the response cap: a 200 with a short excerpt, the connection closed
    [streamed] = wait_until(
        lambda: [d for d in deliveries(api, hostile_partner, flood) if d["attempt_log"]] or None,
        what="the endless receiver's attempt to be recorded",
    )
    attempt = streamed["attempt_log"][0]
    assert attempt["status_code"] == 200 and len(attempt["response_excerpt"] or "") <= 500
    # the trickle ends at the total deadline (10 s), whatever the per-read timeouts would allow
    [trickled] = wait_until(
        lambda: [d for d in deliveries(api, hostile_partner, slow) if d["attempt_log"]] or None,
        timeout=40,
        what="the trickling receiver's attempt to end at the deadline",
    )
    attempt = trickled["attempt_log"][0]
    assert attempt["error"] == "timeout" and not attempt["succeeded"]
    assert trickled["status"] == "pending"  # to be retried, after the endpoint's backoff

    async def backoff(uow: UnitOfWork) -> tuple[int, datetime | None]:
        row = await uow.session.get(WebhookEndpoint, uuid.UUID(slow["id"]))
        assert row is not None
        return row.consecutive_timeouts, row.paused_until

    timeouts, paused_until = ServiceDb(stack.service_urls["notifications"]).run(backoff)
    assert timeouts >= 1 and paused_until is not None  # this endpoint alone waits before its next try


def test_r_pl_5_delivery_errors_are_categories_not_socket_messages(
    api: Api, onboard: Callable[..., Reseller]
) -> None:
    reseller = onboard()
    closed = socket.create_server(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()  # nothing listens there now: connection refused
    endpoint = subscribe(api, reseller, f"http://127.0.0.1:{port}/hooks", [PLACED])
    place(api, reseller)
    [delivery] = wait_until(
        lambda: [d for d in deliveries(api, reseller, endpoint) if d["attempt_log"]] or None,
        what="the refused attempt",
    )
    assert delivery["attempt_log"][0]["error"] == "refused"


def test_r_pl_5_endpoints_per_reseller_and_replays_are_bounded(
    api: Api, onboard: Callable[..., Reseller], receiver: Receiver
) -> None:
    reseller = onboard(wait_for_ordering=False)
    made = [subscribe(api, reseller, f"{receiver.url}/{n}", [PLACED]) for n in range(10)]
    refused = api.call(
        "POST", "/v1/webhook-endpoints", reseller.key, json={"url": receiver.url, "event_types": [PLACED]}
    )
    assert_problem(refused, 422, "webhook-endpoint-limit")
    # a deleted endpoint frees its place
    assert api.call("DELETE", f"/v1/webhook-endpoints/{made[0]['id']}", reseller.key).status_code == 204
    subscribe(api, reseller, receiver.url, [PLACED])
    # a replay of a year of events is refused; a month is queued (never sent inside the request)
    now = datetime.now(UTC)
    path = f"/v1/webhook-endpoints/{made[1]['id']}/deliveries/replay"
    year = {"from": (now - timedelta(days=365)).isoformat(), "to": now.isoformat()}
    assert_problem(api.call("POST", path, reseller.key, json=year), 422, "replay-range-too-long")
    month = {"from": (now - timedelta(days=30)).isoformat(), "to": now.isoformat()}
    queued = api.call("POST", path, reseller.key, json=month)
    assert queued.status_code == 200 and queued.json() == {"replayed": 0}, queued.text


def test_r_pl_5_a_stored_webhook_secret_is_unreadable_and_the_old_one_dropped_after_the_overlap(
    api: Api, onboard: Callable[..., Reseller], receiver: Receiver, stack: Stack
) -> None:
    reseller = onboard(wait_for_ordering=False)
    endpoint = subscribe(api, reseller, receiver.url, [PLACED])
    db = ServiceDb(stack.service_urls["notifications"])

    def stored() -> Stored:
        async def read(uow: UnitOfWork) -> Stored:
            row = await uow.session.get(WebhookEndpoint, uuid.UUID(endpoint["id"]))
            assert row is not None
            return Stored(row.secret, row.previous_secret)

        return db.run(read)

    row = stored()
    assert endpoint["secret"] not in row.secret and row.secret.startswith("enc:v1:")
    assert endpoint["secret"].removeprefix("whsec_") not in row.secret
    rotated = api.call("POST", f"/v1/webhook-endpoints/{endpoint['id']}/rotate-secret", reseller.key)
    assert rotated.status_code == 200, rotated.text
    row = stored()
    assert row.previous_secret is not None and row.previous_secret.startswith("enc:v1:")
    assert endpoint["secret"] not in row.previous_secret and rotated.json()["secret"] not in row.secret

    # the overlap ends (its end moved into the past): the next claim of the endpoint drops it
    async def end_overlap(uow: UnitOfWork) -> None:
        row = await uow.session.get(WebhookEndpoint, uuid.UUID(endpoint["id"]))
        assert row is not None
        row.previous_secret_expires_at = datetime.now(UTC) - timedelta(seconds=1)

    db.run(end_overlap, commit=True)
    place(api, reseller)
    wait_until(lambda: stored().previous_secret is None, what="the expired previous secret to be dropped")
    assert verify_signed(receiver, rotated.json()["secret"])


@dataclass
class Stored:
    secret: str
    previous_secret: str | None


def verify_signed(receiver: Receiver, secret: str) -> bool:
    [received] = wait_until(lambda: receiver.received or None, what="the delivery signed with the new secret")
    verify(
        secret,
        msg_id=received.headers["webhook-id"],
        timestamp=received.headers["webhook-timestamp"],
        signature=received.headers["webhook-signature"],
        body=received.body,
    )
    return True
