"""libs.platform_migrations: the platform tables' history written once, called by every service.

Against the session's real PostgreSQL, in a scratch schema of its own role (never a service's):
`create` at the current version builds exactly what `libs.platform_tables` declares, every later
step goes up and down again, and `drop` leaves the schema empty."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.operations import Operations
from alembic.script import ScriptDirectory

from libs import platform_migrations
from libs.db import service_metadata
from libs.migrations import migration_engine
from libs.platform_tables import platform_tables
from tools.devstack.provision import provision_service
from tools.devstack.stack import Stack

SCHEMA = "platform_probe"


@pytest.fixture
async def probe_url(database_stack: Stack) -> AsyncIterator[str]:
    url = await provision_service(database_stack.admin_url, SCHEMA)
    yield url
    engine = migration_engine(url)
    try:
        async with engine.begin() as conn:  # leave the scratch schema empty for the next test
            for table in ("outbox", "job_runs", "inbox", "idempotency_keys", "failed_events"):
                await conn.execute(sa.text(f"DROP TABLE IF EXISTS {SCHEMA}.{table}"))
    finally:
        await engine.dispose()


def _include(name: str | None, type_: str, _parent: object) -> bool:
    return type_ != "schema" or name == SCHEMA


async def _in_schema(url: str, work: Callable[[MigrationContext, Operations], Any]) -> Any:
    engine = migration_engine(url)
    try:
        async with engine.begin() as conn:

            def run(connection: sa.Connection) -> Any:
                ctx = MigrationContext.configure(
                    connection,
                    opts={"include_schemas": True, "include_name": _include, "compare_type": True},
                )
                return work(ctx, Operations(ctx))

            return await conn.run_sync(run)
    finally:
        await engine.dispose()


def _drift(ctx: MigrationContext, _op: Operations) -> list[object]:
    metadata = service_metadata(SCHEMA)
    platform_tables(metadata)
    return list(compare_metadata(ctx, metadata))


def _step(move: Callable[..., None], version: int) -> Callable[[MigrationContext, Operations], None]:
    return lambda _ctx, op: move(op, version, schema=SCHEMA)


def _tables(ctx: MigrationContext, _op: Operations) -> list[str]:
    return sorted(sa.inspect(ctx.connection).get_table_names(schema=SCHEMA))


async def test_create_at_the_current_version_is_what_platform_tables_declares(probe_url: str) -> None:
    version = platform_migrations.current_version()
    await _in_schema(
        probe_url, lambda _ctx, op: platform_migrations.create(op, version=version, schema=SCHEMA)
    )
    assert await _in_schema(probe_url, _drift) == []
    assert await _in_schema(probe_url, _tables) == [
        "failed_events",
        "idempotency_keys",
        "inbox",
        "job_runs",
        "outbox",
    ]
    await _in_schema(probe_url, lambda _ctx, op: platform_migrations.drop(op, version=version, schema=SCHEMA))
    assert await _in_schema(probe_url, _tables) == []


async def test_every_step_goes_up_and_down_from_the_version_before(probe_url: str) -> None:
    """From the baseline, each kernel change applied in turn ends where `platform_tables` is, and
    undone in turn gets back to the baseline."""
    current = platform_migrations.current_version()
    await _in_schema(probe_url, lambda _ctx, op: platform_migrations.create(op, version=1, schema=SCHEMA))
    for version in range(2, current + 1):
        await _in_schema(probe_url, _step(platform_migrations.upgrade, version))
    assert await _in_schema(probe_url, _drift) == []
    for version in range(current, 1, -1):
        await _in_schema(probe_url, _step(platform_migrations.downgrade, version))
    await _in_schema(probe_url, lambda _ctx, op: platform_migrations.drop(op, version=1, schema=SCHEMA))
    assert await _in_schema(probe_url, _tables) == []


def test_versions_outside_the_history_are_refused() -> None:
    current = platform_migrations.current_version()
    with pytest.raises(ValueError, match="no platform tables version"):
        platform_migrations.create(object(), version=current + 1, schema=SCHEMA)
    with pytest.raises(ValueError, match="create"):
        platform_migrations.upgrade(object(), 1, schema=SCHEMA)


def _add_note(op: Operations, schema: str) -> None:
    op.add_column("outbox", sa.Column("note", sa.Text(), nullable=True), schema=schema)


def _drop_note(op: Operations, schema: str) -> None:
    op.drop_column("outbox", "note", schema=schema)


NOTE_STEP = platform_migrations.Step(2, "outbox rows carry a note", _add_note, _drop_note)


def _outbox_columns(ctx: MigrationContext, _op: Operations) -> set[str]:
    return {c["name"] for c in sa.inspect(ctx.connection).get_columns("outbox", schema=SCHEMA)}


async def test_a_kernel_change_is_one_step_every_schema_applies_and_undoes(
    probe_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(platform_migrations, "STEPS", [NOTE_STEP])
    assert platform_migrations.current_version() == 2
    await _in_schema(probe_url, lambda _ctx, op: platform_migrations.create(op, version=1, schema=SCHEMA))
    await _in_schema(probe_url, lambda _ctx, op: platform_migrations.upgrade(op, 2, schema=SCHEMA))
    assert "note" in await _in_schema(probe_url, _outbox_columns)
    await _in_schema(probe_url, lambda _ctx, op: platform_migrations.downgrade(op, 2, schema=SCHEMA))
    assert "note" not in await _in_schema(probe_url, _outbox_columns)
    assert await _in_schema(probe_url, _drift) == []  # back at the baseline, which is what is declared
    # a new service's first migration at version 2 gets the baseline and the step
    await _in_schema(probe_url, lambda _ctx, op: platform_migrations.drop(op, version=1, schema=SCHEMA))
    await _in_schema(probe_url, lambda _ctx, op: platform_migrations.create(op, version=2, schema=SCHEMA))
    assert "note" in await _in_schema(probe_url, _outbox_columns)


def test_platform_revision_writes_one_line_migrations_chained_to_the_head(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(platform_migrations, "STEPS", [NOTE_STEP])
    source = Path(__file__).resolve().parents[2] / "services" / "reports" / "migrations"
    shutil.copytree(source, tmp_path / "migrations")
    cfg = Config()
    cfg.set_main_option("script_location", str(tmp_path / "migrations"))
    before = ScriptDirectory.from_config(cfg).get_current_head()
    path = Path(platform_migrations.write_revision(cfg, 2))
    text = path.read_text()
    assert "    platform_migrations.upgrade(op, 2)\n" in text
    assert "    platform_migrations.downgrade(op, 2)\n" in text
    assert "import sqlalchemy" not in text  # nothing unused for ruff to refuse
    script = ScriptDirectory.from_config(cfg)
    head = script.get_revision("head")
    assert head is not None and head.down_revision == before and Path(head.path) == path
    compile(text, str(path), "exec")
