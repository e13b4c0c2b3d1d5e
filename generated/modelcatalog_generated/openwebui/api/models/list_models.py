from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any

from ...types import UNSET, Response, Unset

if TYPE_CHECKING:
    import httpx

    from ...client import AuthenticatedClient, Client
    from ...models.http_validation_error import HTTPValidationError
    from ...models.model_access_list_response import ModelAccessListResponse


def _get_kwargs(
    *,
    query: None | str | Unset = UNSET,
    view_option: None | str | Unset = UNSET,
    tag: None | str | Unset = UNSET,
    order_by: None | str | Unset = UNSET,
    direction: None | str | Unset = UNSET,
    page: int | None | Unset = 1,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_query: None | str | Unset
    if isinstance(query, Unset):
        json_query = UNSET
    else:
        json_query = query
    params["query"] = json_query

    json_view_option: None | str | Unset
    if isinstance(view_option, Unset):
        json_view_option = UNSET
    else:
        json_view_option = view_option
    params["view_option"] = json_view_option

    json_tag: None | str | Unset
    if isinstance(tag, Unset):
        json_tag = UNSET
    else:
        json_tag = tag
    params["tag"] = json_tag

    json_order_by: None | str | Unset
    if isinstance(order_by, Unset):
        json_order_by = UNSET
    else:
        json_order_by = order_by
    params["order_by"] = json_order_by

    json_direction: None | str | Unset
    if isinstance(direction, Unset):
        json_direction = UNSET
    else:
        json_direction = direction
    params["direction"] = json_direction

    json_page: int | None | Unset
    if isinstance(page, Unset):
        json_page = UNSET
    else:
        json_page = page
    params["page"] = json_page

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/models/list",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> HTTPValidationError | ModelAccessListResponse | None:
    from ... import errors
    from ...models.http_validation_error import HTTPValidationError
    from ...models.model_access_list_response import ModelAccessListResponse

    if response.status_code == 200:
        response_200 = ModelAccessListResponse.from_dict(response.json())

        return response_200

    if response.status_code == 422:
        response_422 = HTTPValidationError.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[HTTPValidationError | ModelAccessListResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    query: None | str | Unset = UNSET,
    view_option: None | str | Unset = UNSET,
    tag: None | str | Unset = UNSET,
    order_by: None | str | Unset = UNSET,
    direction: None | str | Unset = UNSET,
    page: int | None | Unset = 1,
) -> Response[HTTPValidationError | ModelAccessListResponse]:
    """Get Models

    Args:
        query (None | str | Unset):
        view_option (None | str | Unset):
        tag (None | str | Unset):
        order_by (None | str | Unset):
        direction (None | str | Unset):
        page (int | None | Unset):  Default: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HTTPValidationError | ModelAccessListResponse]
    """

    kwargs = _get_kwargs(
        query=query,
        view_option=view_option,
        tag=tag,
        order_by=order_by,
        direction=direction,
        page=page,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    query: None | str | Unset = UNSET,
    view_option: None | str | Unset = UNSET,
    tag: None | str | Unset = UNSET,
    order_by: None | str | Unset = UNSET,
    direction: None | str | Unset = UNSET,
    page: int | None | Unset = 1,
) -> HTTPValidationError | ModelAccessListResponse | None:
    """Get Models

    Args:
        query (None | str | Unset):
        view_option (None | str | Unset):
        tag (None | str | Unset):
        order_by (None | str | Unset):
        direction (None | str | Unset):
        page (int | None | Unset):  Default: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HTTPValidationError | ModelAccessListResponse
    """

    return sync_detailed(
        client=client,
        query=query,
        view_option=view_option,
        tag=tag,
        order_by=order_by,
        direction=direction,
        page=page,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    query: None | str | Unset = UNSET,
    view_option: None | str | Unset = UNSET,
    tag: None | str | Unset = UNSET,
    order_by: None | str | Unset = UNSET,
    direction: None | str | Unset = UNSET,
    page: int | None | Unset = 1,
) -> Response[HTTPValidationError | ModelAccessListResponse]:
    """Get Models

    Args:
        query (None | str | Unset):
        view_option (None | str | Unset):
        tag (None | str | Unset):
        order_by (None | str | Unset):
        direction (None | str | Unset):
        page (int | None | Unset):  Default: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HTTPValidationError | ModelAccessListResponse]
    """

    kwargs = _get_kwargs(
        query=query,
        view_option=view_option,
        tag=tag,
        order_by=order_by,
        direction=direction,
        page=page,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    query: None | str | Unset = UNSET,
    view_option: None | str | Unset = UNSET,
    tag: None | str | Unset = UNSET,
    order_by: None | str | Unset = UNSET,
    direction: None | str | Unset = UNSET,
    page: int | None | Unset = 1,
) -> HTTPValidationError | ModelAccessListResponse | None:
    """Get Models

    Args:
        query (None | str | Unset):
        view_option (None | str | Unset):
        tag (None | str | Unset):
        order_by (None | str | Unset):
        direction (None | str | Unset):
        page (int | None | Unset):  Default: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HTTPValidationError | ModelAccessListResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            query=query,
            view_option=view_option,
            tag=tag,
            order_by=order_by,
            direction=direction,
            page=page,
        )
    ).parsed
