"""Read models of another service's entities, declared once.

A service keeps a local copy of what it needs from the owner of an entity (onboarding's resellers
and customers, ordering's orders): fed by the owner's events, which carry whole snapshots, and
refreshed from the owner's `/internal/...` endpoint when a partner's request finds the row missing
("refresh from the owner before refusing", CONTRIBUTING.md). The same few moves were written by hand
in five services; a `SnapshotView` is them once:

    RESELLERS = SnapshotView(ResellerView, onb.ResellerSnapshot, path="/internal/resellers/{key}")

    await RESELLERS.upsert(uow, event.reseller)                 # the event handler
    view = await RESELLERS.get(uow, reseller_id, onboarding)     # a use case: row, or ask the owner

Every column of the model is read from the snapshot's field of the same name (checked when the view
is declared, so a new column cannot be forgotten); `renamed` and `values` cover the exceptions.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Mapping
from enum import Enum
from typing import Any, Generic, Literal, TypeVar, cast

import sqlalchemy as sa
from pydantic import BaseModel
from sqlalchemy.dialects.postgresql import insert as pg_insert

from libs.db import UnitOfWork
from libs.internal_client import InternalClient

RowT = TypeVar("RowT")
SnapT = TypeVar("SnapT", bound=BaseModel)

# "versioned": snapshots carry a growing `version`; an older one never overwrites a newer row
#   (redelivery, reordering, an event arriving after a refresh).
# "latest": the last write wins (snapshots without a version, e.g. a subscription's state).
# "first": the row is written once and kept (what later events change is recorded elsewhere).
Mode = Literal["versioned", "latest", "first"]


def _column_value(value: Any) -> Any:
    """A snapshot field as a column value: nested models become JSON (JSONB columns)."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, list) and value and isinstance(value[0], BaseModel):
        return [v.model_dump(mode="json") for v in value]
    if isinstance(value, Enum):
        return value.value
    return value


class SnapshotView(Generic[RowT, SnapT]):
    """One read model: the table (`model`), the owner's snapshot type, and the owner's path."""

    def __init__(
        self,
        model: type[RowT],
        snapshot: type[SnapT],
        *,
        path: str,
        mode: Mode = "versioned",
        renamed: Mapping[str, str] | None = None,
        local: tuple[str, ...] = (),
        values: Callable[[SnapT], dict[str, Any]] | None = None,
        after_upsert: Callable[[UnitOfWork, SnapT], Awaitable[None]] | None = None,
    ) -> None:
        """`path` names the owner's endpoint with `{key}` for the row's key; `renamed` maps a column
        to the snapshot field it is read from; `local` names columns the service keeps itself (their
        defaults), never written from a snapshot; `values` replaces the column mapping altogether;
        `after_upsert` is what the service does whenever the row is written (e.g. follow an
        ownership change)."""
        self.model = model
        self.snapshot = snapshot
        self.path = path
        self.table = cast(sa.Table, sa.inspect(model).local_table)
        (key,) = self.table.primary_key.columns
        self.key = key.name
        self._renamed = dict(renamed or {})
        self.columns = tuple(c.name for c in self.table.columns if c.name not in local)
        self._values = values
        self._after_upsert = after_upsert
        if values is None:
            missing = [c for c in self.columns if self._renamed.get(c, c) not in snapshot.model_fields]
            if missing:
                raise TypeError(f"{model.__name__}: {snapshot.__name__} has no field for {missing}")
        self._statement = self._build(mode)

    def _build(self, mode: Mode) -> Any:
        """Built once: a compiled-cache hit per execution (see `libs.db.versioned_upsert`)."""
        stmt = pg_insert(self.table)
        others = [c for c in self.columns if c != self.key]
        if mode == "first":
            return stmt.on_conflict_do_nothing(index_elements=[self.key])
        where = self.table.c.version < stmt.excluded.version if mode == "versioned" else None
        return stmt.on_conflict_do_update(
            index_elements=[self.key], set_={c: stmt.excluded[c] for c in others}, where=where
        )

    def row(self, snapshot: SnapT) -> dict[str, Any]:
        if self._values is not None:
            return self._values(snapshot)
        return {c: _column_value(getattr(snapshot, self._renamed.get(c, c))) for c in self.columns}

    async def upsert(self, uow: UnitOfWork, snapshot: SnapT) -> None:
        await uow.session.execute(self._statement, self.row(snapshot))
        if self._after_upsert is not None:
            await self._after_upsert(uow, snapshot)

    async def get(
        self,
        uow: UnitOfWork,
        key: uuid.UUID,
        owner: InternalClient | None = None,
        *,
        lock: bool = False,
    ) -> RowT | None:
        """The row; when it is missing and the owner's client is given, the owner's current snapshot
        is written first (in the caller's unit of work) — None if the owner has none either."""
        found = await uow.session.get(self.model, key, with_for_update=lock or None)
        if found is not None or owner is None:
            return found
        if not await self.refresh(uow, owner, key):
            return None
        return await uow.session.get(self.model, key, populate_existing=True, with_for_update=lock or None)

    async def refresh(self, uow: UnitOfWork, owner: InternalClient, key: uuid.UUID) -> bool:
        """Bring the row up to the owner's current snapshot; False if the owner has none."""
        snapshot = await owner.get(self.path.format(key=key), self.snapshot)
        if snapshot is None:
            return False
        await self.upsert(uow, snapshot)
        return True
