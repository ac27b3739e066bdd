"""Small asyncio helpers shared by the kernel's background loops (relay, consumers, jobs)."""

from __future__ import annotations

import asyncio


async def sleep_or_stop(stop: asyncio.Event, seconds: float) -> bool:
    """Sleep `seconds`, but return early (True) when `stop` is set; False when the time ran out."""
    try:
        await asyncio.wait_for(stop.wait(), timeout=seconds)
        return True
    except TimeoutError:
        return False
