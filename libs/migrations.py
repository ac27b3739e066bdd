"""Alembic, one history per service: its own schema, its own version table, run as its own role.

Each service's `migrations/env.py` is two lines calling `run_migrations`; the
devstack and the tests call `upgrade_service`, so migrations are exercised on
every test run (no `create_all`).
"""

from __future__ import annotations

import asyncio
import re
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


# what a CHECK constraint's condition is made of, however PostgreSQL prints it back: `status IN ('a',
# 'b')` is stored as `(status = ANY (ARRAY['a'::text, 'b'::text]))`, `term_months IN (1, 12)` as
# `(term_months = ANY (ARRAY[1, 12]))` — the quoted texts and the numbers are the same
_CHECK_LITERAL = re.compile(r"'((?:[^']|'')*)'|(?<![\w.])(\d+(?:\.\d+)?)(?![\w.])")


def check_literals(condition: str) -> tuple[str, ...]:
    """The values a CHECK condition names (quoted texts and numbers), sorted: equal for the model's
    `status IN ('a', 'b')` and the database's `(status = ANY (ARRAY['a'::text, 'b'::text]))`."""
    return tuple(
        sorted(
            number or f"'{text}'"  # a text keeps its quotes: '1' is not 1
            for text, number in _CHECK_LITERAL.findall(condition)
        )
    )


def declared_checks(metadata: sa.MetaData) -> dict[tuple[str, str], tuple[str, ...]]:
    """Every named CHECK constraint the models declare: (table, name) → the values it names."""
    found: dict[tuple[str, str], tuple[str, ...]] = {}
    for table in metadata.tables.values():
        for constraint in table.constraints:
            if isinstance(constraint, sa.CheckConstraint):
                assert isinstance(constraint.name, str), f"{table.name}: a CHECK constraint without a name"
                found[(table.name, constraint.name)] = check_literals(str(constraint.sqltext))
    return found


async def migrated_checks(schema: str, url: str) -> dict[tuple[str, str], tuple[str, ...]]:
    """Every CHECK constraint the migrations built in `schema` (NOT NULL is not one in PostgreSQL's
    catalog): (table, name) → the values it names."""
    query = sa.text(
        "SELECT rel.relname, con.conname, pg_get_constraintdef(con.oid) "
        "FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid "
        "JOIN pg_namespace ns ON ns.oid = rel.relnamespace "
        "WHERE con.contype = 'c' AND ns.nspname = :schema"
    )
    engine = migration_engine(url)
    try:
        async with engine.connect() as conn:
            rows = (await conn.execute(query, {"schema": schema})).all()
    finally:
        await engine.dispose()
    return {(table, name): check_literals(definition) for table, name, definition in rows}


async def check_drift(service_metadata: sa.MetaData, url: str) -> list[str]:
    """Where the models' CHECK constraints and the migrated database's differ — a constraint only one
    of them has, or one whose values differ (an enum value added without its migration). Alembic's
    autogenerate compares no CHECK constraints, so `schema_drift` cannot see these. Empty when they
    agree."""
    schema = service_metadata.schema
    assert schema
    declared = declared_checks(service_metadata)
    built = await migrated_checks(schema, url)
    drift = [
        f"{t}.{n}: declared by the models, not built by a migration"
        for t, n in sorted(declared.keys() - built.keys())
    ]
    drift += [
        f"{t}.{n}: built by a migration, not declared by the models"
        for t, n in sorted(built.keys() - declared.keys())
    ]
    drift += [
        f"{t}.{n}: the models name {', '.join(declared[(t, n)])}; the database {', '.join(built[(t, n)])}"
        for t, n in sorted(declared.keys() & built.keys())
        if declared[(t, n)] != built[(t, n)]
    ]
    return drift


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
