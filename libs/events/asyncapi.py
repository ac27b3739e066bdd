"""The AsyncAPI 3.0 document of every event, generated from the pydantic contracts.

`make openapi` writes it to `openapi/asyncapi.json` beside the gateway's OpenAPI;
a test fails when the committed file drifts from `libs/events/`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic.json_schema import models_json_schema

from libs.events.base import EVENT_TYPES
from libs.events.envelope import CloudEvent

ASYNCAPI_FILE = Path(__file__).resolve().parents[2] / "openapi" / "asyncapi.json"


def build() -> dict[str, Any]:
    types = sorted((t, m) for t, m in EVENT_TYPES.items() if not t.startswith("test."))
    _, schema = models_json_schema(
        [(m, "validation") for _, m in types] + [(CloudEvent, "validation")],
        ref_template="#/components/schemas/{model}",
    )
    channels: dict[str, Any] = {}
    operations: dict[str, Any] = {}
    messages: dict[str, Any] = {}
    for event_type, model in types:
        channel = channels.setdefault(model.topic, {"address": model.topic, "messages": {}})
        name = event_type.replace(".", "_")
        messages[name] = {
            "name": event_type,
            "title": event_type,
            "summary": (model.__doc__ or "").strip().split("\n")[0] or event_type,
            "contentType": "application/cloudevents+json",
            "headers": {"type": "object", "description": "Kafka key = the CloudEvent subject (aggregate id)"},
            "payload": {"$ref": f"#/components/schemas/{model.__name__}"},
            "x-subject-field": model.subject_field,
        }
        channel["messages"][name] = {"$ref": f"#/components/messages/{name}"}
        producer = event_type.split(".")[0]
        operations[f"{producer}_publishes_{name}"] = {
            "action": "send",
            "channel": {"$ref": f"#/channels/{model.topic}"},
            "messages": [{"$ref": f"#/channels/{model.topic}/messages/{name}"}],
        }
    return {
        "asyncapi": "3.0.0",
        "info": {
            "title": "ChannelHub domain events",
            "version": "1.0.0",
            "description": (
                "Every state change is a CloudEvents 1.0 JSON envelope (`data` holds the payload below; "
                "extensions `resellerid`, `correlationid`) on one topic per aggregate family. Delivery is "
                "at least once, in order per aggregate; consumers dedupe by event id."
            ),
        },
        "channels": dict(sorted(channels.items())),
        "operations": dict(sorted(operations.items())),
        "components": {"messages": dict(sorted(messages.items())), "schemas": schema.get("$defs", {})},
    }


def render() -> str:
    return json.dumps(build(), indent=2) + "\n"
