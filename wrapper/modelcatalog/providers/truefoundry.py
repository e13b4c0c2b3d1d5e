"""TrueFoundry: ``GET {base}/api/ml/v1/models``, offset/limit with a total, Bearer auth.

Most of what the catalog shows sits in a model's ``latest_version.manifest``; the only
filter of ours its API has is ``name``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from modelcatalog_generated.catalog import ModelRecord, Owner
from modelcatalog_generated.structs import truefoundry as structs
from modelcatalog_generated.truefoundry.api.models import list_models_v1_models_get as list_models
from msgspec import UNSET

from modelcatalog.pagination import OffsetStyle, Page, Position
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
from modelcatalog.providers._fields import as_text, as_utc

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from modelcatalog.catalog.query import Query, Request

FILTERS = ("fqn", "ml_repo_id", "name", "run_id", "include_empty_models")
#: The spec sets no maximum on ``limit`` (its FastAPI server would publish one); a server
#: that caps pages lower is detected on the first page and planned around (pagination.py).
#: 200 lists a large catalog faster than 100 at the same latency (BENCHMARKS.md).
DEFAULT_PAGE_SIZE = 200


def _build(position: Position, page_size: int, filters: Filters, _: Credentials) -> RequestKwargs:
    check_filters("TrueFoundry", filters, FILTERS)
    return generated_kwargs(
        list_models._get_kwargs,  # noqa: SLF001 - the generated request builder is the point
        offset=position if isinstance(position, int) else 0,
        limit=page_size,
        **filters,
    )


def _page(envelope: structs.ListModelsResponse, position: Position) -> Page[structs.Model]:
    return Page(list(envelope.data), position, total=envelope.pagination.total)


# -- the catalog record ------------------------------------------------------------------

FIELD_SOURCES: Final[Mapping[str, str]] = {
    "id": "id",
    "name": "name",
    "description": "latest_version.manifest.description",
    "kind": "latest_version.manifest.framework.type",
    "base_model": "latest_version.manifest.framework.base_model (transformers)",
    "status": "null",
    "visibility": "null",
    "owner": "created_by_subject: subjectId, subjectDisplayName else subjectSlug",
    "created_at": "created_at (UTC)",
    "updated_at": "updated_at (UTC)",
    "tags": "latest_version.tags",
    "capabilities": "[latest_version.manifest.framework.pipeline_tag] (transformers)",
    "context_length": "null",
    "version": "latest_version.manifest.version, as text",
    "url": "latest_version.manifest.source.uri",
    "fqn": "fqn",
    "namespace": "latest_version.manifest.ml_repo",
}


def normalize(model: structs.Model) -> ModelRecord:
    """TrueFoundry ``Model``: most of what matters sits in ``latest_version.manifest``."""
    subject = model.created_by_subject
    latest = model.latest_version
    description = kind = base_model = version = url = namespace = None
    tags: list[str] | None = None
    capabilities: list[str] | None = None
    if latest is not UNSET:
        manifest = latest.manifest
        description = as_text(manifest.description)
        namespace = manifest.ml_repo
        if manifest.version.__class__ is int:
            version = str(manifest.version)
        if latest.tags is not UNSET:
            tags = latest.tags
        url = as_text(manifest.source.get("uri"))
        framework = manifest.framework
        if framework is not UNSET:
            kind = as_text(framework.get("type"))
            base_model = as_text(framework.get("base_model"))
            pipeline_tag = as_text(framework.get("pipeline_tag"))
            capabilities = [pipeline_tag] if pipeline_tag else None
    return ModelRecord(
        provider="truefoundry",
        instance="truefoundry",
        id=model.id,
        name=model.name,
        description=description,
        kind=kind,
        base_model=base_model,
        status=None,
        visibility=None,
        owner=Owner(id=subject.subject_id, name=subject.subject_display_name or subject.subject_slug),
        created_at=as_utc(model.created_at),
        updated_at=as_utc(model.updated_at),
        tags=tags,
        capabilities=capabilities,
        context_length=None,
        version=version,
        url=url,
        fqn=model.fqn,
        namespace=namespace,
        source=model,
    )


# -- pushdown --------------------------------------------------------------------------------
# TrueFoundry (docs: truefoundry-list-models.md): `name` filters by the model's name.
# Whether it is exact or a substring is not said; either way it returns every model
# with that exact name, which is what `Query.name` asks for.
def plan(query: Query) -> list[Request]:
    """One listing; the query's ``name`` is sent as TrueFoundry's ``name``."""
    from modelcatalog.catalog.query import Request  # noqa: PLC0415 - the catalog layer, loaded when it plans

    if query.pushdown and query.name is not None:
        return [Request(filters={"name": query.name}, pushed=("name",))]
    return [Request()]


PROVIDER = Provider(
    name="truefoundry",
    title="TrueFoundry",
    cloud=True,
    default_base_url=None,  # every tenant has its own control plane: TFY_HOST
    base_url_env="TFY_HOST",
    credentials=(CredentialSpec("api_key", "TFY_API_KEY"),),
    operations=(
        ListOperation(
            name="GET /api/ml/v1/models",
            prefix="",
            style=OffsetStyle(),
            build_request=_build,
            envelope=structs.ListModelsResponse,
            page_of=_page,
            item_key=lambda model: model.id,
            records="data",
            record_type=structs.Model,
            normalize=normalize,
            default_page_size=DEFAULT_PAGE_SIZE,
        ),
    ),
    field_sources=FIELD_SOURCES,
    auth=lambda credentials: BearerAuth(credentials["api_key"]),
    plan=plan,
)

__all__: Sequence[str] = ("FIELD_SOURCES", "FILTERS", "PROVIDER", "normalize", "plan")
