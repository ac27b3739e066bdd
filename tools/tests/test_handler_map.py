"""libs.consumer.handler_map: several handlers per event type, in the order declared; an accidental
second declaration for a type fails when the map is built (R-PL-4)."""

from __future__ import annotations

import pytest

from libs.consumer import DuplicateHandler, handler_map, handles, then_handles
from libs.db import UnitOfWork
from libs.events import leasing as leasing_events
from libs.events import onboarding as onb
from libs.events.envelope import CloudEvent

TERMINATED = leasing_events.ContractTerminated.event_type
RETURNED = leasing_events.ContractReturned.event_type


async def follow(uow: UnitOfWork, envelope: CloudEvent, event: leasing_events.ContractEvent) -> None: ...


async def invoice_fee(
    uow: UnitOfWork, envelope: CloudEvent, event: leasing_events.ContractTerminated
) -> None: ...


async def audit(uow: UnitOfWork, envelope: CloudEvent, event: leasing_events.ContractEvent) -> None: ...


async def upsert(uow: UnitOfWork, envelope: CloudEvent, event: onb.ResellerEvent) -> None: ...


def test_r_pl_4_then_handles_runs_after_the_generic_handler_of_a_derived_type() -> None:
    found = handler_map(
        handles(leasing_events.ContractEvent, follow),
        then_handles(leasing_events.ContractTerminated, invoice_fee),
        handles(onb.ResellerEvent, upsert),
    )
    assert found[TERMINATED] == (follow, invoice_fee)
    assert found[RETURNED] == (follow,)  # only the termination gets the second handler
    assert all(found[t] == (upsert,) for t in found if t.startswith("onboarding.reseller."))


def test_r_pl_4_one_declaration_lists_its_handlers_in_order() -> None:
    found = handler_map(handles(leasing_events.ContractEvent, follow, audit))
    assert found[TERMINATED] == (follow, audit)
    assert handler_map(handles(leasing_events.ContractEvent, audit, follow))[TERMINATED] == (audit, follow)


def test_r_pl_4_a_type_handled_twice_without_an_order_is_refused() -> None:
    with pytest.raises(DuplicateHandler, match=TERMINATED):
        handler_map(
            handles(leasing_events.ContractEvent, follow),
            handles(leasing_events.ContractTerminated, invoice_fee),  # used to replace `follow` silently
        )
    with pytest.raises(DuplicateHandler):
        handler_map(handles(onb.ResellerEvent, upsert), handles(onb.ResellerEvent, upsert))


def test_r_pl_4_then_handles_needs_a_handler_to_run_after() -> None:
    with pytest.raises(DuplicateHandler, match="no handler to run after"):
        handler_map(then_handles(leasing_events.ContractTerminated, invoice_fee))


def test_r_pl_4_handles_names_at_least_one_handler() -> None:
    with pytest.raises(ValueError, match="names no handler"):
        handles(leasing_events.ContractEvent)


def test_billing_updates_its_contract_copy_before_invoicing_a_termination() -> None:
    from services.billing import handlers

    names = [h.__name__ for h in handlers.HANDLERS[TERMINATED]]
    assert names == ["follow_contract", "invoice_termination"]
    assert [h.__name__ for h in handlers.HANDLERS[RETURNED]] == ["follow_contract", "invoice_pickup"]
