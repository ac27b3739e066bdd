"""Dependencies shared by onboarding's routers."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from libs.auth import Caller, current_caller
from libs.service import UoW
from services.onboarding.usecases.resellers import require_not_suspended

READS = {"GET", "HEAD", "OPTIONS"}


async def refuse_suspended_writes(
    request: Request, uow: UoW, caller: Annotated[Caller, Depends(current_caller)]
) -> None:
    """A suspended reseller's keys may still read its own data, but change nothing (issue 8 item 17).
    Checked against onboarding's own table, so a suspension takes effect at the next request."""
    if request.method not in READS:
        await require_not_suspended(uow.session, caller)


NotSuspended = [Depends(refuse_suspended_writes)]
