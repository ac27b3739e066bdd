"""Events are stamped by the service's injected clock, not the wall clock (a service started with a
clock set to another day — a replay, a test — publishes events of that day)."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Iterator
from datetime import UTC, date, datetime

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from libs.clock import FixedClock, SystemClock, service_clock, use_service_clock
from libs.db import UnitOfWork
from libs.events import billing as ev
from libs.service import create_service_app
from libs.testing.usecases import emitted
from services.billing.app import SPEC
from services.billing.models import OUTBOX, TABLES

ANOTHER_DAY = datetime(2031, 5, 17, 9, 30, tzinfo=UTC)


@pytest.fixture
def restore_clock() -> Iterator[None]:
    before = service_clock()
    yield
    use_service_clock(before)


@pytest.mark.usefixtures("restore_clock")
def test_a_service_app_stamps_its_events_with_the_clock_it_was_given() -> None:
    clock = FixedClock(ANOTHER_DAY)
    create_service_app(SPEC, clock=clock, run_background=False)
    assert service_clock() is clock
    create_service_app(SPEC, run_background=False)
    assert isinstance(service_clock(), SystemClock)


@pytest.mark.usefixtures("restore_clock")
async def test_an_emitted_event_carries_the_injected_time(
    service_session: Callable[[str], Awaitable[AsyncSession]],
) -> None:
    session = await service_session("billing")
    use_service_clock(FixedClock(ANOTHER_DAY))
    reseller = uuid.uuid4()
    event = ev.ResellerOverdueChanged(
        reseller_id=reseller, has_overdue=True, overdue_invoices=1, as_of=date(2031, 5, 17), version=1
    )
    await UnitOfWork.over(session, outbox=OUTBOX).emit(event, reseller_id=reseller)
    [envelope] = [e for e in await emitted(session, TABLES.outbox) if e["subject"] == str(reseller)]
    assert datetime.fromisoformat(envelope["time"]) == ANOTHER_DAY


@pytest.mark.usefixtures("restore_clock")
async def test_the_unit_of_work_stamps_its_events_with_its_own_clock(
    service_session: Callable[[str], Awaitable[AsyncSession]],
) -> None:
    """A job run for another day, a test: the unit of work's clock wins over the process's."""
    session = await service_session("billing")
    use_service_clock(SystemClock())
    uow = UnitOfWork.over(session, clock=FixedClock(ANOTHER_DAY), outbox=OUTBOX)
    reseller = uuid.uuid4()
    event = ev.ResellerOverdueChanged(
        reseller_id=reseller, has_overdue=False, overdue_invoices=0, as_of=date(2031, 5, 17), version=2
    )
    await uow.emit(event, reseller_id=reseller)
    [envelope] = [e for e in await emitted(session, TABLES.outbox) if e["subject"] == str(reseller)]
    assert datetime.fromisoformat(envelope["time"]) == ANOTHER_DAY
    assert envelope["source"].endswith("billing")
