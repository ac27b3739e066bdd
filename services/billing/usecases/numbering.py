"""Gapless number series per year (R-BI-1 invoices, R-BI-8 credit notes): the year's counter row is
taken with `INSERT … ON CONFLICT DO UPDATE … RETURNING` in the document's own transaction, so
concurrent documents queue on the row and a rollback gives the number back."""

from __future__ import annotations

import functools
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession


@functools.cache
def _take(counter: Any) -> Any:
    # built once per counter: every invoice and credit note takes a number
    return (
        pg_insert(counter)
        .values(year=sa.bindparam("year", type_=sa.Integer), last_sequence=1)
        .on_conflict_do_update(
            index_elements=[counter.year], set_={"last_sequence": counter.last_sequence + 1}
        )
        .returning(counter.last_sequence)
    )


async def take_sequence(session: AsyncSession, counter: Any, year: int) -> int:
    """The next sequence of `counter` (a model with `year` and `last_sequence`) for `year`."""
    return int((await session.execute(_take(counter), {"year": year})).scalar_one())
