"""Which service answers which path: read from the merged OpenAPI document.

Each operation of `openapi/gateway.json` names its service
(`x-channelhub-service`), so the gateway's routing table cannot drift from the
API it documents: a route added to a service is routed once `make openapi`
has recorded it, and the drift test fails until it has.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

OPENAPI_FILE = Path(__file__).resolve().parents[2] / "openapi" / "gateway.json"
SERVICE_KEY = "x-channelhub-service"
METHODS = ("get", "post", "put", "patch", "delete")


@dataclass(frozen=True)
class Route:
    template: str
    pattern: re.Pattern[str]
    methods: dict[str, str]  # METHOD → service
    static_segments: int
    public: frozenset[str] = frozenset()  # the METHODs callable without a key (`security: []`)
    declared: frozenset[str] = frozenset()  # every METHOD the document declares (the gateway's own too)


def _compile(template: str) -> re.Pattern[str]:
    parts = re.split(r"(\{[^}]+\})", template)
    regex = "".join("[^/]+" if p.startswith("{") else re.escape(p) for p in parts)
    return re.compile(f"^{regex}$")


class RoutingTable:
    def __init__(self, routes: list[Route]) -> None:
        # Static paths win over templated ones (`/v1/customers/import` before `/v1/customers/{id}`).
        self.routes = sorted(routes, key=lambda r: (-r.static_segments, r.template))

    @classmethod
    def from_openapi(cls, document: dict) -> RoutingTable:
        routes = []
        for template, operations in document.get("paths", {}).items():
            methods = {
                m.upper(): op[SERVICE_KEY]
                for m, op in operations.items()
                if m in METHODS and SERVICE_KEY in op
            }
            public = frozenset(
                m.upper() for m, op in operations.items() if m in METHODS and op.get("security") == []
            )
            declared = frozenset(m.upper() for m in operations if m in METHODS)
            if declared:
                static = sum(1 for seg in template.split("/") if seg and not seg.startswith("{"))
                routes.append(Route(template, _compile(template), methods, static, public, declared))
        return cls(routes)

    def match(self, method: str, path: str) -> Match:
        """The service answering `method` on `path`; None with the path's methods when only other
        methods are declared (405 with `Allow`), None with none when the path is unknown (404)."""
        # The most specific matching paths alone decide: `PATCH /v1/customers/import` is 405 with
        # `import`'s methods, never routed to `/v1/customers/{customer_id}` as if `import` were an id.
        allowed: set[str] = set()
        decided_by: int | None = None
        for route in self.routes:
            if decided_by is not None and route.static_segments < decided_by:
                break
            if route.pattern.match(path):
                decided_by = route.static_segments
                if method in route.methods:
                    return Match(route.methods[method], method in route.public, ())
                allowed.update(route.declared)
        return Match(None, False, tuple(m for m in (x.upper() for x in METHODS) if m in allowed))


@dataclass(frozen=True)
class Match:
    service: str | None
    public: bool  # the operation is declared callable without a key
    allowed: tuple[str, ...]  # when service is None: the path's declared methods (empty: unknown path)
