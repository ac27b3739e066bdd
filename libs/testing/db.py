"""A service's own database in tests: for set-ups no endpoint offers yet and for checking what
was written (outbox rows, inbox rows). Each call is one unit of work on a short-lived engine."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

from libs.db import Database, UnitOfWork
from libs.outbox.record import Outbox

T = TypeVar("T")


class ServiceDb:
    def __init__(self, url: str, *, outbox: Outbox | None = None) -> None:
        self.url = url
        self.outbox = outbox  # for use cases that emit (`uow.emit`)

    def run(self, work: Callable[[UnitOfWork], Awaitable[T]], *, commit: bool = False) -> T:
        """Run `work` in one unit of work; commit only when asked (reads roll back)."""

        async def go() -> T:
            db = Database(self.url, pool_size=1, outbox=self.outbox)
            try:
                async with db.unit_of_work() as uow:
                    result = await work(uow)
                    if commit:
                        await uow.commit()
                    return result
            finally:
                await db.dispose()

        return asyncio.run(go())
