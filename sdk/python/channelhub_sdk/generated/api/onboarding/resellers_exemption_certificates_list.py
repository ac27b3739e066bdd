from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.exemption_certificate import ExemptionCertificate
from ...models.problem import Problem
from typing import cast
from uuid import UUID



def _get_kwargs(
    reseller_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/resellers/{reseller_id}/tax-exemption-certificates".format(reseller_id=quote(str(reseller_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | list[ExemptionCertificate] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in (_response_200):
            response_200_item = ExemptionCertificate.from_dict(response_200_item_data)



            response_200.append(response_200_item)

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | list[ExemptionCertificate]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    reseller_id: UUID,
    *,
    client: AuthenticatedClient | Client,

) -> Response[Problem | list[ExemptionCertificate]]:
    """ List reseller exemption certificates

     Every certificate the reseller uploaded, newest first; the current one has no `replaced_at`.

    Args:
        reseller_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[ExemptionCertificate]]
     """


    kwargs = _get_kwargs(
        reseller_id=reseller_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    reseller_id: UUID,
    *,
    client: AuthenticatedClient | Client,

) -> Problem | list[ExemptionCertificate] | None:
    """ List reseller exemption certificates

     Every certificate the reseller uploaded, newest first; the current one has no `replaced_at`.

    Args:
        reseller_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[ExemptionCertificate]
     """


    return sync_detailed(
        reseller_id=reseller_id,
client=client,

    ).parsed

async def asyncio_detailed(
    reseller_id: UUID,
    *,
    client: AuthenticatedClient | Client,

) -> Response[Problem | list[ExemptionCertificate]]:
    """ List reseller exemption certificates

     Every certificate the reseller uploaded, newest first; the current one has no `replaced_at`.

    Args:
        reseller_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[ExemptionCertificate]]
     """


    kwargs = _get_kwargs(
        reseller_id=reseller_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    reseller_id: UUID,
    *,
    client: AuthenticatedClient | Client,

) -> Problem | list[ExemptionCertificate] | None:
    """ List reseller exemption certificates

     Every certificate the reseller uploaded, newest first; the current one has no `replaced_at`.

    Args:
        reseller_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[ExemptionCertificate]
     """


    return (await asyncio_detailed(
        reseller_id=reseller_id,
client=client,

    )).parsed
