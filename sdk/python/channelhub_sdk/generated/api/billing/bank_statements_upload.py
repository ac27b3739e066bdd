from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.bank_statement_result import BankStatementResult
from ...models.problem import Problem
from ...types import File, FileTypes
from io import BytesIO
from typing import cast



def _get_kwargs(
    *,
    body: File,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/bank-statements",
    }

    _kwargs["content"] = body.payload
    headers["Content-Type"] = "application/xml"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> BankStatementResult | Problem | None:
    if response.status_code == 201:
        response_201 = BankStatementResult.from_dict(response.json())



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

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())



        return response_415

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[BankStatementResult | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: File,

) -> Response[BankStatementResult | Problem]:
    """ Upload bank statements

     An ISO 20022 camt.053 statement or camt.054 notification of one of the vendor's accounts
    (another account's → 422, nothing booked). Only booked entries count, each transaction with its
    own amount; every credit is matched by the structured references it quotes (repeated
    `RmtInf/Strd/CdtrRefInf/Ref`, or an RF reference in `Ustrd`), as of its value date; a reversal
    (`RvslInd`) or return (`RtrInf`) undoes the payment it names. Pending and information entries are
    reported and book nothing; a batch whose transactions do not add up to the entry is held for
    staff. The same file, or a transaction already imported, has no second effect. DTDs and entities
    are refused; so is a file over the size limit.

    Args:
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BankStatementResult | Problem]
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
    body: File,

) -> BankStatementResult | Problem | None:
    """ Upload bank statements

     An ISO 20022 camt.053 statement or camt.054 notification of one of the vendor's accounts
    (another account's → 422, nothing booked). Only booked entries count, each transaction with its
    own amount; every credit is matched by the structured references it quotes (repeated
    `RmtInf/Strd/CdtrRefInf/Ref`, or an RF reference in `Ustrd`), as of its value date; a reversal
    (`RvslInd`) or return (`RtrInf`) undoes the payment it names. Pending and information entries are
    reported and book nothing; a batch whose transactions do not add up to the entry is held for
    staff. The same file, or a transaction already imported, has no second effect. DTDs and entities
    are refused; so is a file over the size limit.

    Args:
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BankStatementResult | Problem
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: File,

) -> Response[BankStatementResult | Problem]:
    """ Upload bank statements

     An ISO 20022 camt.053 statement or camt.054 notification of one of the vendor's accounts
    (another account's → 422, nothing booked). Only booked entries count, each transaction with its
    own amount; every credit is matched by the structured references it quotes (repeated
    `RmtInf/Strd/CdtrRefInf/Ref`, or an RF reference in `Ustrd`), as of its value date; a reversal
    (`RvslInd`) or return (`RtrInf`) undoes the payment it names. Pending and information entries are
    reported and book nothing; a batch whose transactions do not add up to the entry is held for
    staff. The same file, or a transaction already imported, has no second effect. DTDs and entities
    are refused; so is a file over the size limit.

    Args:
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BankStatementResult | Problem]
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
    body: File,

) -> BankStatementResult | Problem | None:
    """ Upload bank statements

     An ISO 20022 camt.053 statement or camt.054 notification of one of the vendor's accounts
    (another account's → 422, nothing booked). Only booked entries count, each transaction with its
    own amount; every credit is matched by the structured references it quotes (repeated
    `RmtInf/Strd/CdtrRefInf/Ref`, or an RF reference in `Ustrd`), as of its value date; a reversal
    (`RvslInd`) or return (`RtrInf`) undoes the payment it names. Pending and information entries are
    reported and book nothing; a batch whose transactions do not add up to the entry is held for
    staff. The same file, or a transaction already imported, has no second effect. DTDs and entities
    are refused; so is a file over the size limit.

    Args:
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BankStatementResult | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
