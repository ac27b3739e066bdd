"""Build the gateway's one OpenAPI document from every service's own (and the events' AsyncAPI
document), and keep both committed.

`python -m services.gateway.openapi_merge --write` regenerates `openapi/gateway.json`;
`--check` (and the drift test) fails when the committed file differs from the code.
Each operation is tagged with the service that answers it; the gateway routes by that.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from libs.service import create_service_app
from services.gateway.routing import OPENAPI_FILE, SERVICE_KEY
from services.registry import SERVICES

INFO = {
    "title": "ChannelHub API",
    "version": "1.0.0",
    "description": (
        "One API for selling through resellers: onboarding, catalog and orders, licensing, billing, "
        "leasing and webhooks. Authenticate with `Authorization: Bearer <api key>`. Errors are RFC 9457 "
        "problem+json; lists are cursor-paginated; creates honour `Idempotency-Key`."
    ),
}


class MergeConflict(Exception):
    pass


def _gateway_document() -> dict[str, Any]:
    from services.gateway.app import create_app

    return create_app().openapi()


def merge(documents: dict[str | None, dict[str, Any]]) -> dict[str, Any]:
    paths: dict[str, dict[str, Any]] = {}
    schemas: dict[str, Any] = {}
    for service, doc in documents.items():
        for template, operations in doc.get("paths", {}).items():
            if template.startswith("/internal/"):
                continue  # service-to-service endpoints are not part of the public API
            target = paths.setdefault(template, {})
            for method, op in operations.items():
                if method in target:
                    raise MergeConflict(f"{method.upper()} {template} is declared by two services")
                target[method] = {**op, SERVICE_KEY: service} if service else op
        for name, schema in doc.get("components", {}).get("schemas", {}).items():
            if name in schemas and schemas[name] != schema:
                raise MergeConflict(f"schema {name} differs between services; rename one of them")
            schemas[name] = schema
    return {
        "openapi": "3.1.0",
        "info": INFO,
        "servers": [{"url": "/"}],
        "paths": dict(sorted(paths.items())),
        "components": {
            "schemas": dict(sorted(schemas.items())),
            "securitySchemes": {
                "apiKey": {"type": "http", "scheme": "bearer", "description": "ChannelHub API key"}
            },
        },
        "security": [{"apiKey": []}],
    }


def build() -> dict[str, Any]:
    documents: dict[str | None, dict[str, Any]] = {None: _gateway_document()}
    for spec in SERVICES:
        documents[spec.name] = create_service_app(spec, run_background=False).openapi()
    return merge(documents)


def render(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, sort_keys=False) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    from libs.events import asyncapi

    documents = {OPENAPI_FILE: render(build()), asyncapi.ASYNCAPI_FILE: asyncapi.render()}
    if args.write:
        for path, text in documents.items():
            path.parent.mkdir(exist_ok=True)
            path.write_text(text)
            print(f"wrote {path}")
    elif args.check:
        stale = [p.name for p, text in documents.items() if not p.exists() or p.read_text() != text]
        if stale:
            print(f"out of date: {', '.join(stale)}: run `make openapi`", file=sys.stderr)
            sys.exit(1)
    else:
        sys.stdout.write(documents[OPENAPI_FILE])


if __name__ == "__main__":
    main()
