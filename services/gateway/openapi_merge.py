"""Build the gateway's one OpenAPI document from every service's own (and the events' AsyncAPI
document), and keep both committed.

`python -m services.gateway.openapi_merge --write` regenerates `openapi/gateway.json`;
`--check` (and the drift test) fails when the committed file differs from the code.
Each operation is tagged with the service that answers it; the gateway routes by that.

The document describes every answer a client can get, so a contract test can hold the API to it:
- every error is `application/problem+json` with the `Problem` schema (422 included);
- what the gateway itself may answer on any operation (400, 401, 413, 429, 503, 504) is listed;
- operations behind a role check (`libs.auth`'s `Staff`, `CurrentReseller`, ...) list 403 and name
  the caller kinds they let through in `x-channelhub-access`;
- public operations (the permission table lets `anonymous` call them) say `security: []`; every other
  one needs the API key, and the gateway answers 401 without one before any rate limit;
- every operation names the roles the permission table (`libs.permissions`) lets call it in
  `x-channelhub-roles` (and those it answers 404 in `x-channelhub-hidden-from`); the role-matrix and
  tenant-isolation tests read them.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from typing import Any

import fastapi.routing
from fastapi import FastAPI
from fastapi.routing import APIRoute

from libs import auth, permissions
from libs.errors import PROBLEM_JSON
from libs.service import create_service_app
from services.gateway.routing import OPENAPI_FILE, SERVICE_KEY
from services.registry import all_specs

INFO = {
    "title": "ChannelHub API",
    "version": "1.0.0",
    "description": (
        "One API for selling through resellers: onboarding, catalog and orders, licensing, billing, "
        "leasing and webhooks. Authenticate with `Authorization: Bearer <api key>`. Errors are RFC 9457 "
        "problem+json; lists are cursor-paginated; creates honour `Idempotency-Key`."
    ),
}


ACCESS_KEY = "x-channelhub-access"
ROLES_KEY = "x-channelhub-roles"  # the permission table (libs.permissions): the roles that may call it
HIDDEN_KEY = "x-channelhub-hidden-from"
# The role guards of libs.auth, narrowest first: the first one an operation depends on names its access.
ROLE_GUARDS = {
    auth.staff: "staff",
    auth.reseller: "reseller",
    auth.staff_or_reseller: "staff-or-reseller",
    auth.authenticated: "authenticated",
}
ROLE_RESTRICTED = {"staff", "reseller", "staff-or-reseller"}
# What the gateway may answer before (or instead of) the service, on any operation.
EDGE_ERRORS = {
    "400": "bad-request, invalid-cursor",
    "401": "unauthorized",
    "413": "payload-too-large",
    "429": "rate-limited (with Retry-After)",
    "503": "service-unavailable",
    "504": "upstream-timeout",
}
PROBLEM_CONTENT = {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}}


# One description per tag: what a partner finds under it.
TAGS = {
    "auth": "Who the API key in `Authorization: Bearer <key>` belongs to.",
    "onboarding": "Reseller applications, approval, the reseller policy, programs, resellers' "
    "standing, credit limits, tax profiles and API keys.",
    "customers": "A reseller's end customers: their users, domains, transfers between resellers.",
    "catalog": "Products and SKUs with their prices: what resellers can order.",
    "orders": "Orders a reseller places for a customer, their eligibility, cancellation and handover.",
    "subscriptions": "Recurring products ordered: seats, renewals, seat assignments.",
    "licensing": "License files (signed, verifiable offline), signing keys and seat invitations.",
    "billing": "Invoices, credit notes, payments and bank statements, reseller accounts, "
    "commission statements and outbound mail.",
    "leasing": "Workplace-as-a-Service: bundles, hardware requests, contracts and commissions.",
    "webhooks": "Endpoints that receive the platform's events (Standard Webhooks), their "
    "deliveries and replays.",
    "reports": "Figures for the channel: sales, receivables ageing, overdue resellers, "
    "commissions, seats and sell-out (JSON or CSV).",
    "operations": "Staff tools per service: failed events to redrive, parked outbox rows, "
    "republishing a time range.",
    "billing-jobs": "Billing's scheduled jobs: run one for a day, read its runs.",
    "leasing-jobs": "Leasing's scheduled jobs: run one for a day, read its runs.",
    "licensing-jobs": "Licensing's scheduled jobs: run one for a day, read its runs.",
    "ordering-jobs": "Ordering's scheduled jobs: run one for a day, read its runs.",
    "reports-jobs": "Reports' scheduled jobs: run one for a day, read its runs.",
}
# The verb an operation's name ends with, as a summary says it.
VERBS = {
    "list": "List",
    "get": "Get",
    "create": "Create",
    "update": "Update",
    "delete": "Delete",
    "revoke": "Revoke",
    "redrive": "Redrive",
    "republish": "Republish",
    "pdf": "Download the PDF of",
    "attachment": "Download an attachment of",
    "reject": "Reject",
    "accept": "Accept",
    "approve": "Approve",
    "submit": "Submit",
    "return": "Return",
    "cancel": "Cancel",
    "run": "Run",
    "runs": "List the runs of",
    "replay": "Replay",
    "upload": "Upload",
    "import": "Import",
    "activate": "Activate",
    "assign": "Assign",
    "terminate": "Terminate",
    "handover": "Hand over",
    "convert": "Convert",
    "retry": "Retry",
    "ubl": "Download the UBL of",
    "check": "Check",
}
WORDS = {"waas": "WaaS", "api": "API", "pdf": "PDF", "ubl": "UBL", "csv": "CSV", "vat": "VAT"}
SINGLE = {"operation": "get", "pdf": "get", "attachment": "get"}


class MergeConflict(Exception):
    pass


def _calls(dependant: Any) -> Iterator[Any]:
    for dep in dependant.dependencies:
        yield dep.call
        yield from _calls(dep)


def _access(route: APIRoute) -> str:
    calls = set(_calls(route.dependant))
    return next((name for guard, name in ROLE_GUARDS.items() if guard in calls), "public")


def _api_routes(app: FastAPI) -> list[APIRoute]:
    routes: list[Any] = list(app.routes)
    # newer FastAPI keeps included routers as branches; walk them to the routes declared
    iter_route_contexts = getattr(fastapi.routing, "iter_route_contexts", None)
    if iter_route_contexts is not None:
        routes = [context.original_route for context in iter_route_contexts(routes)]
    return [route for route in routes if isinstance(route, APIRoute)]


def _annotate_access(app: FastAPI) -> dict[str, Any]:
    """The app's OpenAPI document, each operation naming its access (and 403 where roles are checked)."""
    access = {
        (route.path_format, method.lower()): _access(route)
        for route in _api_routes(app)
        for method in route.methods or ()
    }
    document = app.openapi()
    for template, operations in document.get("paths", {}).items():
        for method, op in operations.items():
            who = access.get((template, method), "public")
            op[ACCESS_KEY] = who
            if who in ROLE_RESTRICTED:
                op["responses"].setdefault("403", {"description": "forbidden"})
    return document


