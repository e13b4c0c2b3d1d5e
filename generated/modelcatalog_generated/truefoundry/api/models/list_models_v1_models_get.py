from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any

from ...types import UNSET, Response, Unset

if TYPE_CHECKING:
    import httpx

    from ...client import AuthenticatedClient, Client
    from ...models.http_validation_error import HTTPValidationError
    from ...models.list_models_response import ListModelsResponse


def _get_kwargs(
    *,
    fqn: str | Unset = UNSET,
    ml_repo_id: str | Unset = UNSET,
    name: str | Unset = UNSET,
    offset: int | Unset = 0,
    limit: int | Unset = UNSET,
    run_id: str | Unset = UNSET,
    include_empty_models: bool | Unset = True,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["fqn"] = fqn

    params["ml_repo_id"] = ml_repo_id

    params["name"] = name

    params["offset"] = offset

    params["limit"] = limit

    params["run_id"] = run_id

    params["include_empty_models"] = include_empty_models

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/ml/v1/models",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> HTTPValidationError | ListModelsResponse | None:
    from ... import errors
    from ...models.http_validation_error import HTTPValidationError
    from ...models.list_models_response import ListModelsResponse

    if response.status_code == 200:
        response_200 = ListModelsResponse.from_dict(response.json())

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
) -> Response[HTTPValidationError | ListModelsResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    fqn: str | Unset = UNSET,
    ml_repo_id: str | Unset = UNSET,
    name: str | Unset = UNSET,
    offset: int | Unset = 0,
    limit: int | Unset = UNSET,
    run_id: str | Unset = UNSET,
    include_empty_models: bool | Unset = True,
) -> Response[HTTPValidationError | ListModelsResponse]:
    """List models

     List models with optional filtering by FQN, ML Repo, name, or run ID.

    Args:
        fqn (str | Unset): Fully qualified name to filter models by (format:
            'model:{tenant_name}/{ml_repo_name}/{model_name}')
        ml_repo_id (str | Unset): ID of the ML Repo to filter models by
        name (str | Unset): Name of the model to filter by
        offset (int | Unset): Number of models to skip for pagination Default: 0.
        limit (int | Unset): Maximum number of models to return
        run_id (str | Unset): ID of the run to filter models by
        include_empty_models (bool | Unset): Whether to include models that have no versions
            Default: True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HTTPValidationError | ListModelsResponse]
    """

    kwargs = _get_kwargs(
        fqn=fqn,
        ml_repo_id=ml_repo_id,
        name=name,
        offset=offset,
        limit=limit,
        run_id=run_id,
        include_empty_models=include_empty_models,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    fqn: str | Unset = UNSET,
    ml_repo_id: str | Unset = UNSET,
    name: str | Unset = UNSET,
    offset: int | Unset = 0,
    limit: int | Unset = UNSET,
    run_id: str | Unset = UNSET,
    include_empty_models: bool | Unset = True,
) -> HTTPValidationError | ListModelsResponse | None:
    """List models

     List models with optional filtering by FQN, ML Repo, name, or run ID.

    Args:
        fqn (str | Unset): Fully qualified name to filter models by (format:
            'model:{tenant_name}/{ml_repo_name}/{model_name}')
        ml_repo_id (str | Unset): ID of the ML Repo to filter models by
        name (str | Unset): Name of the model to filter by
        offset (int | Unset): Number of models to skip for pagination Default: 0.
        limit (int | Unset): Maximum number of models to return
        run_id (str | Unset): ID of the run to filter models by
        include_empty_models (bool | Unset): Whether to include models that have no versions
            Default: True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HTTPValidationError | ListModelsResponse
    """

    return sync_detailed(
        client=client,
        fqn=fqn,
        ml_repo_id=ml_repo_id,
        name=name,
        offset=offset,
        limit=limit,
        run_id=run_id,
        include_empty_models=include_empty_models,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    fqn: str | Unset = UNSET,
    ml_repo_id: str | Unset = UNSET,
    name: str | Unset = UNSET,
    offset: int | Unset = 0,
    limit: int | Unset = UNSET,
    run_id: str | Unset = UNSET,
    include_empty_models: bool | Unset = True,
) -> Response[HTTPValidationError | ListModelsResponse]:
    """List models

     List models with optional filtering by FQN, ML Repo, name, or run ID.

    Args:
        fqn (str | Unset): Fully qualified name to filter models by (format:
            'model:{tenant_name}/{ml_repo_name}/{model_name}')
        ml_repo_id (str | Unset): ID of the ML Repo to filter models by
        name (str | Unset): Name of the model to filter by
        offset (int | Unset): Number of models to skip for pagination Default: 0.
        limit (int | Unset): Maximum number of models to return
        run_id (str | Unset): ID of the run to filter models by
        include_empty_models (bool | Unset): Whether to include models that have no versions
            Default: True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HTTPValidationError | ListModelsResponse]
    """

    kwargs = _get_kwargs(
        fqn=fqn,
        ml_repo_id=ml_repo_id,
        name=name,
        offset=offset,
        limit=limit,
        run_id=run_id,
        include_empty_models=include_empty_models,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    fqn: str | Unset = UNSET,
    ml_repo_id: str | Unset = UNSET,
    name: str | Unset = UNSET,
    offset: int | Unset = 0,
    limit: int | Unset = UNSET,
    run_id: str | Unset = UNSET,
    include_empty_models: bool | Unset = True,
) -> HTTPValidationError | ListModelsResponse | None:
    """List models

     List models with optional filtering by FQN, ML Repo, name, or run ID.

    Args:
        fqn (str | Unset): Fully qualified name to filter models by (format:
            'model:{tenant_name}/{ml_repo_name}/{model_name}')
        ml_repo_id (str | Unset): ID of the ML Repo to filter models by
        name (str | Unset): Name of the model to filter by
        offset (int | Unset): Number of models to skip for pagination Default: 0.
        limit (int | Unset): Maximum number of models to return
        run_id (str | Unset): ID of the run to filter models by
        include_empty_models (bool | Unset): Whether to include models that have no versions
            Default: True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HTTPValidationError | ListModelsResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            fqn=fqn,
            ml_repo_id=ml_repo_id,
            name=name,
            offset=offset,
            limit=limit,
            run_id=run_id,
            include_empty_models=include_empty_models,
        )
    ).parsed
