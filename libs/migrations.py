"""Alembic, one history per service: its own schema, its own version table, run as its own role.

Each service's `migrations/env.py` is two lines calling `run_migrations`; the
devstack and the tests call `upgrade_service`, so migrations are exercised on
every test run (no `create_all`).
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import sqlalchemy as sa
from alembic import command, context
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from libs.db import to_async_url

SERVICES_DIR = Path(__file__).resolve().parent.parent / "services"


def alembic_config(service: str, url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(SERVICES_DIR / service / "migrations"))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    cfg.attributes["service"] = service
    return cfg


def upgrade_service(service: str, url: str, revision: str = "head") -> None:
    command.upgrade(alembic_config(service, url), revision)


def _skip_version_table(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    return not (type_ == "table" and name == "alembic_version")


def _include_only(schema: str):
    return lambda name, type_, _parent: type_ != "schema" or name == schema


def migration_engine(url: str) -> AsyncEngine:
    # The service role's search_path is its own schema; PostgreSQL then reflects foreign keys
    # *without* a schema and autogenerate would see every FK as changed. Migrating with a
    # search_path that excludes the schema makes reflection name it, as the metadata does.
    return create_async_engine(to_async_url(url), connect_args={"server_settings": {"search_path": "public"}})


async def schema_drift(service_metadata: sa.MetaData, url: str) -> list[object]:
    """What autogenerate would change: empty when the models and the migrations agree."""
    schema = service_metadata.schema
    assert schema

    def compare(connection: sa.Connection) -> list[object]:
        ctx = MigrationContext.configure(
            connection,
            opts={
                "include_schemas": True,
                "include_name": _include_only(schema),
                "include_object": _skip_version_table,
                "compare_type": True,
            },
        )
        return list(compare_metadata(ctx, service_metadata))

    engine = migration_engine(url)
    try:
        async with engine.connect() as conn:
            return await conn.run_sync(compare)
    finally:
        await engine.dispose()


def run_migrations(target_metadata: sa.MetaData) -> None:
    """The body of every service's env.py (online mode, async engine)."""
    schema = target_metadata.schema
    url = context.config.get_main_option("sqlalchemy.url")
    assert url and schema

    def do_run(connection: sa.Connection) -> None:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            version_table_schema=schema,
            include_schemas=True,
            include_name=_include_only(schema),
            compare_type=True,
            include_object=_skip_version_table,
        )
        with context.begin_transaction():
            context.run_migrations()

    async def main() -> None:
        engine = migration_engine(url)
        async with engine.connect() as conn:
            await conn.run_sync(do_run)
            await conn.commit()
        await engine.dispose()

    asyncio.run(main())
