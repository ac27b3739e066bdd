from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.table_reseller_row import TableResellerRow
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    *,
    reseller_id: UUID | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_reseller_id: str | Unset = UNSET
    if not isinstance(reseller_id, Unset):
        json_reseller_id = str(reseller_id)
    params["reseller_id"] = json_reseller_id


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/reports/resellers",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | TableResellerRow | None:
    if response.status_code == 200:
        response_200 = TableResellerRow.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | TableResellerRow]:
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

) -> Response[Problem | TableResellerRow]:
    """ Report: resellers

     The resellers the caller sees, by name, with their status and standing (R-ON-4).

    Args:
        reseller_id (UUID | Unset): staff: one reseller

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TableResellerRow]
     """


    kwargs = _get_kwargs(
        reseller_id=reseller_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    reseller_id: UUID | Unset = UNSET,

) -> Problem | TableResellerRow | None:
    """ Report: resellers

     The resellers the caller sees, by name, with their status and standing (R-ON-4).

    Args:
        reseller_id (UUID | Unset): staff: one reseller

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TableResellerRow
     """


    return sync_detailed(
        client=client,
reseller_id=reseller_id,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    reseller_id: UUID | Unset = UNSET,

) -> Response[Problem | TableResellerRow]:
    """ Report: resellers

     The resellers the caller sees, by name, with their status and standing (R-ON-4).

    Args:
        reseller_id (UUID | Unset): staff: one reseller

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TableResellerRow]
     """


    kwargs = _get_kwargs(
        reseller_id=reseller_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    reseller_id: UUID | Unset = UNSET,

) -> Problem | TableResellerRow | None:
    """ Report: resellers

     The resellers the caller sees, by name, with their status and standing (R-ON-4).

    Args:
        reseller_id (UUID | Unset): staff: one reseller

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TableResellerRow
     """


    return (await asyncio_detailed(
        client=client,
reseller_id=reseller_id,

    )).parsed
