"""The edge of a request: its unit of work, committed by the edge, and idempotent routes.

Routes never commit. `UoW` opens one unit of work per request and commits it when the route
returns — before the response is sent (`Depends(scope="function")`: the dependency's exit runs when
the route function has returned, not after the response, so the partner's very next call, answered
by any replica or service, reads the write). A route that raises (a `DomainError` answered as a 4xx
problem+json, or a bug) rolls it back. A GET that refreshes a read model's snapshot persists it
through the same commit.

`@idempotent` declares a route as honouring `Idempotency-Key` (libs.idempotency): the route's body
calls the use case and returns the rendered view; the declaration claims the key first, stores the
answer with the unit of work and replays it.

    @router.post("", status_code=201, response_model=schemas.Order)
    @idempotent
    async def create_order(body: schemas.OrderCreate, uow: UoW, caller: CurrentReseller) -> Any:
        return render_order(await orders.place_order(uow, caller, body), caller)
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import timedelta
from typing import Annotated, Any, TypeVar, cast, get_type_hints

from fastapi import Depends, Request

from libs.auth import AnyCaller
from libs.clock import Clock
from libs.db import UnitOfWork
from libs.idempotency import Idempotency


async def get_uow(request: Request) -> AsyncIterator[UnitOfWork]:
    """One unit of work per request: committed when the route returns, rolled back when it raises."""
    async with request.app.state.db.unit_of_work() as uow:
        yield uow
        await uow.commit()


async def get_clock(request: Request) -> Clock:
    return request.app.state.clock


# scope="function": committed before the response is sent (read-your-writes), see the module's doc
UoW = Annotated[UnitOfWork, Depends(get_uow, scope="function")]
CurrentClock = Annotated[Clock, Depends(get_clock)]


async def get_idempotency(request: Request, caller: AnyCaller, uow: UoW) -> Idempotency:
    state = request.app.state
    return Idempotency(
        request,
        caller,
        uow,
        state.tables.idempotency_keys,
        timedelta(hours=state.settings.idempotency_ttl_hours),
    )


IdempotentCreate = Annotated[Idempotency, Depends(get_idempotency)]

_IDEMPOTENCY = "idempotency_"
Route = TypeVar("Route", bound=Callable[..., Awaitable[Any]])


def idempotent(route: Route) -> Route:
    """The route honours `Idempotency-Key`: run once per key, answered with the route's declared
    `status_code`, replayed afterwards (libs.idempotency). Put it below the router's decorator."""
    hints = get_type_hints(route, include_extras=True)
    signature = inspect.signature(route)
    if _IDEMPOTENCY in signature.parameters:
        raise TypeError(f"{route.__qualname__}: the parameter name {_IDEMPOTENCY!r} is taken by @idempotent")
    # the annotations resolved here, in the route's module: FastAPI reads the wrapper's signature
    parameters = [
        p.replace(annotation=hints.get(p.name, p.annotation)) for p in signature.parameters.values()
    ]
    parameters.append(
        inspect.Parameter(_IDEMPOTENCY, inspect.Parameter.KEYWORD_ONLY, annotation=IdempotentCreate)
    )

    @functools.wraps(route)
    async def endpoint(*args: Any, **kwargs: Any) -> Any:
        idem: Idempotency = kwargs.pop(_IDEMPOTENCY)
        return await idem.run(lambda: route(*args, **kwargs))

    endpoint.__dict__["__signature__"] = signature.replace(
        parameters=parameters, return_annotation=hints.get("return", signature.return_annotation)
    )
    return cast("Route", endpoint)
