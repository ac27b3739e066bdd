"""The client's address comes from X-Forwarded-For only through configured trusted proxies (R-PL-5)."""

from __future__ import annotations

from services.gateway.addresses import client_address, is_forwarded, parse_networks

INGRESS = parse_networks("10.0.0.0/8")


def test_r_pl_5_without_trusted_proxies_the_socket_peer_is_the_client() -> None:
    assert client_address("203.0.113.9", ["198.51.100.1"], []) == "203.0.113.9"


def test_r_pl_5_a_trusted_proxy_names_the_client_rightmost_first() -> None:
    assert client_address("10.1.2.3", ["198.51.100.7"], INGRESS) == "198.51.100.7"
    # a client writing its own header gets the proxy's append after it: its own value is not believed
    assert client_address("10.1.2.3", ["198.51.100.8, 198.51.100.7"], INGRESS) == "198.51.100.7"
    # proxies chained inside the trusted networks are skipped
    assert client_address("10.1.2.3", ["198.51.100.7, 10.9.9.9"], INGRESS) == "198.51.100.7"
    assert client_address("10.1.2.3", [], INGRESS) == "10.1.2.3"
    assert client_address("10.1.2.3", ["not-an-address"], INGRESS) == "10.1.2.3"


def test_r_pl_5_an_untrusted_peer_cannot_choose_its_address() -> None:
    assert client_address("203.0.113.9", ["10.0.0.1"], INGRESS) == "203.0.113.9"


def test_r_pl_5_probes_connect_directly_from_inside() -> None:
    inside = parse_networks("127.0.0.0/8")
    assert not is_forwarded(False, "127.0.0.1", inside)
    assert is_forwarded(True, "127.0.0.1", inside)  # came through a proxy
    assert is_forwarded(False, "203.0.113.9", inside)
