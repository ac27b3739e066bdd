"""The gateway: one base URL, one auth scheme, one error format, one OpenAPI document."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from prometheus_client import Counter

from libs.auth import Caller
from libs.errors import DomainError, NotFound, Unauthorized, install_problem_handlers, problem_response
from libs.http import RequestContextMiddleware, render_metrics, supervisor_pid
from libs.logging import configure_logging
from libs.settings import Settings, get_settings
from services.gateway import apidocs, dashboard
from services.gateway.addresses import client_address, is_forwarded, parse_networks
from services.gateway.identity import Identity, TokenMinter
from services.gateway.proxy import check_path, forward, new_client, read_body
from services.gateway.ratelimit import RateLimiter
from services.gateway.routing import OPENAPI_FILE, RoutingTable
from services.gateway.schemas import Me
from services.gateway.upstream import upstream_for

UPSTREAM_ERRORS = Counter("gateway_upstream_errors_total", "Upstream failures", ["service", "kind"])
MAX_BODY_BYTES = 10 * 1024 * 1024
ANY_METHOD = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE")


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    configure_logging("gateway", settings.log_level, settings.log_json)
    document = json.loads(OPENAPI_FILE.read_text()) if OPENAPI_FILE.exists() else {"paths": {}}
    routing = RoutingTable.from_openapi(document)
    anonymous_limit = RateLimiter(settings.public_rate_limit_per_minute)  # per client address
    key_limit = RateLimiter(settings.key_rate_limit_per_minute)  # per API key
    tokens = TokenMinter(settings.internal_private_key, settings.internal_token_ttl_seconds)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.clients = {
            name: new_client(url, settings.upstream_timeout_seconds)
            for name, url in settings.service_url_map().items()
        }
        # forwarding goes through the lean keep-alive pools; httpx stays for the gateway's own calls
        app.state.upstreams = {
            name: upstream_for(url, timeout=settings.upstream_timeout_seconds)
            for name, url in settings.service_url_map().items()
        }
        onboarding = app.state.clients.get("onboarding") or new_client("http://127.0.0.1:1", 1)
        app.state.identity = Identity(settings, onboarding)
        try:
            yield
        finally:
            await asyncio.gather(*(c.aclose() for c in app.state.clients.values()))
            await asyncio.gather(*(u.aclose() for u in app.state.upstreams.values()))

    app = FastAPI(title="ChannelHub", lifespan=lifespan, openapi_url=None, docs_url=None, redoc_url=None)
    app.state.settings = settings
    app.add_middleware(RequestContextMiddleware)
    install_problem_handlers(app)

    trusted = parse_networks(settings.trusted_proxies)
    probe_networks = parse_networks(settings.probe_networks)

    def address_of(request: Request) -> str:
        address = client_address(
            request.client.host if request.client else None,
            request.headers.getlist("x-forwarded-for"),
            trusted,
        )
        request.state.client_address = address
        return address

    async def caller_of(request: Request, *, public: bool = False) -> Caller | None:
        """The caller, after the rate limits: per address when anonymous (or guessing keys),
        per key when authenticated. Authentication is decided first: a request that carries a key
        is judged by its key (never by the anonymous limit), and one without a key for an operation
        that needs one is 401 at once — nothing was looked up, so there is nothing to throttle;
        only calls of public operations (`public`) spend the address's anonymous budget."""
        client = address_of(request)
        authorization = request.headers.get("authorization")
        if not authorization and not public:
            raise Unauthorized("an API key is required")
        caller = await request.app.state.identity.resolve(authorization, client)
        if caller is None:
            anonymous_limit.take(client)
        else:
            key_limit.take(caller.identity)
        return caller

    @app.get("/openapi.json", include_in_schema=False)
    async def openapi() -> JSONResponse:
        return JSONResponse(document)

    @app.get("/docs", include_in_schema=False)
    async def docs() -> Response:
        return apidocs.page()

    @app.get("/docs/assets/{name}", include_in_schema=False)
    async def docs_asset(name: str) -> Response:
        return apidocs.asset(name)

    @app.get("/healthz", include_in_schema=False)
    async def healthz() -> dict[str, object]:
        return {"status": "ok", "service": "gateway", "pid": supervisor_pid()}

    async def operators_only(request: Request) -> None:
        """/readyz and /metrics are the operators': probes and scrapers connecting directly from
        `CHANNELHUB_PROBE_NETWORKS` get them; a request from outside (through the ingress, or from
        any other address) needs a staff key, and is otherwise told there is nothing here."""
        forwarded = any(h in request.headers for h in ("x-forwarded-for", "forwarded", "x-real-ip"))
        peer = request.client.host if request.client else None
        if not is_forwarded(forwarded, peer, probe_networks):
            return
        caller = await caller_of(request) if request.headers.get("authorization") else None
        if caller is None or not caller.is_staff:
            raise NotFound("no such endpoint")

    @app.get("/readyz", include_in_schema=False)
    async def readyz(request: Request) -> JSONResponse:
        await operators_only(request)

        async def check(name: str, client: httpx.AsyncClient) -> tuple[str, str]:
            try:
                ok = (await client.get("/readyz", timeout=2)).status_code == 200
            except httpx.HTTPError:
                ok = False
            return name, "ready" if ok else "unavailable"

        results = dict(await asyncio.gather(*(check(n, c) for n, c in request.app.state.clients.items())))
        ready = all(v == "ready" for v in results.values())
        return JSONResponse(
            {"status": "ready" if ready else "degraded", "services": results},
            status_code=200 if ready else 503,
        )

    @app.get("/metrics", include_in_schema=False)
    async def metrics(request: Request) -> Response:
        await operators_only(request)
        body, media_type = render_metrics()
        return Response(body, media_type=media_type)

    @app.get("/v1/me", response_model=Me, tags=["auth"])
    async def me(request: Request) -> Any:
        caller = await caller_of(request)
        assert caller is not None  # not public: no key is 401
        return Me(
            kind=caller.kind,
            roles=list(caller.roles),
            reseller_id=caller.reseller_id,
            customer_id=caller.customer_id,
        )

    @app.get("/dashboard", include_in_schema=False)
    async def dashboard_page() -> Response:
        return dashboard.page()

    @app.get("/activate-seat", include_in_schema=False)
    async def activate_seat_page() -> Response:
        return dashboard.activate_seat_page()

    @app.get("/dashboard/{asset}", include_in_schema=False)
    async def dashboard_asset(asset: str, request: Request) -> Response:
        return dashboard.asset(asset, request)

    # every method, so that one the document does not declare for a known path is 405 with `Allow`
    @app.api_route("/{path:path}", methods=list(ANY_METHOD), include_in_schema=False)
    async def route(request: Request, path: str) -> Response:
        check_path(request.url.path)
        match = routing.match(request.method, request.url.path)
        service = match.service
        if service is None:
            if match.allowed:
                allow = ", ".join(match.allowed)
                return problem_response(
                    405,
                    "method-not-allowed",
                    "Method not allowed",
                    f"this path answers {allow}",
                    instance=request.url.path,
                    headers={"Allow": allow},
                )
            return problem_response(
                404, "not-found", "Not found", "no such endpoint", instance=request.url.path
            )
        caller = await caller_of(request, public=match.public)
        if caller is not None and caller.suspended and request.method != "GET":
            # every service behind the gateway gets the rule, within the key cache's seconds;
            # onboarding and ordering also check their own records at once
            return problem_response(
                403, "reseller-suspended", "The reseller is suspended", "a suspended reseller can only read"
            )
        body = await read_body(request, MAX_BODY_BYTES)
        # good for this service only
        token = tokens.token(caller, audience=service) if caller else None
        upstream = request.app.state.upstreams.get(service)
        if upstream is None:
            return problem_response(
                503, "service-unavailable", "A service is unavailable", f"{service} is not configured"
            )
        try:
            return await forward(upstream, service, request, token, body)
        except DomainError as exc:
            UPSTREAM_ERRORS.labels(service, exc.code).inc()
            raise

    return app
