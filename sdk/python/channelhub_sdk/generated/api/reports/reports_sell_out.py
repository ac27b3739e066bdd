from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.sell_out_report import SellOutReport
from typing import cast



def _get_kwargs(
    *,
    manufacturer: str,
    period: str,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["manufacturer"] = manufacturer

    params["period"] = period


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/reports/sell-out",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | SellOutReport | None:
    if response.status_code == 200:
        response_200 = SellOutReport.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | SellOutReport]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    manufacturer: str,
    period: str,

) -> Response[Problem | SellOutReport]:
    """ Report: sell out

     R-WA-9 (staff): every unit leased in the month for one manufacturer, with the partner's and the
    end customer's country; JSON, or CSV with `Accept: text/csv`. The `sell-out-reports` job freezes
    last month's report on the 1st (`frozen`); until then it follows leasing's contract events.

    Args:
        manufacturer (str):
        period (str): YYYY-MM

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SellOutReport]
     """


    kwargs = _get_kwargs(
        manufacturer=manufacturer,
period=period,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    manufacturer: str,
    period: str,

) -> Problem | SellOutReport | None:
    """ Report: sell out

     R-WA-9 (staff): every unit leased in the month for one manufacturer, with the partner's and the
    end customer's country; JSON, or CSV with `Accept: text/csv`. The `sell-out-reports` job freezes
    last month's report on the 1st (`frozen`); until then it follows leasing's contract events.

    Args:
        manufacturer (str):
        period (str): YYYY-MM

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SellOutReport
     """


    return sync_detailed(
        client=client,
manufacturer=manufacturer,
period=period,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    manufacturer: str,
    period: str,

) -> Response[Problem | SellOutReport]:
    """ Report: sell out

     R-WA-9 (staff): every unit leased in the month for one manufacturer, with the partner's and the
    end customer's country; JSON, or CSV with `Accept: text/csv`. The `sell-out-reports` job freezes
    last month's report on the 1st (`frozen`); until then it follows leasing's contract events.

    Args:
        manufacturer (str):
        period (str): YYYY-MM

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SellOutReport]
     """


    kwargs = _get_kwargs(
        manufacturer=manufacturer,
period=period,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    manufacturer: str,
    period: str,

) -> Problem | SellOutReport | None:
    """ Report: sell out

     R-WA-9 (staff): every unit leased in the month for one manufacturer, with the partner's and the
    end customer's country; JSON, or CSV with `Accept: text/csv`. The `sell-out-reports` job freezes
    last month's report on the 1st (`frozen`); until then it follows leasing's contract events.

    Args:
        manufacturer (str):
        period (str): YYYY-MM

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SellOutReport
     """


    return (await asyncio_detailed(
        client=client,
manufacturer=manufacturer,
period=period,

    )).parsed
