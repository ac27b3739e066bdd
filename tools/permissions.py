"""`python -m tools.permissions` prints the README's permission table from the OpenAPI document."""

from __future__ import annotations

import json

from libs.permissions import markdown
from services.gateway.routing import OPENAPI_FILE


def _main() -> None:
    document = json.loads(OPENAPI_FILE.read_text())
    ops = [
        (method.upper(), path, op.get("x-channelhub-service"))
        for path, operations in document["paths"].items()
        for method, op in operations.items()
    ]
    print(markdown(ops))


if __name__ == "__main__":
    _main()
