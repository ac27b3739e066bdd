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
    # built once per counter: every invoice and credit note takes a number (a batch takes several)
    count = sa.bindparam("count", type_=sa.Integer)
    return (
        pg_insert(counter)
        .values(year=sa.bindparam("year", type_=sa.Integer), last_sequence=count)
        .on_conflict_do_update(
            index_elements=[counter.year], set_={"last_sequence": counter.last_sequence + count}
        )
        .returning(counter.last_sequence)
    )


async def take_sequences(session: AsyncSession, counter: Any, year: int, count: int) -> range:
    """The next `count` sequences of `counter` (a model with `year` and `last_sequence`) for `year`,
    taken together with one statement: consecutive, as if taken one by one."""
    if count < 1:
        raise ValueError("take at least one sequence")
    last = int((await session.execute(_take(counter), {"year": year, "count": count})).scalar_one())
    return range(last - count + 1, last + 1)


async def take_sequence(session: AsyncSession, counter: Any, year: int) -> int:
    """The next sequence of `counter` for `year`."""
    return (await take_sequences(session, counter, year, 1))[0]
