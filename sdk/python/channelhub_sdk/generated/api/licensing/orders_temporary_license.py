from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.license_ import License
from ...models.problem import Problem
from typing import cast
from uuid import UUID



def _get_kwargs(
    order_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/orders/{order_id}/temporary-license".format(order_id=quote(str(order_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> License | Problem | None:
    if response.status_code == 201:
        response_201 = License.from_dict(response.json())



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

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[License | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    order_id: UUID,
    *,
    client: AuthenticatedClient | Client,

) -> Response[License | Problem]:
    """ Orders temporary license

     R-LI-3: a temporary license (30 days by default) for an order still awaiting its
    prepayment; the permanent license replaces it on payment. At most one per order: a second
    request (even after the first expired) is 409 `temporary-license-exists`, unless the program
    allows extensions (`CHANNELHUB_TEMPORARY_LICENSE_EXTENSIONS`, default 0).

    Args:
        order_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[License | Problem]
     """


    kwargs = _get_kwargs(
        order_id=order_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    order_id: UUID,
    *,
    client: AuthenticatedClient | Client,

) -> License | Problem | None:
    """ Orders temporary license

     R-LI-3: a temporary license (30 days by default) for an order still awaiting its
    prepayment; the permanent license replaces it on payment. At most one per order: a second
    request (even after the first expired) is 409 `temporary-license-exists`, unless the program
    allows extensions (`CHANNELHUB_TEMPORARY_LICENSE_EXTENSIONS`, default 0).

    Args:
        order_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        License | Problem
     """


    return sync_detailed(
        order_id=order_id,
client=client,

    ).parsed

async def asyncio_detailed(
    order_id: UUID,
    *,
    client: AuthenticatedClient | Client,

) -> Response[License | Problem]:
    """ Orders temporary license

     R-LI-3: a temporary license (30 days by default) for an order still awaiting its
    prepayment; the permanent license replaces it on payment. At most one per order: a second
    request (even after the first expired) is 409 `temporary-license-exists`, unless the program
    allows extensions (`CHANNELHUB_TEMPORARY_LICENSE_EXTENSIONS`, default 0).

    Args:
        order_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[License | Problem]
     """


    kwargs = _get_kwargs(
        order_id=order_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    order_id: UUID,
    *,
    client: AuthenticatedClient | Client,

) -> License | Problem | None:
    """ Orders temporary license

     R-LI-3: a temporary license (30 days by default) for an order still awaiting its
    prepayment; the permanent license replaces it on payment. At most one per order: a second
    request (even after the first expired) is 409 `temporary-license-exists`, unless the program
    allows extensions (`CHANNELHUB_TEMPORARY_LICENSE_EXTENSIONS`, default 0).

    Args:
        order_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        License | Problem
     """


    return (await asyncio_detailed(
        order_id=order_id,
client=client,

    )).parsed
