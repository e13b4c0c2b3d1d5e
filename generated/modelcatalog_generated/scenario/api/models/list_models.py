from __future__ import annotations

import datetime
from http import HTTPStatus
from typing import TYPE_CHECKING, Any

from ...types import UNSET, Response, Unset

if TYPE_CHECKING:
    import httpx

    from ...client import AuthenticatedClient, Client
    from ...models.error_response import ErrorResponse
    from ...models.list_models_privacy import ListModelsPrivacy
    from ...models.list_models_response import ListModelsResponse
    from ...models.list_models_sort_by import ListModelsSortBy
    from ...models.list_models_sort_direction import ListModelsSortDirection
    from ...models.list_models_status import ListModelsStatus
    from ...models.model_type import ModelType


def _get_kwargs(
    *,
    blacklisted: bool | Unset = UNSET,
    collection_id: str | Unset = UNSET,
    collection_ids: list[str] | Unset = UNSET,
    created_after: datetime.datetime | Unset = UNSET,
    created_before: datetime.datetime | Unset = UNSET,
    loaded_only: bool | Unset = UNSET,
    original_assets: bool | Unset = UNSET,
    page_size: int | Unset = 100,
    pagination_token: str | Unset = UNSET,
    privacy: ListModelsPrivacy | Unset = UNSET,
    sort_by: ListModelsSortBy | Unset = UNSET,
    sort_direction: ListModelsSortDirection | Unset = UNSET,
    status: ListModelsStatus | Unset = UNSET,
    tags: list[str] | Unset = UNSET,
    type_: ModelType | Unset = UNSET,
    types: list[ModelType] | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,
    updated_before: datetime.datetime | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["blacklisted"] = blacklisted

    params["collectionId"] = collection_id

    json_collection_ids: list[str] | Unset = UNSET
    if not isinstance(collection_ids, Unset):
        json_collection_ids = collection_ids

    params["collectionIds"] = json_collection_ids

    json_created_after: str | Unset = UNSET
    if not isinstance(created_after, Unset):
        json_created_after = created_after.isoformat()
    params["createdAfter"] = json_created_after

    json_created_before: str | Unset = UNSET
    if not isinstance(created_before, Unset):
        json_created_before = created_before.isoformat()
    params["createdBefore"] = json_created_before

    params["loadedOnly"] = loaded_only

    params["originalAssets"] = original_assets

    params["pageSize"] = page_size

    params["paginationToken"] = pagination_token

    json_privacy: str | Unset = UNSET
    if not isinstance(privacy, Unset):
        json_privacy = privacy.value

    params["privacy"] = json_privacy

    json_sort_by: str | Unset = UNSET
    if not isinstance(sort_by, Unset):
        json_sort_by = sort_by.value

    params["sortBy"] = json_sort_by

    json_sort_direction: str | Unset = UNSET
    if not isinstance(sort_direction, Unset):
        json_sort_direction = sort_direction.value

    params["sortDirection"] = json_sort_direction

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_tags: list[str] | Unset = UNSET
    if not isinstance(tags, Unset):
        json_tags = tags

    params["tags"] = json_tags

    json_type_: str | Unset = UNSET
    if not isinstance(type_, Unset):
        json_type_ = type_.value

    params["type"] = json_type_

    json_types: list[str] | Unset = UNSET
    if not isinstance(types, Unset):
        json_types = []
        for types_item_data in types:
            types_item = types_item_data.value
            json_types.append(types_item)

    params["types"] = json_types

    json_updated_after: str | Unset = UNSET
    if not isinstance(updated_after, Unset):
        json_updated_after = updated_after.isoformat()
    params["updatedAfter"] = json_updated_after

    json_updated_before: str | Unset = UNSET
    if not isinstance(updated_before, Unset):
        json_updated_before = updated_before.isoformat()
    params["updatedBefore"] = json_updated_before

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/models",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | ListModelsResponse | None:
    from ... import errors
    from ...models.error_response import ErrorResponse
    from ...models.list_models_response import ListModelsResponse

    if response.status_code == 200:
        response_200 = ListModelsResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | ListModelsResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    blacklisted: bool | Unset = UNSET,
    collection_id: str | Unset = UNSET,
    collection_ids: list[str] | Unset = UNSET,
    created_after: datetime.datetime | Unset = UNSET,
    created_before: datetime.datetime | Unset = UNSET,
    loaded_only: bool | Unset = UNSET,
    original_assets: bool | Unset = UNSET,
    page_size: int | Unset = 100,
    pagination_token: str | Unset = UNSET,
    privacy: ListModelsPrivacy | Unset = UNSET,
    sort_by: ListModelsSortBy | Unset = UNSET,
    sort_direction: ListModelsSortDirection | Unset = UNSET,
    status: ListModelsStatus | Unset = UNSET,
    tags: list[str] | Unset = UNSET,
    type_: ModelType | Unset = UNSET,
    types: list[ModelType] | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,
    updated_before: datetime.datetime | Unset = UNSET,
) -> Response[ErrorResponse | ListModelsResponse]:
    """List models

     List all models. Supports both public access (via the Authorization header set to public-auth-token)
    and authenticated user access (including API keys).

    Args:
        blacklisted (bool | Unset):
        collection_id (str | Unset):
        collection_ids (list[str] | Unset):
        created_after (datetime.datetime | Unset):
        created_before (datetime.datetime | Unset):
        loaded_only (bool | Unset):
        original_assets (bool | Unset):
        page_size (int | Unset):  Default: 100.
        pagination_token (str | Unset):
        privacy (ListModelsPrivacy | Unset):
        sort_by (ListModelsSortBy | Unset):
        sort_direction (ListModelsSortDirection | Unset):
        status (ListModelsStatus | Unset):
        tags (list[str] | Unset):
        type_ (ModelType | Unset): A Scenario model type (example: "flux.1-lora"). Used by
            Model.type, ModelInput.modelTypes and the type/types query parameters.
        types (list[ModelType] | Unset):
        updated_after (datetime.datetime | Unset):
        updated_before (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ListModelsResponse]
    """

    kwargs = _get_kwargs(
        blacklisted=blacklisted,
        collection_id=collection_id,
        collection_ids=collection_ids,
        created_after=created_after,
        created_before=created_before,
        loaded_only=loaded_only,
        original_assets=original_assets,
        page_size=page_size,
        pagination_token=pagination_token,
        privacy=privacy,
        sort_by=sort_by,
        sort_direction=sort_direction,
        status=status,
        tags=tags,
        type_=type_,
        types=types,
        updated_after=updated_after,
        updated_before=updated_before,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    blacklisted: bool | Unset = UNSET,
    collection_id: str | Unset = UNSET,
    collection_ids: list[str] | Unset = UNSET,
    created_after: datetime.datetime | Unset = UNSET,
    created_before: datetime.datetime | Unset = UNSET,
    loaded_only: bool | Unset = UNSET,
    original_assets: bool | Unset = UNSET,
    page_size: int | Unset = 100,
    pagination_token: str | Unset = UNSET,
    privacy: ListModelsPrivacy | Unset = UNSET,
    sort_by: ListModelsSortBy | Unset = UNSET,
    sort_direction: ListModelsSortDirection | Unset = UNSET,
    status: ListModelsStatus | Unset = UNSET,
    tags: list[str] | Unset = UNSET,
    type_: ModelType | Unset = UNSET,
    types: list[ModelType] | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,
    updated_before: datetime.datetime | Unset = UNSET,
) -> ErrorResponse | ListModelsResponse | None:
    """List models

     List all models. Supports both public access (via the Authorization header set to public-auth-token)
    and authenticated user access (including API keys).

    Args:
        blacklisted (bool | Unset):
        collection_id (str | Unset):
        collection_ids (list[str] | Unset):
        created_after (datetime.datetime | Unset):
        created_before (datetime.datetime | Unset):
        loaded_only (bool | Unset):
        original_assets (bool | Unset):
        page_size (int | Unset):  Default: 100.
        pagination_token (str | Unset):
        privacy (ListModelsPrivacy | Unset):
        sort_by (ListModelsSortBy | Unset):
        sort_direction (ListModelsSortDirection | Unset):
        status (ListModelsStatus | Unset):
        tags (list[str] | Unset):
        type_ (ModelType | Unset): A Scenario model type (example: "flux.1-lora"). Used by
            Model.type, ModelInput.modelTypes and the type/types query parameters.
        types (list[ModelType] | Unset):
        updated_after (datetime.datetime | Unset):
        updated_before (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ListModelsResponse
    """

    return sync_detailed(
        client=client,
        blacklisted=blacklisted,
        collection_id=collection_id,
        collection_ids=collection_ids,
        created_after=created_after,
        created_before=created_before,
        loaded_only=loaded_only,
        original_assets=original_assets,
        page_size=page_size,
        pagination_token=pagination_token,
        privacy=privacy,
        sort_by=sort_by,
        sort_direction=sort_direction,
        status=status,
        tags=tags,
        type_=type_,
        types=types,
        updated_after=updated_after,
        updated_before=updated_before,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    blacklisted: bool | Unset = UNSET,
    collection_id: str | Unset = UNSET,
    collection_ids: list[str] | Unset = UNSET,
    created_after: datetime.datetime | Unset = UNSET,
    created_before: datetime.datetime | Unset = UNSET,
    loaded_only: bool | Unset = UNSET,
    original_assets: bool | Unset = UNSET,
    page_size: int | Unset = 100,
    pagination_token: str | Unset = UNSET,
    privacy: ListModelsPrivacy | Unset = UNSET,
    sort_by: ListModelsSortBy | Unset = UNSET,
    sort_direction: ListModelsSortDirection | Unset = UNSET,
    status: ListModelsStatus | Unset = UNSET,
    tags: list[str] | Unset = UNSET,
    type_: ModelType | Unset = UNSET,
    types: list[ModelType] | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,
    updated_before: datetime.datetime | Unset = UNSET,
) -> Response[ErrorResponse | ListModelsResponse]:
    """List models

     List all models. Supports both public access (via the Authorization header set to public-auth-token)
    and authenticated user access (including API keys).

    Args:
        blacklisted (bool | Unset):
        collection_id (str | Unset):
        collection_ids (list[str] | Unset):
        created_after (datetime.datetime | Unset):
        created_before (datetime.datetime | Unset):
        loaded_only (bool | Unset):
        original_assets (bool | Unset):
        page_size (int | Unset):  Default: 100.
        pagination_token (str | Unset):
        privacy (ListModelsPrivacy | Unset):
        sort_by (ListModelsSortBy | Unset):
        sort_direction (ListModelsSortDirection | Unset):
        status (ListModelsStatus | Unset):
        tags (list[str] | Unset):
        type_ (ModelType | Unset): A Scenario model type (example: "flux.1-lora"). Used by
            Model.type, ModelInput.modelTypes and the type/types query parameters.
        types (list[ModelType] | Unset):
        updated_after (datetime.datetime | Unset):
        updated_before (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ListModelsResponse]
    """

    kwargs = _get_kwargs(
        blacklisted=blacklisted,
        collection_id=collection_id,
        collection_ids=collection_ids,
        created_after=created_after,
        created_before=created_before,
        loaded_only=loaded_only,
        original_assets=original_assets,
        page_size=page_size,
        pagination_token=pagination_token,
        privacy=privacy,
        sort_by=sort_by,
        sort_direction=sort_direction,
        status=status,
        tags=tags,
        type_=type_,
        types=types,
        updated_after=updated_after,
        updated_before=updated_before,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    blacklisted: bool | Unset = UNSET,
    collection_id: str | Unset = UNSET,
    collection_ids: list[str] | Unset = UNSET,
    created_after: datetime.datetime | Unset = UNSET,
    created_before: datetime.datetime | Unset = UNSET,
    loaded_only: bool | Unset = UNSET,
    original_assets: bool | Unset = UNSET,
    page_size: int | Unset = 100,
    pagination_token: str | Unset = UNSET,
    privacy: ListModelsPrivacy | Unset = UNSET,
    sort_by: ListModelsSortBy | Unset = UNSET,
    sort_direction: ListModelsSortDirection | Unset = UNSET,
    status: ListModelsStatus | Unset = UNSET,
    tags: list[str] | Unset = UNSET,
    type_: ModelType | Unset = UNSET,
    types: list[ModelType] | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,
    updated_before: datetime.datetime | Unset = UNSET,
) -> ErrorResponse | ListModelsResponse | None:
    """List models

     List all models. Supports both public access (via the Authorization header set to public-auth-token)
    and authenticated user access (including API keys).

    Args:
        blacklisted (bool | Unset):
        collection_id (str | Unset):
        collection_ids (list[str] | Unset):
        created_after (datetime.datetime | Unset):
        created_before (datetime.datetime | Unset):
        loaded_only (bool | Unset):
        original_assets (bool | Unset):
        page_size (int | Unset):  Default: 100.
        pagination_token (str | Unset):
        privacy (ListModelsPrivacy | Unset):
        sort_by (ListModelsSortBy | Unset):
        sort_direction (ListModelsSortDirection | Unset):
        status (ListModelsStatus | Unset):
        tags (list[str] | Unset):
        type_ (ModelType | Unset): A Scenario model type (example: "flux.1-lora"). Used by
            Model.type, ModelInput.modelTypes and the type/types query parameters.
        types (list[ModelType] | Unset):
        updated_after (datetime.datetime | Unset):
        updated_before (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ListModelsResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            blacklisted=blacklisted,
            collection_id=collection_id,
            collection_ids=collection_ids,
            created_after=created_after,
            created_before=created_before,
            loaded_only=loaded_only,
            original_assets=original_assets,
            page_size=page_size,
            pagination_token=pagination_token,
            privacy=privacy,
            sort_by=sort_by,
            sort_direction=sort_direction,
            status=status,
            tags=tags,
            type_=type_,
            types=types,
            updated_after=updated_after,
            updated_before=updated_before,
        )
    ).parsed
