from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.redrive_result import RedriveResult
from typing import cast



def _get_kwargs(
    failed_id: int,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/ops/notifications/failed-events/{failed_id}/redrive".format(failed_id=quote(str(failed_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | RedriveResult | None:
    if response.status_code == 200:
        response_200 = RedriveResult.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | RedriveResult]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    failed_id: int,
    *,
    client: AuthenticatedClient | Client,

) -> Response[Problem | RedriveResult]:
    """ Redrive a failed event (notifications)

     Redrive a failed event (notifications). Who may call it: admin.

    Args:
        failed_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RedriveResult]
     """


    kwargs = _get_kwargs(
        failed_id=failed_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    failed_id: int,
    *,
    client: AuthenticatedClient | Client,

) -> Problem | RedriveResult | None:
    """ Redrive a failed event (notifications)

     Redrive a failed event (notifications). Who may call it: admin.

    Args:
        failed_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RedriveResult
     """


    return sync_detailed(
        failed_id=failed_id,
client=client,

    ).parsed

async def asyncio_detailed(
    failed_id: int,
    *,
    client: AuthenticatedClient | Client,

) -> Response[Problem | RedriveResult]:
    """ Redrive a failed event (notifications)

     Redrive a failed event (notifications). Who may call it: admin.

    Args:
        failed_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RedriveResult]
     """


    kwargs = _get_kwargs(
        failed_id=failed_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    failed_id: int,
    *,
    client: AuthenticatedClient | Client,

) -> Problem | RedriveResult | None:
    """ Redrive a failed event (notifications)

     Redrive a failed event (notifications). Who may call it: admin.

    Args:
        failed_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RedriveResult
     """


    return (await asyncio_detailed(
        failed_id=failed_id,
client=client,

    )).parsed
