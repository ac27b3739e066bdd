"""Answers of the generated operations: `unwrap` for one, `iterate` for every item of a list.

Every operation has `sync_detailed(client=…, …) -> Response[T | Problem]`: the parsed body is the
documented answer or an RFC 9457 problem. `unwrap` returns the answer and raises `ApiError` (with
the problem's stable `code`) otherwise. Lists answer one page `{data, next_cursor}`; `iterate` follows
the cursors and yields every item:

    for order in iterate(orders_list.sync_detailed, client=hub, status="placed"):
        ...
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any, Protocol, TypeVar

from channelhub_sdk.generated.models.problem import Problem
from channelhub_sdk.generated.types import UNSET, Response, Unset

T = TypeVar("T")
Item = TypeVar("Item", covariant=True)


class ApiError(Exception):
    """The API refused (a problem+json answer) or answered something its contract does not name."""

    def __init__(self, status: int, problem: Problem | None, content: bytes) -> None:
        self.status = status
        self.problem = problem
        self.content = content
        self.code = problem.code if problem is not None else None
        detail = problem.detail if problem is not None and isinstance(problem.detail, str) else None
        what = f"{self.code}: {detail or problem.title}" if problem is not None else content[:200].decode()
        super().__init__(f"{status} {what}")


def unwrap(response: Response[T | Problem]) -> T:
    """The documented answer of `response`; ApiError for a problem or an undocumented answer."""
    parsed = response.parsed
    if isinstance(parsed, Problem):
        raise ApiError(int(response.status_code), parsed, response.content)
    if parsed is None:
        raise ApiError(int(response.status_code), None, response.content)
    return parsed


class Page(Protocol[Item]):
    @property
    def data(self) -> Sequence[Item]: ...

    @property
    def next_cursor(self) -> str | Unset | None: ...


def iterate(operation: Callable[..., Response[Page[Item] | Problem]], /, **arguments: Any) -> Iterator[Item]:
    """Every item of a list operation, page after page (`arguments` are the operation's: `client=`,
    filters, `limit=`); ApiError as `unwrap` when a page is refused."""
    cursor: str | Unset = UNSET
    while True:
        page = unwrap(operation(**arguments, cursor=cursor))
        yield from page.data
        following = page.next_cursor
        if not isinstance(following, str) or not following:
            return
        cursor = following
