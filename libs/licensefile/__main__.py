"""Verify a license file offline:

    python -m libs.licensefile verify LICENSE.json --keys KEYS.json [--on YYYY-MM-DD]

KEYS.json is the vendor's published keys (`curl $GW/v1/license-signing-keys > KEYS.json`). Prints
the license's payload and exits 0 when the file is genuine and the license valid on the day (`--on`,
default today: `valid_from <= day < valid_before`); prints why and exits 1 when it is not (tampered,
unknown or revoked key, not active, outside its validity).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from libs.licensefile import keys_from_document, revoked_key_ids, verify


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m libs.licensefile", description=__doc__.split("\n\n")[0])
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
        payload = verify(
            document,
            keys_from_document(published),
            on=args.on or date.today(),
            revoked=revoked_key_ids(published),
        )
    except (OSError, ValueError) as exc:  # InvalidLicense is a ValueError; so is bad JSON
        print(f"INVALID: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(payload, indent=2, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
