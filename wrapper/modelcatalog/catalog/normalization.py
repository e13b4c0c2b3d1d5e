"""Each provider's typed record -> the catalog's ``ModelRecord``.

One small function a provider, written as straight attribute reads: records arrive by
the ten thousand, so nothing here builds an intermediate dict or copies a list (the
record's ``tags`` may be the very list held by ``source``). A value the provider does
not give stays ``None``; nothing is guessed. ``record.source`` holds the provider's own
msgspec record, so ``msgspec.json.encode(record)`` writes it back in the provider's wire
form and nothing the normalized fields leave out is lost.

``FIELD_SOURCES`` says, for each provider, where every catalog field comes from; the
tests hold the functions and the README's mapping table to it.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Final, Literal

from modelcatalog_generated.catalog import ModelRecord, Owner
from modelcatalog_generated.structs import modelslab, openwebui, scenario, truefoundry
from msgspec import UNSET

from modelcatalog.errors import ModelCatalogError
from modelcatalog.providers.modelslab import TrainedModel

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

Visibility = Literal["public", "unlisted", "shared", "private"]

#: Scenario's ``privacy`` words that mean the same as ours; any other word maps to None.
SCENARIO_VISIBILITY: Final[Mapping[str, Visibility]] = {
    "public": "public",
    "unlisted": "unlisted",
    "private": "private",
}

#: Open WebUI's grant to everyone: ``principal_type`` "user" with ``principal_id`` "*"
#: (what its ``has_access`` checks); see ``openwebui_visibility``.
OPENWEBUI_EVERYONE: Final = ("user", "*")

FIELD_SOURCES: Final[Mapping[str, Mapping[str, str]]] = {
    "scenario": {
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
        "version": "null",
        "url": "null",
        "fqn": "null",
        "namespace": "null",
    },
    "truefoundry": {
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
        "version": "latest_version.manifest.version, as text",
        "url": "latest_version.manifest.source.uri",
        "fqn": "fqn",
        "namespace": "latest_version.manifest.ml_repo",
    },
    "openwebui": {
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
        "version": "version_id",
        "url": "null",
        "fqn": "null",
        "namespace": "null",
    },
    "modelslab": {
        "id": "model_id",
        "name": "model_name (public list); null (trained list)",
        "description": "description (public list); null (trained list)",
        "kind": "null",
        "base_model": "null",
        "status": "status (public list); null (trained list)",
        "visibility": "public (public list); null (trained list)",
        "owner": "null",
        "created_at": "created_at when ISO 8601 (public list); null otherwise",
        "updated_at": "null",
        "tags": "null",
        "capabilities": "null",
        "version": "null",
        "url": "null",
        "fqn": "null",
        "namespace": "null",
    },
}


class UnidentifiedRecordError(ModelCatalogError, ValueError):
    """A record without the identifier the catalog needs (ModelsLab's model_id is optional in its spec)."""


def _utc(moment: datetime | Any) -> datetime | None:  # noqa: ANN401 - a decoded field may be UNSET
    """An aware UTC datetime; a naive one is taken as UTC (the providers document UTC)."""
    if moment.__class__ is not datetime:
        return None
    tz = moment.tzinfo
    if tz is UTC:
        return moment
    if tz is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _text(value: object) -> str | None:
    return value if value.__class__ is str else None


def normalize_scenario(model: scenario.Model) -> ModelRecord:
    """Scenario ``Model`` (camelCase on the wire) -> ``ModelRecord``."""
    owner_id = model.owner_id if model.owner_id is not UNSET else model.author_id
    return ModelRecord(
        provider="scenario",
        id=model.id,
        name=_text(model.name),
        description=_text(model.short_description),
        kind=model.type,
        base_model=_text(model.parent_model_id),
        status=model.status,
        visibility=SCENARIO_VISIBILITY.get(model.privacy),
        owner=Owner(id=owner_id, name=None) if owner_id.__class__ is str else None,
        created_at=_utc(model.created_at),
        updated_at=_utc(model.updated_at),
        tags=model.tags,
        capabilities=model.capabilities,
        version=None,
        url=None,
        fqn=None,
        namespace=None,
        source=model,
    )


def normalize_truefoundry(model: truefoundry.Model) -> ModelRecord:
    """TrueFoundry ``Model``: most of what matters sits in ``latest_version.manifest``."""
    subject = model.created_by_subject
    latest = model.latest_version
    description = kind = base_model = version = url = namespace = None
    tags: list[str] | None = None
    capabilities: list[str] | None = None
    if latest is not UNSET:
        manifest = latest.manifest
        description = _text(manifest.description)
        namespace = manifest.ml_repo
        if manifest.version.__class__ is int:
            version = str(manifest.version)
        if latest.tags is not UNSET:
            tags = latest.tags
        url = _text(manifest.source.get("uri"))
        framework = manifest.framework
        if framework is not UNSET:
            kind = _text(framework.get("type"))
            base_model = _text(framework.get("base_model"))
            pipeline_tag = _text(framework.get("pipeline_tag"))
            capabilities = [pipeline_tag] if pipeline_tag else None
    return ModelRecord(
        provider="truefoundry",
        id=model.id,
        name=model.name,
        description=description,
        kind=kind,
        base_model=base_model,
        status=None,
        visibility=None,
        owner=Owner(id=subject.subject_id, name=subject.subject_display_name or subject.subject_slug),
        created_at=_utc(model.created_at),
        updated_at=_utc(model.updated_at),
        tags=tags,
        capabilities=capabilities,
        version=version,
        url=url,
        fqn=model.fqn,
        namespace=namespace,
        source=model,
    )


def openwebui_visibility(grants: list[openwebui.AccessGrantModel] | Any) -> Visibility | None:  # noqa: ANN401
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
        if (grant.principal_type, grant.principal_id) == OPENWEBUI_EVERYONE:
            return "public"
    return "shared"


def _epoch(seconds: object) -> datetime | None:
    if seconds.__class__ is not int:
        return None
    try:
        return datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, OSError, ValueError):
        return None  # not a time this machine can represent: unknown, not invented


