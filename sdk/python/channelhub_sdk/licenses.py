"""ChannelHub license files (`channelhub-license/1`): signed by the vendor, verified offline (R-LI-2).

A license file is a small JSON document::

    {"format": "channelhub-license/1",
     "key_id": "lk-2026-1",
     "payload": "<base64url of the signed bytes>",
     "signature": "<base64url of the Ed25519 signature over exactly those bytes>"}

The payload bytes are a UTF-8 JSON object (licensee, sku, quantity or seats, validity, order id,
issued_at, license id). Verifying needs nothing but the vendor's published public keys
(`GET /v1/license-signing-keys`) and this module, which depends only on `cryptography` and the
standard library so a vendor's product can embed it as it is (the platform signs: licensing's
`domain/licensefile.py`). The signature covers the payload's
exact bytes, so nothing is re-serialised before checking: a flipped byte anywhere fails.

Keys rotate: every key has an id; a retired key stays published, so files it signed keep verifying.
A key published as `revoked` (compromised) verifies nothing: `keys_from_document` leaves it out and
`verify` names it.

Command line (exit 0 and the payload when genuine and valid on the day, 1 and why otherwise)::

    curl -s $GW/v1/license-signing-keys > keys.json
    python -m channelhub_sdk.licenses verify license.json --keys keys.json [--on YYYY-MM-DD]

Validity (payload version 2): `status` (files are signed only for active licenses), `valid_from`
(first day), `valid_until` (last day) and `valid_before` (the exclusive end, `valid_until` + 1 day;
absent or null for a perpetual license). `verify(..., on=day)` also checks that the license is valid
on `day`: `valid_from <= day < valid_before` — a file downloaded before a license ended stops
verifying after its last day.
"""

from __future__ import annotations

import argparse
import base64
import binascii
import json
import sys
from collections.abc import Mapping
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Protocol

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

FORMAT = "channelhub-license/1"


class InvalidLicense(ValueError):
    """The document is not a valid ChannelHub license file; the message says why."""


def _unb64url(text: object) -> bytes:
    if not isinstance(text, str):
        raise InvalidLicense("payload and signature must be base64url strings")
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError) as exc:
        raise InvalidLicense("payload or signature is not base64url") from exc


def public_key_from_base64(text: str) -> Ed25519PublicKey:
    """A key as `GET /v1/license-signing-keys` publishes it: base64 of the raw 32 bytes."""
    try:
        raw = base64.b64decode(text, validate=True)
        return Ed25519PublicKey.from_public_bytes(raw)
    except (binascii.Error, ValueError) as exc:
        raise InvalidLicense("a public key is not base64 of 32 raw Ed25519 bytes") from exc


def keys_from_document(document: Mapping[str, Any]) -> dict[str, Ed25519PublicKey]:
    """{key_id: key} from the JSON answer of `GET /v1/license-signing-keys`, revoked keys left out."""
    return {
        k["key_id"]: public_key_from_base64(k["public_key"])
        for k in document.get("data", [])
        if k.get("algorithm") == "Ed25519" and k.get("status") != "revoked"
    }


def revoked_key_ids(document: Mapping[str, Any]) -> frozenset[str]:
    """The ids of keys the vendor published as revoked: nothing they signed is genuine any more."""
    return frozenset(str(k["key_id"]) for k in document.get("data", []) if k.get("status") == "revoked")


def _day(payload: Mapping[str, Any], field: str) -> date | None:
    value = payload.get(field)
    if value is None:
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise InvalidLicense(f"{field} is not a date") from exc


def check_validity(payload: Mapping[str, Any], on: date) -> None:
    """InvalidLicense unless the license was issued active and is valid on `on`
    (`valid_from <= on < valid_before`, the exclusive end)."""
    status = payload.get("status", "active")  # version 1 files name no status
    if status != "active":
        raise InvalidLicense(f"the license is {status}")
    start = _day(payload, "valid_from")
    end = _day(payload, "valid_before")
    if end is None and (last := _day(payload, "valid_until")) is not None:
        end = last + timedelta(days=1)  # version 1: valid_until is the last day
    if start is not None and on < start:
        raise InvalidLicense(f"the license is valid from {start.isoformat()}, not on {on.isoformat()}")
    if end is not None and on >= end:
        raise InvalidLicense(f"the license ended: valid before {end.isoformat()}, not on {on.isoformat()}")


def verify(
    document: Mapping[str, Any],
    keys: Mapping[str, Ed25519PublicKey],
    *,
    on: date | None = None,
    revoked: frozenset[str] = frozenset(),
) -> dict[str, Any]:
    """The license's payload, if the document is a license file signed by one of `keys` (and, given
    `on`, valid that day); InvalidLicense otherwise."""
    if document.get("format") != FORMAT:
        raise InvalidLicense(f"not a {FORMAT} document")
    if str(document.get("key_id")) in revoked:
        raise InvalidLicense(f"signed with the revoked key {document.get('key_id')!r}")
    key = keys.get(str(document.get("key_id")))
    if key is None:
        raise InvalidLicense(f"signed with an unknown key {document.get('key_id')!r}")
    data = _unb64url(document.get("payload"))
    signature = _unb64url(document.get("signature"))
    try:
        key.verify(signature, data)
    except InvalidSignature as exc:
        raise InvalidLicense("the signature does not match the payload") from exc
    try:
        payload = json.loads(data)
    except ValueError as exc:  # signed, but not JSON: not a file we issued
        raise InvalidLicense("the payload is not JSON") from exc
    if not isinstance(payload, dict):
        raise InvalidLicense("the payload is not a JSON object")
    if on is not None:
        check_validity(payload, on)
    return payload


class _Answer(Protocol):
    def to_dict(self) -> dict[str, Any]: ...


def _mapping(value: Mapping[str, Any] | _Answer) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else value.to_dict()


def verify_license(
    document: Mapping[str, Any] | _Answer,
    published_keys: Mapping[str, Any] | _Answer,
    *,
    on: date | None = None,
) -> dict[str, Any]:
    """`verify` with the vendor's published keys document (`GET /v1/license-signing-keys`, shipped
    with the product): its revoked keys verify nothing. Both may be parsed JSON or the generated
    client's answers (`LicenseFile`, `SigningKeys`)."""
    published = _mapping(published_keys)
    keys = keys_from_document(published)
    return verify(_mapping(document), keys, on=on, revoked=revoked_key_ids(published))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m channelhub_sdk.licenses", description="verify a ChannelHub license file offline"
    )
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("verify", help="verify a license file against the published keys")
    check.add_argument("file", type=Path)
    check.add_argument("--keys", type=Path, required=True, help="JSON of GET /v1/license-signing-keys")
    check.add_argument(
        "--on",
        type=date.fromisoformat,
        default=None,
        help="the day to check the validity for (default: today)",
    )
    args = parser.parse_args(argv)
    try:
        document = json.loads(args.file.read_text())
        published = json.loads(args.keys.read_text())
        payload = verify_license(document, published, on=args.on or date.today())
    except (OSError, ValueError) as exc:  # InvalidLicense is a ValueError; so is bad JSON
        print(f"INVALID: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(payload, indent=2, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
