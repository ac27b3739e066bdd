"""One schema and one role per service: a service's connection can touch only its own schema."""

from __future__ import annotations

import hashlib
import hmac
import os
import re

import asyncpg
from sqlalchemy.engine import make_url

from libs.db import to_plain_url

_IDENT = re.compile(r"^[a-z_][a-z0-9_]*$")


def role_name(service: str) -> str:
    return f"channelhub_{service}"


def role_password(service: str) -> str:
    secret = os.environ.get("CHANNELHUB_DB_SECRET", "channelhub-development-secret").encode()
    return hmac.new(secret, service.encode(), hashlib.sha256).hexdigest()[:32]


def service_url(admin_url: str, service: str) -> str:
    url = make_url(to_plain_url(admin_url)).set(username=role_name(service), password=role_password(service))
    return url.render_as_string(hide_password=False)


def with_database(admin_url: str, database: str) -> str:
    return make_url(to_plain_url(admin_url)).set(database=database).render_as_string(hide_password=False)


async def create_database(admin_url: str, database: str) -> None:
    assert _IDENT.match(database)
    conn = await asyncpg.connect(to_plain_url(admin_url))
    try:
        if not await conn.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", database):
            await conn.execute(f'CREATE DATABASE "{database}"')
    finally:
        await conn.close()


async def drop_database(admin_url: str, database: str) -> None:
    assert _IDENT.match(database)
    conn = await asyncpg.connect(to_plain_url(admin_url))
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
    finally:
        await conn.close()


async def provision_service(admin_url: str, service: str) -> str:
    """Create (or refresh) the service's role and schema; return the service's own URL."""
    role, schema = role_name(service), service
    assert _IDENT.match(role) and _IDENT.match(schema)
    conn = await asyncpg.connect(to_plain_url(admin_url))
    try:
        database = await conn.fetchval("SELECT current_database()")
        password = role_password(service).replace("'", "")
        # Roles are cluster-wide: several databases (test runs) may share one.
        exists = await conn.fetchval("SELECT 1 FROM pg_roles WHERE rolname = $1", role)
        verb = "ALTER" if exists else "CREATE"
        await conn.execute(f"{verb} ROLE {role} LOGIN PASSWORD '{password}'")
        await conn.execute(f'GRANT CONNECT ON DATABASE "{database}" TO {role}')
        await conn.execute(f"CREATE SCHEMA IF NOT EXISTS {schema} AUTHORIZATION {role}")
        await conn.execute(f'ALTER ROLE {role} IN DATABASE "{database}" SET search_path = {schema}')
        await conn.execute(f"REVOKE ALL ON SCHEMA public FROM {role}")
    finally:
        await conn.close()
    return service_url(admin_url, service)
