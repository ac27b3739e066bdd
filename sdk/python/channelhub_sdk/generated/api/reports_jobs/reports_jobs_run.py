from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.job_run_out import JobRunOut
from ...models.job_run_request import JobRunRequest
from ...models.problem import Problem
from typing import cast
from typing import Literal, cast



def _get_kwargs(
    name: Literal['sell-out-reports'],
    *,
    body: JobRunRequest,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/reports/jobs/{name}/run".format(name=quote(str(name), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> JobRunOut | Problem | None:
    if response.status_code == 200:
        response_200 = JobRunOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[JobRunOut | Problem]:
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
    body: JobRunRequest,

) -> Response[JobRunOut | Problem]:
    """ Report: jobs run

     Run a job now for the day `as_of` (recorded as a manual run). Jobs are idempotent for a day. Jobs:
    `sell-out-reports` (monthly on day 1 at 05:00 UTC): R-WA-9: last month's sell-out report per
    manufacturer, frozen once

    Args:
        name (Literal['sell-out-reports']):
        body (JobRunRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[JobRunOut | Problem]
     """


    kwargs = _get_kwargs(
        name=name,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    name: Literal['sell-out-reports'],
    *,
    client: AuthenticatedClient | Client,
    body: JobRunRequest,

) -> JobRunOut | Problem | None:
    """ Report: jobs run

     Run a job now for the day `as_of` (recorded as a manual run). Jobs are idempotent for a day. Jobs:
    `sell-out-reports` (monthly on day 1 at 05:00 UTC): R-WA-9: last month's sell-out report per
    manufacturer, frozen once

    Args:
        name (Literal['sell-out-reports']):
        body (JobRunRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        JobRunOut | Problem
     """


    return sync_detailed(
        name=name,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    name: Literal['sell-out-reports'],
    *,
    client: AuthenticatedClient | Client,
    body: JobRunRequest,

) -> Response[JobRunOut | Problem]:
    """ Report: jobs run

     Run a job now for the day `as_of` (recorded as a manual run). Jobs are idempotent for a day. Jobs:
    `sell-out-reports` (monthly on day 1 at 05:00 UTC): R-WA-9: last month's sell-out report per
    manufacturer, frozen once

    Args:
        name (Literal['sell-out-reports']):
        body (JobRunRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[JobRunOut | Problem]
     """


    kwargs = _get_kwargs(
        name=name,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    name: Literal['sell-out-reports'],
    *,
    client: AuthenticatedClient | Client,
    body: JobRunRequest,

) -> JobRunOut | Problem | None:
    """ Report: jobs run

     Run a job now for the day `as_of` (recorded as a manual run). Jobs are idempotent for a day. Jobs:
    `sell-out-reports` (monthly on day 1 at 05:00 UTC): R-WA-9: last month's sell-out report per
    manufacturer, frozen once

    Args:
        name (Literal['sell-out-reports']):
        body (JobRunRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        JobRunOut | Problem
     """


    return (await asyncio_detailed(
        name=name,
client=client,
body=body,

    )).parsed
