from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.customer_kind import CustomerKind
from ...models.page_customer import PageCustomer
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    kind: CustomerKind | Unset = UNSET,
    domain: str | Unset = UNSET,
    primary_email: str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind.value

    params["kind"] = json_kind

    params["domain"] = domain

    params["primary_email"] = primary_email

    params["limit"] = limit

    params["cursor"] = cursor


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/customers",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PageCustomer | Problem | None:
    if response.status_code == 200:
        response_200 = PageCustomer.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PageCustomer | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    kind: CustomerKind | Unset = UNSET,
    domain: str | Unset = UNSET,
    primary_email: str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,

) -> Response[PageCustomer | Problem]:
    """ List customers

     Staff see every customer, a reseller its own, a customer key only itself.

    Args:
        kind (CustomerKind | Unset): A customer account's kind: a `domain` customer is named by
            its registered domain (R-CU-1/2),
            a `team` one by its primary e-mail (R-CU-3/4). Onboarding's column and API, every customer
            snapshot.
        domain (str | Unset):
        primary_email (str | Unset):
        limit (int | Unset): page size Default: 50.
        cursor (str | Unset): `next_cursor` of the previous page (opaque; omit it for the first
            page)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageCustomer | Problem]
     """


    kwargs = _get_kwargs(
        kind=kind,
domain=domain,
primary_email=primary_email,
limit=limit,
cursor=cursor,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    kind: CustomerKind | Unset = UNSET,
    domain: str | Unset = UNSET,
    primary_email: str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,

) -> PageCustomer | Problem | None:
    """ List customers

     Staff see every customer, a reseller its own, a customer key only itself.

    Args:
        kind (CustomerKind | Unset): A customer account's kind: a `domain` customer is named by
            its registered domain (R-CU-1/2),
            a `team` one by its primary e-mail (R-CU-3/4). Onboarding's column and API, every customer
            snapshot.
        domain (str | Unset):
        primary_email (str | Unset):
        limit (int | Unset): page size Default: 50.
        cursor (str | Unset): `next_cursor` of the previous page (opaque; omit it for the first
            page)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageCustomer | Problem
     """


    return sync_detailed(
        client=client,
kind=kind,
domain=domain,
primary_email=primary_email,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    kind: CustomerKind | Unset = UNSET,
    domain: str | Unset = UNSET,
    primary_email: str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,

) -> Response[PageCustomer | Problem]:
    """ List customers

     Staff see every customer, a reseller its own, a customer key only itself.

    Args:
        kind (CustomerKind | Unset): A customer account's kind: a `domain` customer is named by
            its registered domain (R-CU-1/2),
            a `team` one by its primary e-mail (R-CU-3/4). Onboarding's column and API, every customer
            snapshot.
        domain (str | Unset):
        primary_email (str | Unset):
        limit (int | Unset): page size Default: 50.
        cursor (str | Unset): `next_cursor` of the previous page (opaque; omit it for the first
            page)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageCustomer | Problem]
     """


    kwargs = _get_kwargs(
        kind=kind,
domain=domain,
primary_email=primary_email,
limit=limit,
cursor=cursor,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    kind: CustomerKind | Unset = UNSET,
    domain: str | Unset = UNSET,
    primary_email: str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,

) -> PageCustomer | Problem | None:
    """ List customers

     Staff see every customer, a reseller its own, a customer key only itself.

    Args:
        kind (CustomerKind | Unset): A customer account's kind: a `domain` customer is named by
            its registered domain (R-CU-1/2),
            a `team` one by its primary e-mail (R-CU-3/4). Onboarding's column and API, every customer
            snapshot.
        domain (str | Unset):
        primary_email (str | Unset):
        limit (int | Unset): page size Default: 50.
        cursor (str | Unset): `next_cursor` of the previous page (opaque; omit it for the first
            page)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageCustomer | Problem
     """


    return (await asyncio_detailed(
        client=client,
kind=kind,
domain=domain,
primary_email=primary_email,
limit=limit,
cursor=cursor,

    )).parsed
