"""The API reference page (`/docs`): Swagger UI served by the gateway itself, from the
`swagger-ui-bundle` package's files, with a strict Content-Security-Policy — no CDN is ever asked
for code that runs on this origin (where partners' and staff's keys are typed into the dashboard).

The page's start-up script is a file of its own (`/docs/assets/start.js`), not inline, so the policy
needs no `unsafe-inline` for scripts; Swagger UI sets inline styles on its elements, hence
`style-src 'self' 'unsafe-inline'`."""

from __future__ import annotations

from pathlib import Path

from fastapi.responses import Response
from swagger_ui_bundle import swagger_ui_path

from libs.errors import problem_response

SWAGGER = Path(str(swagger_ui_path))
FILES = {  # the only files served: no path from the request is ever opened
    "swagger-ui.css": (SWAGGER / "swagger-ui.css", "text/css; charset=utf-8"),
    "swagger-ui-bundle.js": (SWAGGER / "swagger-ui-bundle.js", "text/javascript; charset=utf-8"),
    "favicon-32x32.png": (SWAGGER / "favicon-32x32.png", "image/png"),
}
START = b"""window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true});
});
"""
PAGE = b"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ChannelHub API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
<link rel="icon" type="image/png" href="/docs/assets/favicon-32x32.png"></head>
<body><div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/start.js"></script></body></html>
"""
HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
    "form-action 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def page() -> Response:
    return Response(PAGE, media_type="text/html; charset=utf-8", headers=HEADERS)


def asset(name: str) -> Response:
    if name == "start.js":
        return Response(START, media_type="text/javascript; charset=utf-8", headers=HEADERS)
    found = FILES.get(name)
    if found is None:
        return problem_response(
            404, "not-found", "Not found", "no such file", instance=f"/docs/assets/{name}"
        )
    path, media_type = found
    return Response(
        path.read_bytes(), media_type=media_type, headers={**HEADERS, "Cache-Control": "max-age=3600"}
    )
