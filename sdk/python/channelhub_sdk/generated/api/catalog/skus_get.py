from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.sku import Sku
from ...models.sku_for_customer import SkuForCustomer
from typing import cast



def _get_kwargs(
    sku: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/skus/{sku}".format(sku=quote(str(sku), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Sku | SkuForCustomer | None:
    if response.status_code == 200:
        def _parse_response_200(data: object) -> Sku | SkuForCustomer:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = Sku.from_dict(data)



                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_1 = SkuForCustomer.from_dict(data)



            return response_200_type_1

        response_200 = _parse_response_200(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Sku | SkuForCustomer]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    sku: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[Problem | Sku | SkuForCustomer]:
    """ Get a sku

     Get a sku. Who may call it: admin, credit_officer, billing, reseller_admin, reseller_user, customer.

    Args:
        sku (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Sku | SkuForCustomer]
     """


    kwargs = _get_kwargs(
        sku=sku,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    sku: str,
    *,
    client: AuthenticatedClient | Client,

) -> Problem | Sku | SkuForCustomer | None:
    """ Get a sku

     Get a sku. Who may call it: admin, credit_officer, billing, reseller_admin, reseller_user, customer.

    Args:
        sku (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Sku | SkuForCustomer
     """


    return sync_detailed(
        sku=sku,
client=client,

    ).parsed

async def asyncio_detailed(
    sku: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[Problem | Sku | SkuForCustomer]:
    """ Get a sku

     Get a sku. Who may call it: admin, credit_officer, billing, reseller_admin, reseller_user, customer.

    Args:
        sku (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Sku | SkuForCustomer]
     """


    kwargs = _get_kwargs(
        sku=sku,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    sku: str,
    *,
    client: AuthenticatedClient | Client,

) -> Problem | Sku | SkuForCustomer | None:
    """ Get a sku

     Get a sku. Who may call it: admin, credit_officer, billing, reseller_admin, reseller_user, customer.

    Args:
        sku (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Sku | SkuForCustomer
     """


    return (await asyncio_detailed(
        sku=sku,
client=client,

    )).parsed
