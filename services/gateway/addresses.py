"""The client's address, for the per-address rate limits (and what services are told it is).

`X-Forwarded-For` is honoured only when the connection comes from a configured trusted proxy
(`CHANNELHUB_TRUSTED_PROXIES`, CIDRs, comma-separated; empty: trust nobody): the header is read from
the right, skipping trusted proxies, and the first address that is not one of them is the client.
Anything further left was written by the client itself and is never believed. Without the setting,
behind a proxy every client would share the proxy's address (and one rate-limit bucket); with a
too-wide setting, anyone reaching the gateway directly could pick any address. uvicorn's own proxy
header handling is off (`tools.serve`), so this is the one place the address is decided.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_networks(value: str) -> list[Network]:
    return [ipaddress.ip_network(item.strip(), strict=False) for item in value.split(",") if item.strip()]


def _within(address: str, networks: Sequence[Network]) -> bool:
    try:
        ip = ipaddress.ip_address(address.strip().strip("[]"))
    except ValueError:
        return False
    return any(ip.version == n.version and ip in n for n in networks)


def client_address(peer: str | None, forwarded_for: list[str], trusted: Sequence[Network]) -> str:
    """The client's address: the socket peer, or — when the peer is a trusted proxy — the rightmost
    `X-Forwarded-For` hop that is not a trusted proxy (a valid IP address, else the peer)."""
    if peer is None:
        return "unknown"
    if not trusted or not _within(peer, trusted):
        return peer
    hops = [hop.strip() for value in forwarded_for for hop in value.split(",") if hop.strip()]
    for hop in reversed(hops):
        if _within(hop, trusted):
            continue
        try:
            return str(ipaddress.ip_address(hop.strip("[]")))
        except ValueError:
            return peer  # not written by a proxy of ours: never believed
    return peer


def is_forwarded(headers_present: bool, peer: str | None, internal: Sequence[Network]) -> bool:
    """Whether a request came from outside: through a proxy (it carries forwarding headers) or from
    an address outside the internal networks (probes and scrapers connect directly from inside)."""
    return headers_present or peer is None or not _within(peer, internal)
