"""Every request body of the public OpenAPI document shows an example (issue 25), and every example
is one the API takes: valid against its schema — what the API reference shows a partner and what
schemathesis sends first — and accepted by the model behind it, whose validators check what no JSON
Schema keyword states (VAT check digits, a domain under a public suffix, a team customer without a
domain). Examples are declared with `libs.jsonschema.examples` on the body's model, or in the route's
`openapi_extra` for a body that is not JSON (a bank statement)."""

from __future__ import annotations

import json
from typing import Any

import jsonschema_rs
import pytest
from fastapi.routing import APIRoute
from pydantic import BaseModel

from libs.job_routes import JobRunRequest
from libs.ops import RepublishRequest
from services.billing.config import BillingConfig
from services.billing.domain import camt
from services.gateway.routing import OPENAPI_FILE
from services.registry import all_specs

DOC: dict[str, Any] = json.loads(OPENAPI_FILE.read_text())
SCHEMAS: dict[str, Any] = DOC["components"]["schemas"]
REF_PREFIX = "#/components/schemas/"


def _request_bodies() -> list[tuple[str, str, dict[str, Any]]]:
    """(operation, media type, media type object) of every request body in the document."""
    found = []
    for template, operations in DOC["paths"].items():
        for method, op in operations.items():
            if isinstance(op, dict) and "requestBody" in op:
                for media_type, media in op["requestBody"]["content"].items():
                    found.append((f"{method.upper()} {template}", media_type, media))
    return found


BODIES = _request_bodies()


def _schema_name(media: dict[str, Any]) -> str | None:
    ref = media.get("schema", {}).get("$ref")
    return ref.removeprefix(REF_PREFIX) if isinstance(ref, str) else None


def _examples(media: dict[str, Any]) -> list[Any]:
    """The example values of a body: the media type's own (`example`, `examples` by name), else its
    schema's (JSON Schema's `examples` list, or the older `example`) — the referenced one's or inline."""
    if "example" in media:
        return [media["example"]]
    if "examples" in media:
        return [e["value"] for e in media["examples"].values() if "value" in e]
    name = _schema_name(media)
    schema = SCHEMAS[name] if name else media.get("schema", {})
    if "examples" in schema:
        return list(schema["examples"])
    return [schema["example"]] if "example" in schema else []


def _label(operation: str, media_type: str, media: dict[str, Any]) -> str:
    return f"{operation} ({media_type}, schema {_schema_name(media) or 'inline'})"


def test_the_document_has_request_bodies() -> None:
    assert len(BODIES) >= 60


@pytest.mark.parametrize(("operation", "media_type", "media"), BODIES, ids=[f"{o} {t}" for o, t, _ in BODIES])
def test_every_request_body_has_an_example(operation: str, media_type: str, media: dict[str, Any]) -> None:
    assert _examples(media), (
        f"{_label(operation, media_type, media)} has no example: give its model "
        "`json_schema_extra=libs.jsonschema.examples(...)`, or the route's openapi_extra an `example`"
    )


JSON_BODIES = [b for b in BODIES if b[1] == "application/json"]


@pytest.mark.parametrize(
    ("operation", "media_type", "media"), JSON_BODIES, ids=[f"{o} {t}" for o, t, _ in JSON_BODIES]
)
def test_every_json_example_is_valid_against_its_schema(
    operation: str, media_type: str, media: dict[str, Any]
) -> None:
    name = _schema_name(media)
    schema = {"$ref": REF_PREFIX + name} if name else media["schema"]
    # the components beside the root, so every $ref in them resolves; formats (uuid, date, email) checked
    validator = jsonschema_rs.validator_for(
        {"components": DOC["components"], **schema}, validate_formats=True
    )
    for n, example in enumerate(_examples(media)):
        errors = [f"{e.instance_path or '/'}: {e.message}" for e in validator.iter_errors(example)]
        assert not errors, f"{_label(operation, media_type, media)}: example {n} is invalid: {errors}"


def _body_models() -> dict[str, type[BaseModel]]:
    """The model of every JSON request body the services declare (the kernel's job and outbox routes
    take JobRunRequest and RepublishRequest), by name: the name the document's components use."""
    models: dict[str, type[BaseModel]] = {m.__name__: m for m in (JobRunRequest, RepublishRequest)}
    for spec in all_specs():
        for router in spec.routers:
            for route in router.routes:
                if isinstance(route, APIRoute) and route.body_field is not None:
                    model = route.body_field.field_info.annotation
                    assert isinstance(model, type) and issubclass(model, BaseModel), route.path
                    models[model.__name__] = model
    return models


MODELS = _body_models()


def test_every_json_request_body_is_a_known_model() -> None:
    documented = {_schema_name(media) for _, _, media in JSON_BODIES}
    assert documented <= set(MODELS), (
        f"bodies whose model this test does not find: {documented - set(MODELS)}"
    )


@pytest.mark.parametrize("name", sorted(MODELS))
def test_every_example_is_accepted_by_its_model(name: str) -> None:
    model = MODELS[name]
    for n, example in enumerate(model.model_json_schema().get("examples", [])):
        try:
            model.model_validate(example)
        except ValueError as exc:  # pydantic's ValidationError is a ValueError
            pytest.fail(f"{name}: example {n} is refused by the model: {exc}")


def test_the_bank_statement_example_is_a_statement_of_the_vendors_account() -> None:
    [media] = [m for o, t, m in BODIES if o == "POST /v1/bank-statements" and t == "application/xml"]
    [example] = _examples(media)
    parsed = camt.parse(example.encode())
    assert parsed.kind == "camt.053"
    [statement] = parsed.statements
    # R-BI-1: another account's statement is refused, so the example names the default vendor account
    assert statement.iban == BillingConfig.model_fields["vendor_iban"].default
    assert statement.credits and all(c.references for c in statement.credits)
