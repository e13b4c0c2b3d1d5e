"""Scenario: ``GET {base}/v1/models``, a cursor, Basic auth with an API key and secret."""

from __future__ import annotations

import base64
from datetime import datetime
from typing import TYPE_CHECKING, Any

import httpx
from modelcatalog_generated.scenario.api.models import list_models
from modelcatalog_generated.scenario.models.list_models_privacy import ListModelsPrivacy
from modelcatalog_generated.scenario.models.list_models_sort_by import ListModelsSortBy
from modelcatalog_generated.scenario.models.list_models_sort_direction import ListModelsSortDirection
from modelcatalog_generated.scenario.models.list_models_status import ListModelsStatus
from modelcatalog_generated.scenario.models.model_type import ModelType
from modelcatalog_generated.structs import scenario as structs

from modelcatalog.pagination import CursorStyle, Page, Position
from modelcatalog.providers._base import (
    Credentials,
    CredentialSpec,
    Filters,
    ListOperation,
    Provider,
    RequestKwargs,
    check_filters,
    generated_kwargs,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from modelcatalog.secrets import Secret

MAX_PAGE_SIZE = 500
#: Large pages, but not the largest: streaming 200,000 models at 500 a page grows the
#: process by ~86 MB, at 250 by ~56 MB, and 250 is no slower (BENCHMARKS.md).
DEFAULT_PAGE_SIZE = 250

# Scenario's comma-separated list parameters (`explode: false`): openapi-python-client
# ignores `explode` and would repeat the key, so they are joined here.
_COMMA_JOINED = {"tags": "tags", "types": "types", "collection_ids": "collectionIds"}
_ENUMS: dict[str, Any] = {
    "privacy": ListModelsPrivacy,
    "sort_by": ListModelsSortBy,
    "sort_direction": ListModelsSortDirection,
    "status": ListModelsStatus,
    "type_": ModelType,
}
FILTERS = (
    "privacy", "status", "sort_by", "sort_direction", "type_", "types", "tags", "collection_id",
    "collection_ids", "created_after", "created_before", "updated_after", "updated_before",
    "blacklisted", "loaded_only", "original_assets",
)  # fmt: skip


def _build(position: Position, page_size: int, filters: Filters, _: Credentials) -> RequestKwargs:
    check_filters("Scenario", filters, FILTERS)
    arguments: dict[str, Any] = {}
    joined: dict[str, str] = {}
    for key, value in filters.items():
        if value is None:
            continue
        if key in _COMMA_JOINED:
            values = [value] if isinstance(value, str) else list(value)
            joined[_COMMA_JOINED[key]] = ",".join(str(_enum_value(key, v)) for v in values)
        elif key in _ENUMS:
            arguments[key] = _ENUMS[key](value)
        elif key.endswith(("_after", "_before")):
            arguments[key] = _aware(key, value)
        else:
            arguments[key] = value
    kwargs = generated_kwargs(
        list_models._get_kwargs,  # noqa: SLF001 - the generated request builder is the point
        page_size=page_size,
        pagination_token=position if isinstance(position, str) else None,
        **arguments,
    )
    kwargs["params"] = {**kwargs.get("params", {}), **joined}
    return kwargs


def _aware(key: str, value: object) -> datetime:
    """A timezone-aware datetime: Scenario rejects a date-time without an offset."""
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    if moment.tzinfo is None:
        msg = f"{key}: {value!r} has no timezone; pass an aware datetime (e.g. with tzinfo=UTC)"
        raise ValueError(msg)
    return moment


def _enum_value(key: str, value: object) -> object:
    return ModelType(str(value)).value if key == "types" else value


def _page(envelope: structs.ListModelsResponse, position: Position) -> Page[structs.Model]:
    cursor = envelope.next_pagination_token
    return Page(list(envelope.models), position, next_cursor=cursor if isinstance(cursor, str) else None)


class _BasicAuth(httpx.Auth):
    """HTTP Basic with the key and secret kept as ``Secret``s (no credential in any repr)."""

    def __init__(self, key: Secret, secret: Secret) -> None:
        self._key = key
        self._secret = secret

    def auth_flow(self, request: httpx.Request) -> Any:  # noqa: ANN401 - httpx's generator protocol
        token = base64.b64encode(f"{self._key.reveal()}:{self._secret.reveal()}".encode()).decode("ascii")
        request.headers["Authorization"] = f"Basic {token}"
        yield request

    def __repr__(self) -> str:
        return "BasicAuth(***)"


def _auth(credentials: Credentials) -> httpx.Auth:
    return _BasicAuth(credentials["api_key"], credentials["api_secret"])


PROVIDER = Provider(
    name="scenario",
    title="Scenario",
    cloud=True,
    default_base_url="https://api.cloud.scenario.com",
    base_url_env="SCENARIO_BASE_URL",
    credentials=(
        CredentialSpec("api_key", "SCENARIO_SDK_API_KEY"),
        CredentialSpec("api_secret", "SCENARIO_SDK_API_SECRET"),
    ),
    operations=(
        ListOperation(
            name="GET /v1/models",
            prefix="/v1",
            style=CursorStyle(),
            build_request=_build,
            envelope=structs.ListModelsResponse,
            page_of=_page,
            item_key=lambda model: model.id,
            records="models",
            default_page_size=DEFAULT_PAGE_SIZE,
            max_page_size=MAX_PAGE_SIZE,
        ),
    ),
    auth=_auth,
)

__all__: Sequence[str] = ("FILTERS", "PROVIDER")