def normalize_openwebui(model: openwebui.ModelAccessResponse) -> ModelRecord:
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
        id=model.id,
        name=model.name,
        description=_text(meta.get("description")),
        kind=None,
        base_model=_text(model.base_model_id),
        status="active" if model.is_active else "inactive",
        visibility=openwebui_visibility(model.access_grants),
        owner=owner,
        created_at=_epoch(model.created_at),
        updated_at=_epoch(model.updated_at),
        tags=tags,
        capabilities=capabilities,
        version=_text(model.version_id),
        url=None,
        fqn=None,
        namespace=None,
        source=model,
    )


def parse_loose_datetime(value: object) -> datetime | None:
    """An ISO 8601 date or date-time (``Z``, offsets, a space for ``T``) in UTC; anything else None."""
    if value.__class__ is not str or not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return _utc(moment)


def normalize_modelslab_public(model: modelslab.PublicModel) -> ModelRecord:
    """ModelsLab public model: named and described, listed publicly."""
    if model.model_id.__class__ is not str:
        msg = f"ModelsLab public model without model_id (name {_text(model.model_name)!r})"
        raise UnidentifiedRecordError(msg)
    return ModelRecord(
        provider="modelslab",
        id=model.model_id,
        name=_text(model.model_name),
        description=_text(model.description),
        kind=None,
        base_model=None,
        status=_text(model.status),
        visibility="public",
        owner=None,
        created_at=parse_loose_datetime(model.created_at),
        updated_at=None,
        tags=None,
        capabilities=None,
        version=None,
        url=None,
        fqn=None,
        namespace=None,
        source=model,
    )


def normalize_modelslab_trained(model: TrainedModel) -> ModelRecord:
    """ModelsLab trained model: the finetune list gives the id and nothing else."""
    return ModelRecord(
        provider="modelslab",
        id=model.model_id,
        name=None,
        description=None,
        kind=None,
        base_model=None,
        status=None,
        visibility=None,
        owner=None,
        created_at=None,
        updated_at=None,
        tags=None,
        capabilities=None,
        version=None,
        url=None,
        fqn=None,
        namespace=None,
        source=model,
    )


#: provider -> the type of record it lists -> its normalizer
NORMALIZERS: Final[Mapping[str, Mapping[type, Callable[[Any], ModelRecord]]]] = {
    "scenario": {scenario.Model: normalize_scenario},
    "truefoundry": {truefoundry.Model: normalize_truefoundry},
    "openwebui": {openwebui.ModelAccessResponse: normalize_openwebui},
    "modelslab": {modelslab.PublicModel: normalize_modelslab_public, TrainedModel: normalize_modelslab_trained},
}


def normalize(provider: str, record: object) -> ModelRecord:
    """A record as ``Client(provider).list_models()`` yields it -> ``ModelRecord``."""
    try:
        normalizer = NORMALIZERS[provider][type(record)]
    except KeyError:
        known = {name: [t.__name__ for t in table] for name, table in NORMALIZERS.items()}
        msg = f"no {provider!r} normalizer for {type(record).__qualname__}; known: {known}"
        raise TypeError(msg) from None
    return normalizer(record)
