from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.summary import Summary
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime



def _get_kwargs(
    *,
    reseller_id: UUID | Unset = UNSET,
    period: str | Unset = UNSET,
    as_of: datetime.date | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_reseller_id: str | Unset = UNSET
    if not isinstance(reseller_id, Unset):
        json_reseller_id = str(reseller_id)
    params["reseller_id"] = json_reseller_id

    params["period"] = period

    json_as_of: str | Unset = UNSET
    if not isinstance(as_of, Unset):
        json_as_of = as_of.isoformat()
    params["as_of"] = json_as_of


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/reports/summary",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Summary | None:
    if response.status_code == 200:
        response_200 = Summary.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Summary]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    reseller_id: UUID | Unset = UNSET,
    period: str | Unset = UNSET,
    as_of: datetime.date | Unset = UNSET,

) -> Response[Problem | Summary]:
    """ Report: summary

     The dashboard's tiles: net sales in `period` and the month before (per currency), what was
    owed on `as_of` (default today) and how much of it past due, resellers by standing, active WaaS
    contracts, and seats purchased, assigned, used and free. The same figures as the tables, added up.

    Args:
        reseller_id (UUID | Unset): staff: one reseller
        period (str | Unset): YYYY-MM; default: this month
        as_of (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Summary]
     """


    kwargs = _get_kwargs(
        reseller_id=reseller_id,
period=period,
as_of=as_of,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    reseller_id: UUID | Unset = UNSET,
    period: str | Unset = UNSET,
    as_of: datetime.date | Unset = UNSET,

) -> Problem | Summary | None:
    """ Report: summary

     The dashboard's tiles: net sales in `period` and the month before (per currency), what was
    owed on `as_of` (default today) and how much of it past due, resellers by standing, active WaaS
    contracts, and seats purchased, assigned, used and free. The same figures as the tables, added up.

    Args:
        reseller_id (UUID | Unset): staff: one reseller
        period (str | Unset): YYYY-MM; default: this month
        as_of (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Summary
     """


    return sync_detailed(
        client=client,
reseller_id=reseller_id,
period=period,
as_of=as_of,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    reseller_id: UUID | Unset = UNSET,
    period: str | Unset = UNSET,
    as_of: datetime.date | Unset = UNSET,

) -> Response[Problem | Summary]:
    """ Report: summary

     The dashboard's tiles: net sales in `period` and the month before (per currency), what was
    owed on `as_of` (default today) and how much of it past due, resellers by standing, active WaaS
    contracts, and seats purchased, assigned, used and free. The same figures as the tables, added up.

    Args:
        reseller_id (UUID | Unset): staff: one reseller
        period (str | Unset): YYYY-MM; default: this month
        as_of (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Summary]
     """


    kwargs = _get_kwargs(
        reseller_id=reseller_id,
period=period,
as_of=as_of,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    reseller_id: UUID | Unset = UNSET,
    period: str | Unset = UNSET,
    as_of: datetime.date | Unset = UNSET,

) -> Problem | Summary | None:
    """ Report: summary

     The dashboard's tiles: net sales in `period` and the month before (per currency), what was
    owed on `as_of` (default today) and how much of it past due, resellers by standing, active WaaS
    contracts, and seats purchased, assigned, used and free. The same figures as the tables, added up.

    Args:
        reseller_id (UUID | Unset): staff: one reseller
        period (str | Unset): YYYY-MM; default: this month
        as_of (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Summary
     """


    return (await asyncio_detailed(
        client=client,
reseller_id=reseller_id,
period=period,
as_of=as_of,

    )).parsed
