"""Small helpers that make a pydantic model's JSON schema say what its validators enforce, so the
OpenAPI document is as strict as the validation (a schema-valid request is never refused for a
rule the document hides, and a refused one is always schema-invalid)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

JsonSchema = dict[str, Any]


def _drop_null(prop: JsonSchema) -> None:
    branches = prop.get("anyOf")
    if branches is not None:
        rest = [b for b in branches if b != {"type": "null"}]
        if len(rest) == 1:
            del prop["anyOf"]
            prop.update(rest[0])
        else:
            prop["anyOf"] = rest
    if "default" in prop and prop["default"] is None:
        del prop["default"]


def patch_body(*not_null: str) -> Callable[[JsonSchema], None]:
    """A PATCH body (`json_schema_extra=`): at least one field, and the fields named may be left
    out but never sent as null (the others' null clears them)."""

    def extra(schema: JsonSchema) -> None:
        schema["minProperties"] = 1
        for name in not_null:
            _drop_null(schema["properties"][name])

    return extra


def one_of_fields_required(*alternatives: JsonSchema) -> Callable[[JsonSchema], None]:
    """A body that needs at least one of several fields (`json_schema_extra=`): each alternative is
    a JSON schema a valid body matches (e.g. `{"required": ["x"]}`)."""

    def extra(schema: JsonSchema) -> None:
        schema["anyOf"] = list(alternatives)

    return extra


def examples(
    *bodies: JsonSchema, also: Callable[[JsonSchema], None] | None = None
) -> Callable[[JsonSchema], None]:
    """A request body's examples (`json_schema_extra=`): what the API reference shows a partner
    and what the contract test sends first, so each must be valid against the schema
    (`tests/platform/test_openapi_examples.py`). `also` is another extra of this module
    (`patch_body(...)`, `one_of_fields_required(...)`) the body needs too."""

    def extra(schema: JsonSchema) -> None:
        if also is not None:
            also(schema)
        schema["examples"] = [dict(body) for body in bodies]

    return extra