def _document_problems(document: dict[str, Any]) -> None:
    """Every error answer as problem+json with the Problem schema; the edge's own errors listed."""
    for operations in document["paths"].values():
        for op in operations.values():
            responses = op.setdefault("responses", {})
            for status, description in EDGE_ERRORS.items():
                responses.setdefault(status, {"description": description})
            if any(p.get("in") == "path" for p in op.get("parameters", [])):
                responses.setdefault("404", {"description": "not-found"})
            for status, response in responses.items():
                if int(status) >= 400:
                    if response.get("description") in ("", "Validation Error"):
                        response["description"] = "validation-error"
                    response["content"] = PROBLEM_CONTENT
            op["responses"] = dict(sorted(responses.items()))
    schemas = document["components"]["schemas"]
    for unused in ("HTTPValidationError", "ValidationError"):
        schemas.pop(unused, None)


def _plain_parameters(document: dict[str, Any]) -> None:
    """An optional parameter's `anyOf: [X, null]` is X: a query string or header cannot carry a JSON
    null, so the constraints (a cursor's pattern, an enum) belong to the one type it can carry."""
    for operations in document["paths"].values():
        for op in operations.values():
            for parameter in op.get("parameters", []):
                schema = parameter.get("schema", {})
                branches = schema.get("anyOf", [])
                others = [b for b in branches if b != {"type": "null"}]
                if len(branches) == 2 and len(others) == 1:
                    rest = {k: v for k, v in schema.items() if k != "anyOf"}
                    parameter["schema"] = {**others[0], **rest}


# What the gateway forwards in a path (`proxy.check_path`): no control characters (Unicode Cc), no
# U+FFFD (bytes that were not UTF-8). A path text without a stricter pattern, format or enum says so.
PATH_TEXT_PATTERN = "^[^\\u0000-\\u001f\\u007f-\\u009f\\ufffd]*$"


