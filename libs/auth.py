"""Who is calling: the gateway's signed internal token, verified by every service.

The gateway resolves the partner's API key once and forwards a short-lived
EdDSA-signed token; services hold only the public key, so a compromised service
cannot mint identities. Routes depend on a typed `Caller`, and repositories
start every query from the caller's tenant (`scope_to_tenant`), which is how
tenant isolation stays hard to forget.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fastapi import Depends, Request

from libs.errors import Forbidden, NotFound, Unauthorized

INTERNAL_TOKEN_HEADER = "X-ChannelHub-Internal-Token"
ISSUER = "channelhub-gateway"
AUDIENCE = "channelhub-services"

CallerKind = Literal["staff", "reseller", "customer", "system", "anonymous"]


@dataclass(frozen=True)
class Caller:
    kind: CallerKind
    roles: tuple[str, ...] = ()
    reseller_id: uuid.UUID | None = None
    customer_id: uuid.UUID | None = None
    key_id: str | None = None
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
        }

    @classmethod
    def from_claims(cls, claims: dict[str, Any]) -> Caller:
        return cls(
            kind=claims["kind"],
            roles=tuple(claims.get("roles") or ()),
            reseller_id=uuid.UUID(claims["reseller_id"]) if claims.get("reseller_id") else None,
            customer_id=uuid.UUID(claims["customer_id"]) if claims.get("customer_id") else None,
            key_id=claims.get("key_id"),
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


def sign_internal_token(caller: Caller, private_key_pem: str, *, ttl_seconds: int = 60) -> str:
    now = int(time.time())
    claims = {**caller.to_claims(), "iss": ISSUER, "aud": AUDIENCE, "iat": now, "exp": now + ttl_seconds}
    return jwt.encode(claims, private_key_pem, algorithm="EdDSA")


def verify_internal_token(token: str, public_key_pem: str) -> Caller:
    try:
        claims = jwt.decode(token, public_key_pem, algorithms=["EdDSA"], audience=AUDIENCE, issuer=ISSUER)
    except jwt.PyJWTError as exc:
        raise Unauthorized("the internal token is not valid") from exc
    return Caller.from_claims(claims)


# --- FastAPI dependencies -------------------------------------------------
# Coroutines although they do no I/O: FastAPI runs a plain `def` dependency in a worker thread,
# which costs a thread hop per dependency per request.


async def current_caller(request: Request) -> Caller:
    """The verified caller, or ANONYMOUS when the gateway forwarded no identity."""
    token = request.headers.get(INTERNAL_TOKEN_HEADER)
    if not token:
        return ANONYMOUS
    return verify_internal_token(token, request.app.state.settings.internal_public_key)


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


async def system(caller: Annotated[Caller, Depends(authenticated)]) -> Caller:
    if caller.kind != "system":
        raise Forbidden("internal endpoint")
    return caller


AnyCaller = Annotated[Caller, Depends(current_caller)]
CurrentCaller = Annotated[Caller, Depends(authenticated)]
Staff = Annotated[Caller, Depends(staff)]
CurrentReseller = Annotated[Caller, Depends(reseller)]
StaffOrReseller = Annotated[Caller, Depends(staff_or_reseller)]
System = Annotated[Caller, Depends(system)]


def require_reseller_access(caller: Caller, reseller_id: uuid.UUID) -> None:
    """Staff see every reseller; a reseller only itself. Others: 404, never 403 (no probing)."""
    if caller.is_staff:
        return
    if caller.kind == "reseller" and caller.reseller_id == reseller_id:
        return
    raise NotFound("no such reseller")


def scope_to_tenant(stmt: Any, caller: Caller, *, reseller_column: Any, customer_column: Any = None) -> Any:
    """Start a query from the caller's tenant: staff (and internal calls) see every row, a reseller
    the rows it owns, a customer the rows that are its own (only where the resource has a customer
    column), anyone else nothing. A row outside the scope is simply not found: 404, never 403."""
    if caller.is_staff or caller.kind == "system":
        return stmt
    if caller.kind == "reseller" and caller.reseller_id is not None:
        return stmt.where(reseller_column == caller.reseller_id)
    if caller.kind == "customer" and caller.customer_id is not None and customer_column is not None:
        return stmt.where(customer_column == caller.customer_id)
    return stmt.where(False)
