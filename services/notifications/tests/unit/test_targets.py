"""SSRF (R-PL-5): every non-global range refused by its list, IPv4 inside IPv6 unwrapped, and the
sender pinned to the address it checked — a rebinding resolver cannot move it inside."""

from __future__ import annotations

import asyncio
import base64
import os
import uuid
from datetime import UTC, datetime

import httpx
import pytest

from services.notifications.config import NotificationsConfig
from services.notifications.domain.targets import TargetRefused, check_address, pin
from services.notifications.usecases import deliveries, secret_box

PUBLIC = "93.184.216.34"


@pytest.mark.parametrize(
    "address",
    [
        "::ffff:10.0.0.1",  # IPv4-mapped private
        "::ffff:127.0.0.1",
        "2002:7f00:1::1",  # 6to4 of 127.0.0.1
        "2002:a00:1::1",  # 6to4 of 10.0.0.1
        "2002:a9fe:a9fe::1",  # 6to4 of 169.254.169.254 (cloud metadata)
        "2001:0:4136:e378:8000:63bf:f5ff:fffe",  # Teredo (client 10.0.0.1)
        "64:ff9b::a00:1",  # NAT64 of 10.0.0.1
        "fec0::1",  # site-local
        "fc00::1",
        "fe80::1%eth0",
        "100.64.0.1",  # carrier-grade NAT
        "198.18.0.1",
        "192.0.0.8",
        "240.0.0.1",
        "0.0.0.0",
        "::",
        "ff02::1",
        "2001:db8::1",
    ],
)
def test_r_pl_5_non_global_and_wrapped_addresses_are_refused(address: str) -> None:
    with pytest.raises(TargetRefused):
        check_address(address, allow_loopback=False)


def test_r_pl_5_public_addresses_and_a_6to4_of_one_pass() -> None:
    check_address(PUBLIC, allow_loopback=False)
    check_address("2606:4700::1111", allow_loopback=False)
    check_address("2002:5db8:d822::1", allow_loopback=False)  # 6to4 of 93.184.216.34


def test_r_pl_5_pin_names_the_checked_address_and_keeps_the_host() -> None:
    pinned = pin("https://hooks.example.com/in?x=1", [PUBLIC], allow_insecure=False, allow_loopback=False)
    assert pinned.url == f"https://{PUBLIC}/in?x=1"
    assert (pinned.host, pinned.host_header) == ("hooks.example.com", "hooks.example.com")
    v6 = pin(
        "https://hooks.example.com:8443/", ["2606:4700::1111"], allow_insecure=False, allow_loopback=False
    )
    assert v6.url == "https://[2606:4700::1111]:8443/" and v6.host_header == "hooks.example.com:8443"
    # a name that also resolves inside is refused as a whole
    with pytest.raises(TargetRefused):
        pin("https://hooks.example.com/", [PUBLIC, "10.1.2.3"], allow_insecure=False, allow_loopback=False)


async def test_r_pl_5_a_rebinding_resolver_cannot_move_the_connection_inside() -> None:
    """The name answers a public address once, then 127.0.0.1 / 10.x (a low TTL): the sender asks once
    and connects to what it checked, so the second answer is never used."""
    answers = [[PUBLIC], ["127.0.0.1"], ["10.0.0.1"]]
    asked: list[str] = []

    async def rebinding(host: str, port: int) -> list[str]:
        asked.append(host)
        return answers.pop(0)

    config = NotificationsConfig(CHANNELHUB_DEV_MODE=False)
    pinned = await deliveries.pinned_target("https://rebind.example.com/hook", config, rebinding)
    assert asked == ["rebind.example.com"]
    assert pinned.address == PUBLIC and pinned.url == f"https://{PUBLIC}/hook"
    # had the check and the connect resolved separately, the connect would have gone inside;
    # a resolver answering inside at check time is refused outright
    with pytest.raises(TargetRefused):
        await deliveries.pinned_target("https://rebind.example.com/hook", config, rebinding)


async def test_r_pl_5_the_sender_connects_to_the_pinned_address_with_the_host_header_kept() -> None:
    """Through a real socket: the name resolves (stub) to a local receiver, which sees the name."""
    seen: list[bytes] = []

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        seen.append(await reader.readuntil(b"\r\n\r\n"))
        writer.write(b"HTTP/1.1 204 No Content\r\n\r\n")
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]

    async def resolver(host: str, _port: int) -> list[str]:
        return ["127.0.0.1"]

    config = NotificationsConfig(CHANNELHUB_DEV_MODE=True)
    claimed = deliveries.Claimed(
        delivery_id=uuid.uuid4(),
        endpoint_id=uuid.uuid4(),
        url=f"http://partner.example.test:{port}/in",
        secrets=["whsec_" + base64.b64encode(os.urandom(32)).decode()],
        webhook_id="msg_1",
        body=b"{}",
        trigger="schedule",
    )
    async with server, httpx.AsyncClient() as http:
        outcome = await deliveries.send(claimed, http, config, datetime.now(UTC), resolver)
    assert outcome.status_code == 204 and outcome.error is None, outcome
    assert f"host: partner.example.test:{port}".encode() in seen[0].lower()


def test_r_pl_5_a_webhook_secret_is_stored_encrypted() -> None:
    key = base64.b64encode(os.urandom(32)).decode()
    os.environ["CHANNELHUB_WEBHOOK_SECRET_KEYS"] = f"k2:{key}"
    from services.notifications.config import notifications_config

    notifications_config.cache_clear()
    try:
        stored = secret_box.seal("whsec_abc")
        assert stored.startswith("enc:v1:k2:") and "whsec_abc" not in stored
        assert secret_box.open_secret(stored) == "whsec_abc"
        assert secret_box.open_secret("whsec_plain") == "whsec_plain"  # stored before encryption
    finally:
        del os.environ["CHANNELHUB_WEBHOOK_SECRET_KEYS"]
        notifications_config.cache_clear()
