from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.invoice_status import InvoiceStatus
from ...models.page_invoice import PageInvoice
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    *,
    status: InvoiceStatus | Unset = UNSET,
    order_id: UUID | Unset = UNSET,
    subscription_id: UUID | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_order_id: str | Unset = UNSET
    if not isinstance(order_id, Unset):
        json_order_id = str(order_id)
    params["order_id"] = json_order_id

    json_subscription_id: str | Unset = UNSET
    if not isinstance(subscription_id, Unset):
        json_subscription_id = str(subscription_id)
    params["subscription_id"] = json_subscription_id

    params["limit"] = limit

    params["cursor"] = cursor


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/invoices",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PageInvoice | Problem | None:
    if response.status_code == 200:
        response_200 = PageInvoice.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PageInvoice | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: InvoiceStatus | Unset = UNSET,
    order_id: UUID | Unset = UNSET,
    subscription_id: UUID | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,

) -> Response[PageInvoice | Problem]:
    """ List invoices

     Newest first. Asked for an order placed a moment ago, the invoice is there already.

    Args:
        status (InvoiceStatus | Unset): An invoice's status (R-BI-1…4, R-BI-8): billing's column
            and API, its invoice events, and the
            receivables reports keeps of them.
        order_id (UUID | Unset):
        subscription_id (UUID | Unset):
        limit (int | Unset): page size Default: 50.
        cursor (str | Unset): `next_cursor` of the previous page (opaque; omit it for the first
            page)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageInvoice | Problem]
     """


    kwargs = _get_kwargs(
        status=status,
order_id=order_id,
subscription_id=subscription_id,
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
    status: InvoiceStatus | Unset = UNSET,
    order_id: UUID | Unset = UNSET,
    subscription_id: UUID | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,

) -> PageInvoice | Problem | None:
    """ List invoices

     Newest first. Asked for an order placed a moment ago, the invoice is there already.

    Args:
        status (InvoiceStatus | Unset): An invoice's status (R-BI-1…4, R-BI-8): billing's column
            and API, its invoice events, and the
            receivables reports keeps of them.
        order_id (UUID | Unset):
        subscription_id (UUID | Unset):
        limit (int | Unset): page size Default: 50.
        cursor (str | Unset): `next_cursor` of the previous page (opaque; omit it for the first
            page)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageInvoice | Problem
     """


    return sync_detailed(
        client=client,
status=status,
order_id=order_id,
subscription_id=subscription_id,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: InvoiceStatus | Unset = UNSET,
    order_id: UUID | Unset = UNSET,
    subscription_id: UUID | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,

) -> Response[PageInvoice | Problem]:
    """ List invoices

     Newest first. Asked for an order placed a moment ago, the invoice is there already.

    Args:
        status (InvoiceStatus | Unset): An invoice's status (R-BI-1…4, R-BI-8): billing's column
            and API, its invoice events, and the
            receivables reports keeps of them.
        order_id (UUID | Unset):
        subscription_id (UUID | Unset):
        limit (int | Unset): page size Default: 50.
        cursor (str | Unset): `next_cursor` of the previous page (opaque; omit it for the first
            page)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageInvoice | Problem]
     """


    kwargs = _get_kwargs(
        status=status,
order_id=order_id,
subscription_id=subscription_id,
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
    status: InvoiceStatus | Unset = UNSET,
    order_id: UUID | Unset = UNSET,
    subscription_id: UUID | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,

) -> PageInvoice | Problem | None:
    """ List invoices

     Newest first. Asked for an order placed a moment ago, the invoice is there already.

    Args:
        status (InvoiceStatus | Unset): An invoice's status (R-BI-1…4, R-BI-8): billing's column
            and API, its invoice events, and the
            receivables reports keeps of them.
        order_id (UUID | Unset):
        subscription_id (UUID | Unset):
        limit (int | Unset): page size Default: 50.
        cursor (str | Unset): `next_cursor` of the previous page (opaque; omit it for the first
            page)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageInvoice | Problem
     """


    return (await asyncio_detailed(
        client=client,
status=status,
order_id=order_id,
subscription_id=subscription_id,
limit=limit,
cursor=cursor,

    )).parsed
