"""The platform tables' migrations, written once: versioned steps every service's history calls.

`libs.platform_tables` declares the tables every service has in its schema (outbox, inbox, failed
events, idempotency keys, job runs). Their *history* is here, as numbered versions:

- version 1 (`BASELINE`) creates them as they were when this module was introduced (the shape every
  service's first migration had created by hand; those applied migrations stay as they are);
- every later kernel change is one `Step` appended to `STEPS` (version 2, 3, …) with its upgrade
  and downgrade, written once here.

A service's migration calls them in one line, pinned to a version, so a migration never changes
meaning when the kernel moves on:

    # a new service's first migration: the platform tables at the version current that day
    def upgrade() -> None:
        platform_migrations.create(op, version=1)
        ...

    # after a kernel change (`python -m tools.devstack platform-revision 2` writes this file into
    # every service's history, chained to its head)
    def upgrade() -> None:
        platform_migrations.upgrade(op, 2)

    def downgrade() -> None:
        platform_migrations.downgrade(op, 2)

The schema is the service's (its version table's schema, set by `libs.migrations.run_migrations`).
`tools/tests/test_platform_migrations.py` proves that `create(version=CURRENT)` builds exactly
what `platform_tables` declares, that every step goes up and down, and `drop` leaves nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

Operations = Any  # alembic.op (a module proxy) or an alembic.operations.Operations


@dataclass(frozen=True)
class Step:
    """One kernel change of the platform tables, applied to one schema."""

    version: int
    description: str
    upgrade: Callable[[Operations, str], None]
    downgrade: Callable[[Operations, str], None]


def _baseline_upgrade(op: Operations, schema: str) -> None:
    op.create_table(
        "failed_events",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("consumer", sa.Text(), nullable=False),
        sa.Column("event_id", sa.Text(), nullable=True),
        sa.Column("event_type", sa.Text(), nullable=True),
        sa.Column("topic", sa.Text(), nullable=False),
        sa.Column("partition", sa.Integer(), nullable=False),
        sa.Column("offset", sa.BigInteger(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("error", sa.Text(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("status", sa.Text(), server_default="failed", nullable=False),
        sa.Column("failed_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("redriven_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_failed_events"),
        schema=schema,
    )
    op.create_table(
        "idempotency_keys",
        sa.Column("caller", sa.Text(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("method", sa.Text(), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("request_hash", sa.Text(), nullable=False),
        sa.Column("response_status", sa.Integer(), nullable=False),
        sa.Column("response_body", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("caller", "key", name="pk_idempotency_keys"),
        schema=schema,
    )
    op.create_table(
        "inbox",
        sa.Column("consumer", sa.Text(), nullable=False),
        sa.Column("event_id", sa.UUID(), nullable=False),
        sa.Column("event_type", sa.Text(), nullable=False),
        sa.Column(
            "processed_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
        ),
        sa.PrimaryKeyConstraint("consumer", "event_id", name="pk_inbox"),
        schema=schema,
    )
    op.create_index("ix_inbox_processed_at", "inbox", ["processed_at"], unique=False, schema=schema)
    op.create_table(
        "job_runs",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("job", sa.Text(), nullable=False),
        sa.Column("trigger", sa.Text(), nullable=False),
        sa.Column("period", sa.Text(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("outcome", sa.Text(), server_default="running", nullable=False),
        sa.Column("counts", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_job_runs"),
        schema=schema,
    )
    op.create_index("ix_job_runs_job", "job_runs", ["job", "id"], unique=False, schema=schema)
    op.create_index(
        "uq_job_runs_scheduled_success",
        "job_runs",
        ["job", "period"],
        unique=True,
        schema=schema,
        postgresql_where=sa.text("trigger = 'schedule' AND outcome = 'succeeded'"),
    )
    op.create_table(
        "outbox",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("event_id", sa.UUID(), nullable=False),
        sa.Column("topic", sa.Text(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("event_type", sa.Text(), nullable=False),
        sa.Column("envelope", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("attempts", sa.Integer(), server_default="0", nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("parked_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_outbox"),
        sa.UniqueConstraint("event_id", name="uq_outbox_event_id"),
        schema=schema,
    )
    op.create_index("ix_outbox_created_at", "outbox", ["created_at"], unique=False, schema=schema)
    op.create_index(
        "ix_outbox_parked",
        "outbox",
        ["key"],
        unique=False,
        schema=schema,
        postgresql_where=sa.text("parked_at IS NOT NULL AND published_at IS NULL"),
    )
    op.create_index(
        "ix_outbox_unpublished",
        "outbox",
        ["id"],
        unique=False,
        schema=schema,
        postgresql_where=sa.text("published_at IS NULL"),
    )


def _baseline_downgrade(op: Operations, schema: str) -> None:
    # dropping a table drops its indexes and constraints with it
    for table in ("outbox", "job_runs", "inbox", "idempotency_keys", "failed_events"):
        op.drop_table(table, schema=schema)


BASELINE = Step(
    1, "outbox, inbox, failed events, idempotency keys, job runs", _baseline_upgrade, _baseline_downgrade
)

# Kernel changes after the baseline, in order: append `Step(len(STEPS) + 2, …)`, change
# `libs.platform_tables` to match, and run `python -m tools.devstack platform-revision <version>`.
STEPS: list[Step] = []


def _history() -> list[Step]:
    history = [BASELINE, *STEPS]
    if [s.version for s in history] != list(range(1, len(history) + 1)):
        raise RuntimeError("platform steps must be numbered 1, 2, 3, … in order")
    return history


def current_version() -> int:
    return len(_history())


def _schema(op: Operations, schema: str | None) -> str:
    found = schema or op.get_context().version_table_schema
    if not found:
        raise RuntimeError("no schema: pass schema= or run under libs.migrations.run_migrations")
    return str(found)


def _step(version: int) -> Step:
    history = _history()
    if not 1 <= version <= len(history):
        raise ValueError(f"no platform tables version {version} (current: {len(history)})")
    return history[version - 1]


def create(op: Operations, *, version: int, schema: str | None = None) -> None:
    """The platform tables as of `version` (a service's first migration: the version current then)."""
    target = _schema(op, schema)
    _step(version)
    for step in _history()[:version]:
        step.upgrade(op, target)


def drop(op: Operations, *, version: int, schema: str | None = None) -> None:
    """Undo `create(op, version=version)` (that first migration's downgrade)."""
    target = _schema(op, schema)
    _step(version)
    for step in reversed(_history()[:version]):
        step.downgrade(op, target)


def upgrade(op: Operations, version: int, *, schema: str | None = None) -> None:
    """Apply the kernel change that made `version` (2 or later) to the service's platform tables."""
    if version < 2:
        raise ValueError("version 1 is created with create(op, version=1)")
    _step(version).upgrade(op, _schema(op, schema))


def downgrade(op: Operations, version: int, *, schema: str | None = None) -> None:
    """Undo the kernel change that made `version`."""
    if version < 2:
        raise ValueError("version 1 is dropped with drop(op, version=1)")
    _step(version).downgrade(op, _schema(op, schema))


def write_revision(cfg: Any, version: int) -> str:
    """Add to one service's Alembic history (its `alembic.config.Config`) the migration that applies
    platform `version`, chained to its head; returns the file's path. No database is needed."""
    from alembic import command

    step = _step(version)
    if version < 2:
        raise ValueError("version 1 is created by a service's first migration")
    script = command.revision(cfg, message=f"platform tables v{version}: {step.description}")
    if script is None or isinstance(script, list):
        raise RuntimeError("alembic wrote no single revision")
    path = Path(script.path)
    text = path.read_text()
    text = text.replace(
        "import sqlalchemy as sa\nfrom alembic import op\n",
        "from alembic import op\n\nfrom libs import platform_migrations\n",
    )
    text = text.replace(
        "def upgrade() -> None:\n    pass",
        f"def upgrade() -> None:\n    platform_migrations.upgrade(op, {version})",
    )
    text = text.replace(
        "def downgrade() -> None:\n    pass",
        f"def downgrade() -> None:\n    platform_migrations.downgrade(op, {version})",
    )
    path.write_text(text)
    return str(path)
