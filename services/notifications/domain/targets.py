"""Where webhooks may go (SSRF): an https URL whose host resolves only to public addresses — never
private (RFC 1918, unique-local), loopback, link-local (cloud metadata at 169.254.169.254),
multicast, reserved or unspecified ones. Development may allow http and loopback explicitly."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit


class TargetRefused(ValueError):
    """Why a URL or an address may not receive webhooks."""


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


def check_address(address: str, *, allow_loopback: bool) -> None:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_loopback and allow_loopback:
        return
    if not ip.is_global or ip.is_multicast or ip.is_reserved or ip.is_unspecified or ip.is_link_local:
        raise TargetRefused(f"{ip} is not a public address")
