from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.contract import Contract
from ...models.problem import Problem
from ...models.return_in import ReturnIn
from typing import cast
from uuid import UUID



def _get_kwargs(
    contract_id: UUID,
    *,
    body: ReturnIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/waas/contracts/{contract_id}/return".format(contract_id=quote(str(contract_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Contract | Problem | None:
    if response.status_code == 200:
        response_200 = Contract.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Contract | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    contract_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ReturnIn,

) -> Response[Contract | Problem]:
    """ Return a WaaS contract

     Return a WaaS contract. Who may call it: admin, reseller_admin, reseller_user.

    Args:
        contract_id (UUID):
        body (ReturnIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Contract | Problem]
     """


    kwargs = _get_kwargs(
        contract_id=contract_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    contract_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ReturnIn,

) -> Contract | Problem | None:
    """ Return a WaaS contract

     Return a WaaS contract. Who may call it: admin, reseller_admin, reseller_user.

    Args:
        contract_id (UUID):
        body (ReturnIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Contract | Problem
     """


    return sync_detailed(
        contract_id=contract_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    contract_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ReturnIn,

) -> Response[Contract | Problem]:
    """ Return a WaaS contract

     Return a WaaS contract. Who may call it: admin, reseller_admin, reseller_user.

    Args:
        contract_id (UUID):
        body (ReturnIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Contract | Problem]
     """


    kwargs = _get_kwargs(
        contract_id=contract_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    contract_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ReturnIn,

) -> Contract | Problem | None:
    """ Return a WaaS contract

     Return a WaaS contract. Who may call it: admin, reseller_admin, reseller_user.

    Args:
        contract_id (UUID):
        body (ReturnIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Contract | Problem
     """


    return (await asyncio_detailed(
        contract_id=contract_id,
client=client,
body=body,

    )).parsed
