"""Who is calling: short-lived EdDSA-signed internal tokens, verified by every service.

Two kinds of token, signed by two key pairs, so neither can pass for the other:
- **gateway tokens** (gateway key): the gateway resolves the partner's API key once and forwards
  the partner's identity. Services hold only the public key, so a compromised service cannot
  mint partner identities. Public routes accept these only (`current_caller`). The gateway's own
  token for key resolution carries a `scope` and is accepted only where that scope is required.
- **service tokens** (service key): a service calling another's `/internal/...` endpoint signs
  a `kind=system` token naming itself (`sub`). Internal endpoints accept only these, and only
  from the services they list (`internal_service`); public routes never accept them.
Every token's audience (`aud`) is the one service it is meant for (`CHANNELHUB_SERVICE`), so a
token minted for onboarding is refused by ordering.

Routes depend on a typed `Caller`, and repositories start every query from the caller's tenant
(`libs.tenancy`: each model declares its `__tenant__`), which is how tenant isolation stays hard to forget.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Awaitable, Callable, Collection, Mapping
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fastapi import Depends, Request

from libs.clock import wall_now
from libs.errors import Forbidden, NotFound, Unauthorized

INTERNAL_TOKEN_HEADER = "X-ChannelHub-Internal-Token"
ISSUER = "channelhub-gateway"  # partner identities and the gateway's scoped tokens
SERVICE_ISSUER = "channelhub-service"  # service → service calls
# the only scope today: the gateway asking onboarding who an API key belongs to
KEY_RESOLUTION_SCOPE = "api-keys:resolve"

CallerKind = Literal["staff", "reseller", "customer", "system", "anonymous"]


@dataclass(frozen=True)
class Caller:
    kind: CallerKind
    roles: tuple[str, ...] = ()
    reseller_id: uuid.UUID | None = None
    customer_id: uuid.UUID | None = None
    key_id: str | None = None
    # a reseller key of a suspended reseller: it may read its own data and change nothing
    suspended: bool = False
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def is_staff(self) -> bool:
        return self.kind == "staff"

    @property
    def identity(self) -> str:
        """A stable name for the caller (idempotency keys are scoped by it)."""
        return f"{self.kind}:{self.key_id or self.reseller_id or self.customer_id or '-'}"

    def to_claims(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "roles": list(self.roles),
            "reseller_id": str(self.reseller_id) if self.reseller_id else None,
            "customer_id": str(self.customer_id) if self.customer_id else None,
            "key_id": self.key_id,
            "suspended": self.suspended,
        }

    @classmethod
    def from_claims(cls, claims: dict[str, Any]) -> Caller:
        return cls(
            kind=claims["kind"],
            roles=tuple(claims.get("roles") or ()),
            reseller_id=uuid.UUID(claims["reseller_id"]) if claims.get("reseller_id") else None,
            customer_id=uuid.UUID(claims["customer_id"]) if claims.get("customer_id") else None,
            key_id=claims.get("key_id"),
            suspended=bool(claims.get("suspended", False)),
        )


ANONYMOUS = Caller(kind="anonymous")
SYSTEM = Caller(kind="system", roles=("system",))


def generate_keypair() -> tuple[str, str]:
    """(private PEM, public PEM) for the internal tokens."""
    private = Ed25519PrivateKey.generate()
    private_pem = private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    public_pem = (
        private.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    return private_pem, public_pem


def _claims(audience: str, issuer: str, ttl_seconds: int) -> dict[str, Any]:
    now = int(wall_now().timestamp())
    return {"iss": issuer, "aud": audience, "iat": now, "exp": now + ttl_seconds}


@functools.lru_cache(maxsize=16)
def _public_key(pem: str) -> Any:
    """The parsed key, once per PEM: PyJWT would parse the PEM again on every call."""
    return serialization.load_pem_public_key(pem.encode())


@functools.lru_cache(maxsize=16)
def _private_key(pem: str) -> Any:
    return serialization.load_pem_private_key(pem.encode(), password=None)


# Verified tokens, by their exact text: a token is immutable and signed, so the claims verified
# once are the claims until it expires (checked again on every hit). The gateway reuses a token
# per (caller, audience) for a part of its lifetime, so a busy caller costs one signature check
# per reuse period instead of one per request. Bounded; cleared when full.
_VERIFIED_MAX = 10_000
_verified: dict[tuple[str, str, str, str], dict[str, Any]] = {}


def _decode(token: str, public_key_pem: str, *, audience: str, issuer: str) -> dict[str, Any]:
    if not audience:  # a process without a service name accepts nothing (fail closed)
        raise Unauthorized("this process has no service name to be the audience of a token")
    cache_key = (token, public_key_pem, audience, issuer)
    claims = _verified.get(cache_key)
    if claims is not None:
        if claims["exp"] > wall_now().timestamp():
            return claims
        del _verified[cache_key]
    claims = _verify(token, public_key_pem, audience=audience, issuer=issuer)
    if len(_verified) >= _VERIFIED_MAX:
        _verified.clear()
    _verified[cache_key] = claims
    return claims


def _verify(token: str, public_key_pem: str, *, audience: str, issuer: str) -> dict[str, Any]:
    try:
        return jwt.decode(
            token,
            _public_key(public_key_pem),
            algorithms=["EdDSA"],
            audience=audience,
            issuer=issuer,
            options={"require": ["exp", "iat", "aud", "iss"]},
        )
    except jwt.PyJWTError as exc:
        raise Unauthorized("the internal token is not valid") from exc


def sign_internal_token(
    caller: Caller,
    private_key_pem: str,
    *,
    audience: str,
    ttl_seconds: int = 60,
    scope: str | None = None,
) -> str:
    """The gateway's token for `audience` (the target service); `scope` narrows it to one endpoint."""
    claims = {**caller.to_claims(), **_claims(audience, ISSUER, ttl_seconds)}
    if scope is not None:
        claims["scope"] = scope
    return jwt.encode(claims, _private_key(private_key_pem), algorithm="EdDSA")


