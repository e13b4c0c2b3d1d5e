"""Open WebUI (self-hosted): ``GET {base}/api/v1/models/list``, 1-based pages of 30, Bearer.

The documented path ``/api/models/list`` answers with the web app's HTML and status
200 on a real server; the API lives under ``/api/v1`` (``HTML_HINT`` says so when a page
comes back). Models without a ``base_model_id`` are never listed by this endpoint (the
server filters them out).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from modelcatalog_generated.catalog import ModelRecord, Owner
from modelcatalog_generated.openwebui.api.models import list_models
from modelcatalog_generated.structs import openwebui as structs

from modelcatalog.pagination import Page, PageNumberStyle, Position
from modelcatalog.providers._base import (
    BearerAuth,
    Credentials,
    CredentialSpec,
    Filters,
    ListOperation,
    Provider,
    RequestKwargs,
    check_filters,
    generated_kwargs,
)
from modelcatalog.providers._fields import Visibility, as_int, as_text, from_epoch

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from modelcatalog.catalog.query import Query, Request

FILTERS = ("query", "view_option", "tag", "order_by", "direction")
HTML_HINT = (
    "Open WebUI serves its web app on unknown paths, e.g. the documented /api/models/list; "
    "the API is /api/v1/models/list"
)


def _build(position: Position, _size: int, filters: Filters, _: Credentials) -> RequestKwargs:
    check_filters("Open WebUI", filters, FILTERS)
    return generated_kwargs(
        list_models._get_kwargs,  # noqa: SLF001 - the generated request builder is the point
        page=position if isinstance(position, int) else 1,
        **filters,
    )


def _page(envelope: structs.ModelAccessListResponse, position: Position) -> Page[structs.ModelAccessResponse]:
    return Page(list(envelope.items), position, total=envelope.total)


# -- the catalog record ------------------------------------------------------------------

#: Open WebUI's grant to everyone: ``principal_type`` "user" with ``principal_id`` "*"
#: (what its ``has_access`` checks); see ``visibility``.
EVERYONE: Final = ("user", "*")

FIELD_SOURCES: Final[Mapping[str, str]] = {
    "id": "id",
    "name": "name",
    "description": "meta.description",
    "kind": "null",
    "base_model": "base_model_id",
    "status": 'is_active: "active" or "inactive"',
    "visibility": 'access_grants: public (a grant to user "*"), shared (other grants), private (none)',
    "owner": "user.id and user.name, else user_id (id only)",
    "created_at": "created_at (epoch seconds -> UTC)",
    "updated_at": "updated_at (epoch seconds -> UTC)",
    "tags": "meta.tags[].name",
    "capabilities": "meta.capabilities: the names set to true",
    "context_length": "params.num_ctx (the context length it runs with)",
    "version": "version_id",
    "url": "null",
    "fqn": "null",
    "namespace": "null",
}


def visibility(grants: list[structs.AccessGrantModel] | Any) -> Visibility | None:  # noqa: ANN401
    """Open WebUI 0.12.4 access grants -> visibility.

    A grant to principal ``user`` ``*`` opens the model to everyone (public); other
    grants share it with named users or groups (shared); no grant leaves it to its
    owner and admins (private). Absent grants say nothing (None).
    """
    if grants.__class__ is not list:
        return None
    if not grants:
        return "private"
    for grant in grants:
        if (grant.principal_type, grant.principal_id) == EVERYONE:
            return "public"
    return "shared"


def normalize(model: structs.ModelAccessResponse) -> ModelRecord:
    """Open WebUI ``ModelAccessResponse``: ``meta`` is free-form JSON, read defensively."""
    meta = model.meta
    capabilities: list[str] | None = None
    raw_caps = meta.get("capabilities")
    if raw_caps.__class__ is dict:
        capabilities = [name for name, enabled in raw_caps.items() if enabled is True]
    tags: list[str] | None = None
    raw_tags = meta.get("tags")
    if raw_tags.__class__ is list:
        tags = []
        for tag in raw_tags:
            name = tag.get("name") if tag.__class__ is dict else tag
            if name.__class__ is str:
                tags.append(name)
    user = model.user
    owner = Owner(id=user.id, name=user.name) if user else Owner(id=model.user_id, name=None)
    return ModelRecord(
        provider="openwebui",
        instance="openwebui",
        id=model.id,
        name=model.name,
        description=as_text(meta.get("description")),
        kind=None,
        base_model=as_text(model.base_model_id),
        status="active" if model.is_active else "inactive",
        visibility=visibility(model.access_grants),
        owner=owner,
        created_at=from_epoch(model.created_at),
        updated_at=from_epoch(model.updated_at),
        tags=tags,
        capabilities=capabilities,
        context_length=as_int(model.params.get("num_ctx")),
        version=as_text(model.version_id),
        url=None,
        fqn=None,
        namespace=None,
        source=model,
    )


# -- pushdown --------------------------------------------------------------------------------
# Open WebUI 0.12.4 (models.py search_models): `query` is ILIKE %q% on the name, the
# base model id and the owner's name, email and username, so it can carry `Query.name`
# (more rows, never fewer) but not `Query.text` (the id is not searched). `tag` is a
# case-insensitive LIKE '%"tag"%' over the JSON text of `meta`: safe for one tag made of
# printable ASCII without quotes or backslashes (which JSON would escape). The server
# orders a filtered query only when `order_by` is given, so pages are kept stable by
# always sending an order (created_at desc, the unfiltered default, unless the query
# sorts by name or a date): an order never changes which records match.
_ORDER: Final = {"name": "name", "created_at": "created_at", "updated_at": "updated_at"}


def plan(query: Query) -> list[Request]:
    """One listing, always ordered; the query's ``name`` and one tag sent where the server's match is looser."""
    from modelcatalog.catalog.query import Request  # noqa: PLC0415 - the catalog layer, loaded when it plans

    order_by, descending = "created_at", True
    if query.sort is not None and query.sort.field in _ORDER:
        order_by, descending = _ORDER[query.sort.field], query.sort.descending
    filters: dict[str, Any] = {"order_by": order_by, "direction": "desc" if descending else "asc"}
    pushed: list[str] = []
    if query.pushdown:
        if query.name is not None and "\\" not in query.name:
            filters["query"] = query.name
            pushed.append("name")
        tag = next((t for t in query.tags if _like_safe(t)), None)
        if tag is not None:
            filters["tag"] = tag
            pushed.append("tags")
    return [Request(filters=filters, pushed=tuple(pushed))]


def _like_safe(tag: str) -> bool:
    return bool(tag) and tag.isascii() and tag.isprintable() and '"' not in tag and "\\" not in tag


PROVIDER = Provider(
    name="openwebui",
    title="Open WebUI",
    cloud=False,
    default_base_url=None,
    base_url_env="OPENWEBUI_BASE_URL",
    credentials=(CredentialSpec("api_key", "OPENWEBUI_API_KEY"),),
    operations=(
        ListOperation(
            name="GET /api/v1/models/list",
            prefix="",
            style=PageNumberStyle(30),  # fixed by the server
            build_request=_build,
            envelope=structs.ModelAccessListResponse,
            page_of=_page,
            item_key=lambda model: model.id,
            records="items",
            record_type=structs.ModelAccessResponse,
            normalize=normalize,
        ),
    ),
    field_sources=FIELD_SOURCES,
    auth=lambda credentials: BearerAuth(credentials["api_key"]),
    plan=plan,
    html_hint=HTML_HINT,
)

__all__: Sequence[str] = ("FIELD_SOURCES", "FILTERS", "PROVIDER", "normalize", "plan", "visibility")
