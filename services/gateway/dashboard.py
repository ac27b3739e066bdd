"""The channel dashboard (R-PL-3): a static page the gateway serves from `dashboard/` in this
repository — plain HTML, CSS and JavaScript with hand-drawn SVG charts, nothing loaded from a CDN —
that signs in with an API key (kept in the tab's sessionStorage) and reads `/v1/reports/*` through
this same gateway. A strict Content-Security-Policy allows nothing but this origin."""

from __future__ import annotations

from pathlib import Path

from fastapi.responses import Response

from libs.errors import problem_response

FOLDER = Path(__file__).resolve().parent / "dashboard"
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
}
HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; "
    "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
}
ASSETS = {p.name: p for p in FOLDER.iterdir() if p.suffix in TYPES} if FOLDER.is_dir() else {}


def _file(path: Path) -> Response:
    return Response(path.read_bytes(), media_type=TYPES[path.suffix], headers=HEADERS)


def page() -> Response:
    return _file(FOLDER / "index.html")


def activate_seat_page() -> Response:
    """The page a seat invitation's link opens: it posts the token (from the URL fragment) in a body."""
    return _file(FOLDER / "activate-seat.html")


def asset(name: str) -> Response:
    path = ASSETS.get(name)  # only the files shipped in the folder: no path from the request is opened
    if path is None:
        return problem_response(
            404, "not-found", "Not found", "no such dashboard file", instance=f"/dashboard/{name}"
        )
    return _file(path)
