"""The channel dashboard (R-PL-3): a static page the gateway serves from `dashboard/` in this
repository — plain HTML, CSS and JavaScript — that signs in with an API key (kept in the tab's
sessionStorage) and reads `/v1/reports/*` through this same gateway. Its charts are plotly.js, the
bundle the `plotly` wheel ships as package data, served from the installed package: nothing is
loaded from a CDN, and the Content-Security-Policy allows nothing but this origin."""

from __future__ import annotations

import gzip
import hashlib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

from fastapi import Request
from fastapi.responses import FileResponse, Response

from libs.errors import problem_response

FOLDER = Path(__file__).resolve().parent / "dashboard"
PLOTLY = Path(str(files("plotly") / "package_data" / "plotly.min.js"))
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
}
HEADERS = {
    # style-src 'unsafe-inline': plotly.js styles what it draws through inline `style` attributes and
    # one <style> element it inserts at run time (no nonce or hash can name them); scripts stay
    # 'self' only, so no injected script runs, and the page's own CSS comes from this origin.
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
}
ASSETS = {p.name: p for p in FOLDER.iterdir() if p.suffix in TYPES} if FOLDER.is_dir() else {}
ASSETS["plotly.min.js"] = PLOTLY


def _file(path: Path) -> Response:
    return FileResponse(path, media_type=TYPES[path.suffix], headers=HEADERS)


@dataclass(frozen=True)
class _Compressed:
    body: bytes
    etag: str


@cache
def _compressed(path: Path) -> _Compressed:
    # the files never change while the process runs: compressed once (plotly.js: ~5 MB → ~1.4 MB)
    raw = path.read_bytes()
    return _Compressed(
        gzip.compress(raw, compresslevel=6, mtime=0), f'"{hashlib.sha256(raw).hexdigest()[:32]}"'
    )


def _asset_response(path: Path, request: Request) -> Response:
    """An asset with an ETag, so `no-cache` revalidates with a 304 instead of downloading the
    bundle again, and gzip-encoded for a browser that takes it."""
    packed = _compressed(path)
    headers = {**HEADERS, "ETag": packed.etag, "Vary": "Accept-Encoding"}
    if packed.etag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    if "gzip" not in request.headers.get("accept-encoding", ""):
        return FileResponse(path, media_type=TYPES[path.suffix], headers=headers)
    return Response(
        packed.body, media_type=TYPES[path.suffix], headers={**headers, "Content-Encoding": "gzip"}
    )


def page() -> Response:
    return _file(FOLDER / "index.html")


def activate_seat_page() -> Response:
    """The page a seat invitation's link opens: it posts the token (from the URL fragment) in a body."""
    return _file(FOLDER / "activate-seat.html")


def asset(name: str, request: Request) -> Response:
    path = ASSETS.get(name)  # only the files shipped in the folder: no path from the request is opened
    if path is None:
        return problem_response(
            404, "not-found", "Not found", "no such dashboard file", instance=f"/dashboard/{name}"
        )
    return _asset_response(path, request)
