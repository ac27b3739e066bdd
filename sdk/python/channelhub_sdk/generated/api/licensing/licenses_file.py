from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.license_file import LicenseFile
from ...models.problem import Problem
from typing import cast
from uuid import UUID



def _get_kwargs(
    license_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/licenses/{license_id}/file".format(license_id=quote(str(license_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> LicenseFile | Problem | None:
    if response.status_code == 200:
        response_200 = LicenseFile.from_dict(response.json())



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

    if response.status_code == 410:
        response_410 = Problem.from_dict(response.json())



        return response_410

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[LicenseFile | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    license_id: UUID,
    *,
    client: AuthenticatedClient | Client,

) -> Response[LicenseFile | Problem]:
    """ Licenses file

     The signed license document (`channelhub-license/1`), verifiable offline with the published
    keys (`python -m channelhub_sdk.licenses verify FILE --keys KEYS.json --on YYYY-MM-DD`). Its payload
    states the license's `status`, `valid_from`, `valid_until` (last day) and `valid_before` (the
    exclusive end) and the signing `key_id`. Signed only for an active license: a revoked or expired
    one answers 410 `license-not-active`.

    Args:
        license_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LicenseFile | Problem]
     """


    kwargs = _get_kwargs(
        license_id=license_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    license_id: UUID,
    *,
    client: AuthenticatedClient | Client,

) -> LicenseFile | Problem | None:
    """ Licenses file

     The signed license document (`channelhub-license/1`), verifiable offline with the published
    keys (`python -m channelhub_sdk.licenses verify FILE --keys KEYS.json --on YYYY-MM-DD`). Its payload
    states the license's `status`, `valid_from`, `valid_until` (last day) and `valid_before` (the
    exclusive end) and the signing `key_id`. Signed only for an active license: a revoked or expired
    one answers 410 `license-not-active`.

    Args:
        license_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LicenseFile | Problem
     """


    return sync_detailed(
        license_id=license_id,
client=client,

    ).parsed

async def asyncio_detailed(
    license_id: UUID,
    *,
    client: AuthenticatedClient | Client,

) -> Response[LicenseFile | Problem]:
    """ Licenses file

     The signed license document (`channelhub-license/1`), verifiable offline with the published
    keys (`python -m channelhub_sdk.licenses verify FILE --keys KEYS.json --on YYYY-MM-DD`). Its payload
    states the license's `status`, `valid_from`, `valid_until` (last day) and `valid_before` (the
    exclusive end) and the signing `key_id`. Signed only for an active license: a revoked or expired
    one answers 410 `license-not-active`.

    Args:
        license_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LicenseFile | Problem]
     """


    kwargs = _get_kwargs(
        license_id=license_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    license_id: UUID,
    *,
    client: AuthenticatedClient | Client,

) -> LicenseFile | Problem | None:
    """ Licenses file

     The signed license document (`channelhub-license/1`), verifiable offline with the published
    keys (`python -m channelhub_sdk.licenses verify FILE --keys KEYS.json --on YYYY-MM-DD`). Its payload
    states the license's `status`, `valid_from`, `valid_until` (last day) and `valid_before` (the
    exclusive end) and the signing `key_id`. Signed only for an active license: a revoked or expired
    one answers 410 `license-not-active`.

    Args:
        license_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LicenseFile | Problem
     """


    return (await asyncio_detailed(
        license_id=license_id,
client=client,

    )).parsed
