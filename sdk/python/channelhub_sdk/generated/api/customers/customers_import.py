from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.customer import Customer
from ...models.customer_import import CustomerImport
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    body: CustomerImport,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/customers/import",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Customer | Problem | None:
    if response.status_code == 201:
        response_201 = Customer.from_dict(response.json())



        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Customer | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CustomerImport,

) -> Response[Customer | Problem]:
    """ Import a customer

     Import a customer from another reseller (or the vendor) with the transfer token the
    customer issued (R-CU-5). The customer, and with it its subscriptions, move to the caller.

    Args:
        body (CustomerImport): R-CU-5: name the customer as its account knows it — a domain
            customer by its domain, a team
            customer by its primary e-mail — and present the transfer token it issued.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Customer | Problem]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    body: CustomerImport,

) -> Customer | Problem | None:
    """ Import a customer

     Import a customer from another reseller (or the vendor) with the transfer token the
    customer issued (R-CU-5). The customer, and with it its subscriptions, move to the caller.

    Args:
        body (CustomerImport): R-CU-5: name the customer as its account knows it — a domain
            customer by its domain, a team
            customer by its primary e-mail — and present the transfer token it issued.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Customer | Problem
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CustomerImport,

) -> Response[Customer | Problem]:
    """ Import a customer

     Import a customer from another reseller (or the vendor) with the transfer token the
    customer issued (R-CU-5). The customer, and with it its subscriptions, move to the caller.

    Args:
        body (CustomerImport): R-CU-5: name the customer as its account knows it — a domain
            customer by its domain, a team
            customer by its primary e-mail — and present the transfer token it issued.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Customer | Problem]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CustomerImport,

) -> Customer | Problem | None:
    """ Import a customer

     Import a customer from another reseller (or the vendor) with the transfer token the
    customer issued (R-CU-5). The customer, and with it its subscriptions, move to the caller.

    Args:
        body (CustomerImport): R-CU-5: name the customer as its account knows it — a domain
            customer by its domain, a team
            customer by its primary e-mail — and present the transfer token it issued.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Customer | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
