"""Loading one object the caller may see, or answering 404.

Every service has the same few lines for "select by id within the caller's scope, maybe lock it,
else not found"; this is them once. The statement passed in is already scoped to the caller's
tenant (`libs.tenancy.visible`), so another tenant's object and a
missing one are the same 404.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from libs.errors import DomainError


async def load_or_404(
    session: AsyncSession,
    stmt: sa.Select[Any],
    not_found: type[DomainError],
    *,
    lock: bool = False,
    lock_of: Any = None,
) -> Any:
    """The one row `stmt` selects (locked FOR UPDATE when asked, of `lock_of` when given)."""
    if lock:
        stmt = stmt.with_for_update(of=lock_of) if lock_of is not None else stmt.with_for_update()
    found = await session.scalar(stmt)
    if found is None:
        raise not_found()
    return found
