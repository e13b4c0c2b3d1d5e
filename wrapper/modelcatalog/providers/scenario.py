"""Scenario: ``GET {base}/v1/models``, a cursor, Basic auth with an API key and secret.

Its ``Model`` becomes a catalog record by ``normalize``; ``plan`` pushes to the server
what Scenario's documented filters can apply without losing a record.
"""

from __future__ import annotations

import base64
from datetime import datetime
from typing import TYPE_CHECKING, Any, Final

import httpx
from modelcatalog_generated.catalog import ModelRecord, Owner
from modelcatalog_generated.scenario.api.models import list_models
from modelcatalog_generated.scenario.models.list_models_privacy import ListModelsPrivacy
from modelcatalog_generated.scenario.models.list_models_sort_by import ListModelsSortBy
from modelcatalog_generated.scenario.models.list_models_sort_direction import ListModelsSortDirection
from modelcatalog_generated.scenario.models.list_models_status import ListModelsStatus
from modelcatalog_generated.scenario.models.model_type import ModelType
from modelcatalog_generated.structs import scenario as structs
from msgspec import UNSET

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
from modelcatalog.providers._fields import Visibility, as_text, as_utc

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from modelcatalog.catalog.query import Query, Request
    from modelcatalog.secrets import Secret

MAX_PAGE_SIZE = 500
#: Large pages, but not the largest: half the maximum streams with clearly less memory
#: and no slower (BENCHMARKS.md has the measurements).
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


# -- the catalog record ------------------------------------------------------------------

#: Scenario's ``privacy`` words that mean the same as ours; any other word maps to None.
VISIBILITY: Final[Mapping[str, Visibility]] = {"public": "public", "unlisted": "unlisted", "private": "private"}

FIELD_SOURCES: Final[Mapping[str, str]] = {
    "id": "id",
    "name": "name",
    "description": "shortDescription",
    "kind": "type",
    "base_model": "parentModelId",
    "status": "status",
    "visibility": "privacy (public, unlisted, private; other words: null)",
    "owner": "ownerId, else authorId (id only)",
    "created_at": "createdAt (UTC)",
    "updated_at": "updatedAt (UTC)",
    "tags": "tags",
    "capabilities": "capabilities",
    "context_length": "null",
    "version": "null",
    "url": "null",
    "fqn": "null",
    "namespace": "null",
}


def normalize(model: structs.Model) -> ModelRecord:
    """Scenario ``Model`` (camelCase on the wire) -> ``ModelRecord``."""
    owner_id = model.owner_id if model.owner_id is not UNSET else model.author_id
    return ModelRecord(
        provider="scenario",
        instance="scenario",
        id=model.id,
        name=as_text(model.name),
        description=as_text(model.short_description),
        kind=model.type,
        base_model=as_text(model.parent_model_id),
        status=model.status,
        visibility=VISIBILITY.get(model.privacy),
        owner=Owner(id=owner_id, name=None) if owner_id.__class__ is str else None,
        created_at=as_utc(model.created_at),
        updated_at=as_utc(model.updated_at),
        tags=model.tags,
        capabilities=model.capabilities,
        context_length=None,
        version=None,
        url=None,
        fqn=None,
        namespace=None,
        source=model,
    )


# -- pushdown --------------------------------------------------------------------------------
# Scenario (docs: scenario-list-models-api-reference.md). `privacy` picks the set listed:
# "private" (the default: the team's private and unlisted models) or "public" (the
# public catalog). tags/types/collectionIds and updatedAfter/updatedBefore exist only
# with privacy=public; createdAfter/createdBefore need sortBy=createdAt and
# updatedAfter/updatedBefore need sortBy=updatedAt (so only one pair can go out);
# `status` is left to the client: whether the default listing hides deleted models is
# not documented, so sending status=deleted could return more than not sending it.
_SCOPES: Final = {"public": ("public",), "private": ("private", "unlisted")}
_TYPES: Final = frozenset(member.value for member in ModelType)


def plan(query: Query) -> list[Request]:
    """One listing per ``privacy`` scope the query's visibility can see (the private one by default)."""
    wanted = query.visibility
    scopes = [
        scope
        for scope, shows in _SCOPES.items()
        if (wanted is None and scope == "private") or (wanted is not None and wanted.intersection(shows))
    ]
    return [_request(query, scope) for scope in sorted(scopes)]


def _request(query: Query, scope: str) -> Request:
    from modelcatalog.catalog.query import Request  # noqa: PLC0415 - the catalog layer, loaded when it plans

    filters: dict[str, Any] = {"privacy": scope}
    if not query.pushdown:
        return Request(filters=filters)
    pushed: list[str] = []
    public = scope == "public"
    if public and query.tags and not any("," in tag for tag in query.tags):
        filters["tags"] = list(query.tags)
        pushed.append("tags")
    if public and query.kind is not None and query.kind <= _TYPES:
        filters["types"] = sorted(query.kind)
        pushed.append("kind")
    sort_by: str | None = None
    if query.created_since is not None or query.created_until is not None:
        sort_by = "createdAt"
        _bounds(filters, "created", query.created_since, query.created_until)
        pushed.append("created")
    elif public and (query.updated_since is not None or query.updated_until is not None):
        sort_by = "updatedAt"
        _bounds(filters, "updated", query.updated_since, query.updated_until)
        pushed.append("updated")
    elif query.sort is not None and (query.sort.field == "created_at" or (public and query.sort.field == "updated_at")):
        sort_by = "createdAt" if query.sort.field == "created_at" else "updatedAt"
    if sort_by is not None:
        filters["sort_by"] = sort_by
        wire_sort = {"createdAt": "created_at", "updatedAt": "updated_at"}[sort_by]
        descending = query.sort.descending if query.sort is not None and query.sort.field == wire_sort else True
        filters["sort_direction"] = "desc" if descending else "asc"
    return Request(filters=filters, pushed=tuple(pushed))


def _bounds(filters: dict[str, Any], prefix: str, since: datetime | None, until: datetime | None) -> None:
    """Scenario's bounds are exclusive; ours include ``since``: widen both by ``DATE_SLACK``."""
    from modelcatalog.catalog.query import DATE_SLACK  # noqa: PLC0415 - the catalog layer, loaded when it plans

    if since is not None:
        filters[f"{prefix}_after"] = since - DATE_SLACK
    if until is not None:
        filters[f"{prefix}_before"] = until + DATE_SLACK


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
            record_type=structs.Model,
            normalize=normalize,
            default_page_size=DEFAULT_PAGE_SIZE,
            max_page_size=MAX_PAGE_SIZE,
        ),
    ),
    field_sources=FIELD_SOURCES,
    auth=_auth,
    plan=plan,
)

__all__: Sequence[str] = ("FIELD_SOURCES", "FILTERS", "PROVIDER", "normalize", "plan")
