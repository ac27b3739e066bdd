from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.job_run_list import JobRunList
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from typing import Literal, cast



def _get_kwargs(
    name: Literal['sell-out-reports'],
    *,
    limit: int | Unset = 50,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["limit"] = limit


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/reports/jobs/{name}/runs".format(name=quote(str(name), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> JobRunList | Problem | None:
    if response.status_code == 200:
        response_200 = JobRunList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[JobRunList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    name: Literal['sell-out-reports'],
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,

) -> Response[JobRunList | Problem]:
    """ Report: jobs runs

     The most recent runs of a job, newest first: scheduled and manual, with outcome and counts.

    Args:
        name (Literal['sell-out-reports']):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[JobRunList | Problem]
     """


    kwargs = _get_kwargs(
        name=name,
limit=limit,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    name: Literal['sell-out-reports'],
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,

) -> JobRunList | Problem | None:
    """ Report: jobs runs

     The most recent runs of a job, newest first: scheduled and manual, with outcome and counts.

    Args:
        name (Literal['sell-out-reports']):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        JobRunList | Problem
     """


    return sync_detailed(
        name=name,
client=client,
limit=limit,

    ).parsed

async def asyncio_detailed(
    name: Literal['sell-out-reports'],
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,

) -> Response[JobRunList | Problem]:
    """ Report: jobs runs

     The most recent runs of a job, newest first: scheduled and manual, with outcome and counts.

    Args:
        name (Literal['sell-out-reports']):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[JobRunList | Problem]
     """


    kwargs = _get_kwargs(
        name=name,
limit=limit,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    name: Literal['sell-out-reports'],
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,

) -> JobRunList | Problem | None:
    """ Report: jobs runs

     The most recent runs of a job, newest first: scheduled and manual, with outcome and counts.

    Args:
        name (Literal['sell-out-reports']):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        JobRunList | Problem
     """


    return (await asyncio_detailed(
        name=name,
client=client,
limit=limit,

    )).parsed
