from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.unpark_result import UnparkResult
from typing import cast



def _get_kwargs(
    row_id: int,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/ops/leasing/outbox/parked/{row_id}/retry".format(row_id=quote(str(row_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | UnparkResult | None:
    if response.status_code == 200:
        response_200 = UnparkResult.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())



        return response_503

    if response.status_code == 504:
        response_504 = Problem.from_dict(response.json())



        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | UnparkResult]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    row_id: int,
    *,
    client: AuthenticatedClient | Client,

) -> Response[Problem | UnparkResult]:
    """ Retry an outbox parked (leasing)

     Un-park the row's aggregate: the relay sends its rows again, in order (after the cause
    is fixed, e.g. the broker's size limit raised or the topic created).

    Args:
        row_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UnparkResult]
     """


    kwargs = _get_kwargs(
        row_id=row_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    row_id: int,
    *,
    client: AuthenticatedClient | Client,

) -> Problem | UnparkResult | None:
    """ Retry an outbox parked (leasing)

     Un-park the row's aggregate: the relay sends its rows again, in order (after the cause
    is fixed, e.g. the broker's size limit raised or the topic created).

    Args:
        row_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UnparkResult
     """


    return sync_detailed(
        row_id=row_id,
client=client,

    ).parsed

async def asyncio_detailed(
    row_id: int,
    *,
    client: AuthenticatedClient | Client,

) -> Response[Problem | UnparkResult]:
    """ Retry an outbox parked (leasing)

     Un-park the row's aggregate: the relay sends its rows again, in order (after the cause
    is fixed, e.g. the broker's size limit raised or the topic created).

    Args:
        row_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UnparkResult]
     """


    kwargs = _get_kwargs(
        row_id=row_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    row_id: int,
    *,
    client: AuthenticatedClient | Client,

) -> Problem | UnparkResult | None:
    """ Retry an outbox parked (leasing)

     Un-park the row's aggregate: the relay sends its rows again, in order (after the cause
    is fixed, e.g. the broker's size limit raised or the topic created).

    Args:
        row_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UnparkResult
     """


    return (await asyncio_detailed(
        row_id=row_id,
client=client,

    )).parsed
