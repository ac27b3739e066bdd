"""Where webhooks may go (SSRF): an https URL whose host resolves only to public addresses. Every
non-global range is refused by an explicit list (below), after unwrapping the forms that carry an
IPv4 address inside an IPv6 one (IPv4-mapped `::ffff:a.b.c.d`, 6to4 `2002::/16`, Teredo
`2001::/32`, NAT64 `64:ff9b::/96`), so `::ffff:127.0.0.1` or `2002:7f00:1::` is loopback, not global.

The sender connects to the very address it checked (`pin`): the URL's host is resolved once, every
address is checked, and the request goes to the first one with the host name kept for the `Host`
header and TLS (SNI and certificate check) — a low-TTL name cannot flip to 10.x or 127.x between the
check and the connect (DNS rebinding). Development may allow http and loopback explicitly.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class TargetRefused(ValueError):
    """Why a URL or an address may not receive webhooks."""


# IANA special-purpose registries (IPv4, IPv6): every block not globally reachable, by name
NON_GLOBAL = [
    ipaddress.ip_network(n)
    for n in (
        "0.0.0.0/8",  # "this network"
        "10.0.0.0/8",  # private
        "100.64.0.0/10",  # carrier-grade NAT
        "127.0.0.0/8",  # loopback
        "169.254.0.0/16",  # link-local (cloud metadata 169.254.169.254)
        "172.16.0.0/12",  # private
        "192.0.0.0/24",  # IETF protocol assignments
        "192.0.2.0/24",  # documentation
        "192.88.99.0/24",  # 6to4 relay anycast
        "192.168.0.0/16",  # private
        "198.18.0.0/15",  # benchmarking
        "198.51.100.0/24",  # documentation
        "203.0.113.0/24",  # documentation
        "224.0.0.0/4",  # multicast
        "240.0.0.0/4",  # reserved (and 255.255.255.255)
        "::/128",  # unspecified
        "::1/128",  # loopback
        "::/96",  # IPv4-compatible (deprecated)
        "64:ff9b:1::/48",  # local-use NAT64
        "100::/64",  # discard-only
        "2001::/23",  # IETF protocol assignments (Teredo 2001::/32 included)
        "2001:db8::/32",  # documentation
        "3fff::/20",  # documentation
        "5f00::/16",  # SRv6 SIDs
        "fc00::/7",  # unique-local
        "fe80::/10",  # link-local
        "fec0::/10",  # site-local (deprecated, still routed inside some networks)
        "ff00::/8",  # multicast
    )
]
LOOPBACK = [ipaddress.ip_network("127.0.0.0/8"), ipaddress.ip_network("::1/128")]
NAT64 = ipaddress.ip_network("64:ff9b::/96")


def check_url(url: str, *, allow_insecure: bool) -> tuple[str, int]:
    """The (host, port) of an acceptable URL; TargetRefused otherwise."""
    parts = urlsplit(url)
    if parts.scheme not in (("https", "http") if allow_insecure else ("https",)):
        raise TargetRefused("the URL must be https")
    if not parts.hostname:
        raise TargetRefused("the URL has no host")
    if parts.username or parts.password:
        raise TargetRefused("the URL must not carry credentials")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:
        raise TargetRefused("the URL's port is not valid") from exc
    return parts.hostname, port


def embedded(ip: IPAddress) -> list[IPAddress]:
    """The address and every IPv4 address it carries (mapped, 6to4, Teredo client and server, NAT64)."""
    found: list[IPAddress] = [ip]
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            found.append(ip.ipv4_mapped)
        if ip.sixtofour is not None:
            found.append(ip.sixtofour)
        if ip.teredo is not None:
            found.extend(ip.teredo)
        if ip in NAT64:
            found.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return found


def check_address(address: str, *, allow_loopback: bool) -> None:
    """TargetRefused unless the address — and every address inside it — is global."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    for inner in embedded(ip):
        if allow_loopback and any(inner in net for net in LOOPBACK if net.version == inner.version):
            continue
        if any(inner in net for net in NON_GLOBAL if net.version == inner.version) or not inner.is_global:
            raise TargetRefused(f"{ip} is not a public address")


@dataclass(frozen=True)
class Pinned:
    """The request to make: `url` names the checked address; `host` is kept for Host and TLS."""

    url: str
    host: str
    host_header: str
    address: str


def pin(url: str, addresses: list[str], *, allow_insecure: bool, allow_loopback: bool) -> Pinned:
    """The URL rewritten to the first of `addresses` (what its host resolved to), once every one of
    them is checked: refused if any is not public (a name that also points inside is refused)."""
    host, port = check_url(url, allow_insecure=allow_insecure)
    if not addresses:
        raise TargetRefused("the host name does not resolve")
    for address in addresses:
        check_address(address, allow_loopback=allow_loopback)
    parts = urlsplit(url)
    address = addresses[0].split("%", 1)[0]
    literal = f"[{address}]" if ":" in address else address
    default_port = 443 if parts.scheme == "https" else 80
    netloc = literal if port == default_port else f"{literal}:{port}"
    host_header = host if port == default_port else f"{host}:{port}"
    if ":" in host:  # an IPv6 literal host
        host_header = f"[{host}]" if port == default_port else f"[{host}]:{port}"
    return Pinned(
        url=urlunsplit((parts.scheme, netloc, parts.path or "/", parts.query, "")),
        host=host,
        host_header=host_header,
        address=address,
    )