def verify_internal_token(token: str, public_key_pem: str, *, audience: str) -> Caller:
    """A partner's (or staff's) identity forwarded by the gateway to `audience`. Scoped and
    system tokens are refused: they are good only for the internal endpoint that requires them."""
    claims = _decode(token, public_key_pem, audience=audience, issuer=ISSUER)
    if claims.get("scope") is not None or claims.get("kind") == "system":
        raise Unauthorized("this token is not valid for this endpoint")
    return Caller.from_claims(claims)


def verify_scoped_token(token: str, public_key_pem: str, *, audience: str, scope: str) -> Caller:
    claims = _decode(token, public_key_pem, audience=audience, issuer=ISSUER)
    if claims.get("scope") != scope:
        raise Unauthorized("this token is not valid for this endpoint")
    return Caller.from_claims(claims)


def sign_service_token(service: str, private_key_pem: str, *, audience: str, ttl_seconds: int = 60) -> str:
    """`service` calling `audience`'s internal endpoints (signed with the service key pair)."""
    claims = {
        "kind": "system",
        "roles": ["system"],
        "sub": service,
        **_claims(audience, SERVICE_ISSUER, ttl_seconds),
    }
    return jwt.encode(claims, _private_key(private_key_pem), algorithm="EdDSA")


def verify_service_token(
    token: str, public_keys: Mapping[str, str], *, audience: str, allowed: Collection[str]
) -> Caller:
    """The calling service, if it is one of `allowed`: a system caller named after it.

    Every service signs with a key pair of its own, and `public_keys` says whose public key is
    whose: a token is verified with the key of the service it names, so one service (or whoever
    took its key) cannot mint a token as another."""
    try:
        named = jwt.decode(token, options={"verify_signature": False}).get("sub")
    except jwt.PyJWTError as exc:
        raise Unauthorized("invalid internal token") from exc
    key = public_keys.get(named) if isinstance(named, str) else None
    if key is None:
        raise Unauthorized("the token names no service this one knows")
    claims = _decode(token, key, audience=audience, issuer=SERVICE_ISSUER)
    service = claims.get("sub")
    if claims.get("kind") != "system" or service not in allowed:
        raise Forbidden("this internal endpoint is not open to the calling service")
    return Caller(kind="system", roles=("system",), key_id=f"service:{service}", extra={"service": service})


# --- FastAPI dependencies -------------------------------------------------
# Coroutines although they do no I/O: FastAPI runs a plain `def` dependency in a worker thread,
# which costs a thread hop per dependency per request.


def _token(request: Request) -> str | None:
    return request.headers.get(INTERNAL_TOKEN_HEADER)


async def current_caller(request: Request) -> Caller:
    """The verified caller, or ANONYMOUS when the gateway forwarded no identity."""
    token = _token(request)
    if not token:
        return ANONYMOUS
    settings = request.app.state.settings
    return verify_internal_token(token, settings.internal_public_key, audience=settings.service)


async def authenticated(caller: Annotated[Caller, Depends(current_caller)]) -> Caller:
    if caller.kind == "anonymous":
        raise Unauthorized("an API key is required")
    return caller


async def staff(caller: Annotated[Caller, Depends(authenticated)]) -> Caller:
    if not caller.is_staff:
        raise Forbidden("vendor staff only")
    return caller


async def reseller(caller: Annotated[Caller, Depends(authenticated)]) -> Caller:
    if caller.kind != "reseller" or caller.reseller_id is None:
        raise Forbidden("reseller keys only")
    return caller


async def staff_or_reseller(caller: Annotated[Caller, Depends(authenticated)]) -> Caller:
    if caller.kind not in ("staff", "reseller"):
        raise Forbidden("vendor staff or reseller keys only")
    return caller


def gateway_scope(scope: str) -> Callable[[Request], Awaitable[Caller]]:
    """A dependency for the one endpoint a scoped gateway token is for (key resolution)."""

    async def scoped(request: Request) -> Caller:
        token = _token(request)
        if not token:
            raise Unauthorized("internal endpoint")
        settings = request.app.state.settings
        return verify_scoped_token(
            token, settings.internal_public_key, audience=settings.service, scope=scope
        )

    return scoped


def internal_service(*allowed: str) -> Callable[[Request], Awaitable[Caller]]:
    """A dependency for `/internal/...` endpoints: only service tokens, only from `allowed`."""

    async def calling_service(request: Request) -> Caller:
        token = _token(request)
        if not token:
            raise Unauthorized("internal endpoint")
        settings = request.app.state.settings
        return verify_service_token(
            token, settings.service_public_keys, audience=settings.service, allowed=allowed
        )

    return calling_service


AnyCaller = Annotated[Caller, Depends(current_caller)]
CurrentCaller = Annotated[Caller, Depends(authenticated)]
Staff = Annotated[Caller, Depends(staff)]
CurrentReseller = Annotated[Caller, Depends(reseller)]
StaffOrReseller = Annotated[Caller, Depends(staff_or_reseller)]
KeyResolver = Annotated[Caller, Depends(gateway_scope(KEY_RESOLUTION_SCOPE))]


def require_reseller_access(caller: Caller, reseller_id: uuid.UUID) -> None:
    """Staff see every reseller; a reseller only itself. Others: 404, never 403 (no probing)."""
    if caller.is_staff:
        return
    if caller.kind == "reseller" and caller.reseller_id == reseller_id:
        return
    raise NotFound("no such reseller")
