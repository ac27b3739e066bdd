"""Every service's models match what its migrations built (no forgotten migration): the tables,
columns, indexes and types alembic's autogenerate compares, and the CHECK constraints it does not —
a `libs.db.one_of` declared on a model (or an enum value added to one) without the migration that
builds it fails here."""

from __future__ import annotations

import asyncio

import pytest
import sqlalchemy as sa

from libs.db import NAMING_CONVENTION, one_of
from libs.events.ordering import SubscriptionStatus
from libs.migrations import check_drift, check_literals, schema_drift
from services.registry import spec_of
from tools.devstack.stack import SERVICES, Stack


def _metadata(service: str) -> sa.MetaData:
    return spec_of(service).tables.outbox.metadata


@pytest.mark.parametrize("service", SERVICES)
def test_models_and_migrations_agree(stack: Stack, service: str) -> None:
    assert asyncio.run(schema_drift(_metadata(service), stack.service_urls[service])) == []


@pytest.mark.parametrize("service", SERVICES)
def test_the_models_check_constraints_are_the_migrated_ones(stack: Stack, service: str) -> None:
    assert asyncio.run(check_drift(_metadata(service), stack.service_urls[service])) == []


def _copy_of_ordering() -> sa.MetaData:
    probe = sa.MetaData(schema="ordering", naming_convention=NAMING_CONVENTION)
    for table in _metadata("ordering").tables.values():
        table.to_metadata(probe)
    return probe


def test_the_check_comparison_sees_a_constraint_no_migration_built(stack: Stack) -> None:
    probe = _copy_of_ordering()
    probe.tables["ordering.subscriptions"].append_constraint(
        one_of("status", SubscriptionStatus, name="probe_known")
    )
    assert asyncio.run(check_drift(probe, stack.service_urls["ordering"])) == [
        "subscriptions.ck_subscriptions_probe_known: declared by the models, not built by a migration"
    ]


def test_the_check_comparison_sees_a_value_no_migration_added(stack: Stack) -> None:
    probe = _copy_of_ordering()
    (status,) = (
        c
        for c in probe.tables["ordering.subscriptions"].constraints
        if isinstance(c, sa.CheckConstraint) and c.name == "ck_subscriptions_status_known"
    )
    status.sqltext = sa.text(f"{status.sqltext} OR status = 'paused'")
    (drift,) = asyncio.run(check_drift(probe, stack.service_urls["ordering"]))
    assert drift.startswith("subscriptions.ck_subscriptions_status_known: the models name ")
    assert "'paused'" in drift.split(";")[0] and "'paused'" not in drift.split(";")[1]


def test_a_check_condition_names_the_same_values_as_postgresql_prints_it() -> None:
    assert (
        check_literals("status IN ('open', 'paid')")
        == check_literals("(status = ANY (ARRAY['open'::text, 'paid'::text]))")
        == ("'open'", "'paid'")
    )
    assert check_literals("term_months IN (1, 12)") == check_literals("(term_months = ANY (ARRAY[1, 12]))")
    assert check_literals("total > 0") == ("0",) != check_literals("total > '0'")