def _path_text(document: dict[str, Any]) -> None:
    for operations in document["paths"].values():
        for op in operations.values():
            for parameter in op.get("parameters", []):
                schema = parameter.get("schema", {})
                if parameter.get("in") != "path" or schema.get("type") != "string":
                    continue
                if not any(k in schema for k in ("pattern", "format", "enum", "const")):
                    schema["pattern"] = PATH_TEXT_PATTERN


def _singular(word: str) -> str:
    if word in WORDS:
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "status")):
        return word[:-1]
    return word


def _words(tokens: list[str]) -> str:
    return " ".join(WORDS.get(t, t) for t in tokens)


def human_summary(name: str) -> str:
    """A summary from the operation's name (`reseller-applications-approve` → "Approve a reseller
    application"): the verb first, the resource in words, one object singular."""
    tokens = [t for t in name.replace("_", "-").split("-") if t]
    service = ""
    if tokens[:1] == ["ops"] and len(tokens) > 2:
        service, tokens = tokens[1], tokens[2:]
    if tokens[0] == "reports" and len(tokens) > 1:
        return f"Report: {_words(tokens[1:])}"
    verb = VERBS.get(tokens[-1]) if len(tokens) > 1 else None
    resource = tokens[:-1] if verb else tokens
    if verb is None:
        text = _words(resource)
    elif tokens[-1] in ("list", "runs", "upload", "republish"):
        text = f"{verb} {_words([_singular(t) for t in resource[:-1]] + resource[-1:])}"
    else:
        one = [_singular(t) for t in resource]
        article = "the" if tokens[-1] in ("pdf", "attachment", "ubl") else "a"
        article = "an" if article == "a" and one[0][:1] in "aeiou" else article
        text = f"{verb} {article} {_words(one)}"
    if service:
        text += f" ({service})"
    return text[:1].upper() + text[1:]


def _describe(document: dict[str, Any]) -> None:
    """Human summaries (not the generated names) and a description on every operation and tag."""
    for template, operations in document["paths"].items():
        for method, op in operations.items():
            op["summary"] = human_summary(op.get("operationId") or f"{template}-{method}")
            if not op.get("description"):
                roles = ", ".join(op.get(ROLES_KEY, [])) or "nobody"
                paged = any(p.get("name") == "cursor" for p in op.get("parameters", []))
                page = " A page at a time, newest first: pass `next_cursor` as `cursor`." if paged else ""
                op["description"] = f"{op['summary']}.{page} Who may call it: {roles}."
    used = sorted(
        {t for ops in document["paths"].values() for op in ops.values() for t in op.get("tags", [])}
    )
    document["tags"] = [{"name": t, "description": TAGS.get(t, f"The {t} operations.")} for t in used]


def _gateway_document() -> dict[str, Any]:
    from services.gateway.app import create_app

    return _annotate_access(create_app())


def _with_roles(op: dict[str, Any], method: str, template: str, service: str | None) -> dict[str, Any]:
    """The permission table's answer for the operation (R-PL-5): who may call it (`x-channelhub-roles`),
    who is refused with 404 instead of 403 (`x-channelhub-hidden-from`), and those statuses listed."""
    rule = permissions.rule_for(method.upper(), template, service)
    op[ROLES_KEY] = [r for r in (*permissions.ROLES, permissions.ANONYMOUS) if r in rule.allowed]
    if permissions.ANONYMOUS in rule.allowed:
        op["security"] = []  # public: callable without a key (the gateway spends the address's budget)
    answers = {rule.answer(role) for role in permissions.ROLES}
    if rule.hidden:
        op[HIDDEN_KEY] = [r for r in permissions.ROLES if r in rule.hidden]
    responses = op.setdefault("responses", {})
    if 403 in answers:
        responses.setdefault("403", {"description": "forbidden"})
    if 404 in answers:
        responses.setdefault("404", {"description": "not-found"})
    return op


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
                target[method] = _with_roles(
                    {**op, SERVICE_KEY: service} if service else dict(op), method, template, service
                )
        for name, schema in doc.get("components", {}).get("schemas", {}).items():
            if name in schemas and schemas[name] != schema:
                raise MergeConflict(f"schema {name} differs between services; rename one of them")
            schemas[name] = schema
    merged = {
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
    _document_problems(merged)
    _plain_parameters(merged)
    _path_text(merged)
    _describe(merged)
    return merged


def build() -> dict[str, Any]:
    documents: dict[str | None, dict[str, Any]] = {None: _gateway_document()}
    for spec in all_specs():
        documents[spec.name] = _annotate_access(create_service_app(spec, run_background=False))
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
