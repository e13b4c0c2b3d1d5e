"""ModelsLab: two POST lists, the API key in the JSON body, one response each.

``POST {base}/api/v3/finetune_list`` lists the ids of the models you trained;
``POST {base}/api/v4/dreambooth/model_list`` lists the public models with names.
Both are reads, so they are retried like GETs. The key travels in the body: it is
kept in a ``Secret`` and scrubbed from every error (the server may echo it back).

Errors arrive with status 200, as an object whose ``status`` is not ``success``
(``{"status": "error" | "failed", "message": ...}``), and the finetune list's spec makes
every field optional. So an object with any other status, and a finetune list without
``data``, is a ``ProviderReportedError`` with ModelsLab's message (an
``AuthenticationError`` when the message is about the key), never an empty list
(``check_body``, which ``responses.check_response`` calls).

Neither list takes a filter, and the trained list gives ids only: ``plan`` skips it
when a query needs any other field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import msgspec
from modelcatalog_generated.catalog import ModelRecord
from modelcatalog_generated.modelslab.api.model_management import get_trained_model_list
from modelcatalog_generated.modelslab.api.public_models import get_public_model_list
from modelcatalog_generated.structs import modelslab as structs

from modelcatalog.errors import AuthenticationError, ProviderReportedError
from modelcatalog.pagination import Page, Position, SinglePageStyle
from modelcatalog.providers._base import Credentials, CredentialSpec, Filters, ListOperation, Provider, RequestKwargs
from modelcatalog.providers._fields import UnidentifiedRecordError, as_text, parse_loose_datetime

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

    from modelcatalog.catalog.query import Query, Request
    from modelcatalog.context import OperationContext
    from modelcatalog.secrets import Secret


class TrainedModel(msgspec.Struct, frozen=True, gc=False):
    """A model you trained: the finetune list gives its id and nothing else."""

    model_id: str


class _Envelope(msgspec.Struct):
    """What an object body says about itself; ``data`` is kept raw (a long list is not decoded twice)."""

    status: object = msgspec.UNSET
    message: object = None
    messege: object = None  # sic: ModelsLab's success bodies spell it so
    data: msgspec.Raw = msgspec.Raw(b"")


_probe = msgspec.json.Decoder(_Envelope)
_AUTH_WORDS = ("key", "unauthori", "invalid api", "not authenticated")
_SUCCESS = "success"
#: how much of ModelsLab's message an error quotes
_QUOTED_CHARS = 500


def _envelope(body: bytes) -> _Envelope | None:
    """The body's status, message and data when it is a JSON object, else None (the decoder reports it)."""
    if not body.lstrip().startswith(b"{"):
        return None
    try:
        return _probe.decode(body)
    except (msgspec.DecodeError, msgspec.ValidationError, UnicodeDecodeError, RecursionError):
        return None  # not an object with those fields (or not JSON at all): the decoder reports what is wrong


def _is_json(body: bytes) -> bool:
    """Whether the whole body is JSON (the probe skips unknown keys without checking them)."""
    try:
        msgspec.json.decode(body)
    except (msgspec.DecodeError, UnicodeDecodeError, RecursionError):
        return False
    return True


def _succeeded(status: object) -> bool:
    return status is msgspec.UNSET or (isinstance(status, str) and status.strip().lower() == _SUCCESS)


def _check_trained(body: bytes, ctx: OperationContext) -> None:
    """Raise unless the finetune list answered with success (or no status) and a ``data`` list."""
    envelope = _envelope(body)
    if envelope is None:
        return
    failed = not _succeeded(envelope.status)
    if (failed or bytes(envelope.data).strip() in {b"", b"null"}) and _is_json(body):
        raise _reported(envelope, body, ctx, without_data=not failed)


def _check_public(body: bytes, ctx: OperationContext) -> None:
    """Raise when the public list answered with an object whose status is not success (it is a list)."""
    envelope = _envelope(body)
    if envelope is None or envelope.status is msgspec.UNSET or _succeeded(envelope.status):
        return
    if _is_json(body):
        raise _reported(envelope, body, ctx)


def _reported(
    envelope: _Envelope, body: bytes, ctx: OperationContext, *, without_data: bool = False
) -> ProviderReportedError | AuthenticationError:
    """ModelsLab's own error, in its own words (scrubbed, then cut)."""
    said = envelope.message if envelope.message is not None else envelope.messege
    status = "" if envelope.status is msgspec.UNSET else f" {ctx.scrub(str(envelope.status))[:_QUOTED_CHARS]!r}"
    if without_data and status:
        what = f"ModelsLab answered status{status} but no data"
    elif without_data:
        what = "ModelsLab answered with no status and no data"
    elif isinstance(envelope.status, str) and envelope.status.strip().lower() == "error":
        what = "ModelsLab reported an error"
    else:
        what = f"ModelsLab reported status{status}"
    text = ctx.scrub(str(said)) if said is not None else "(no message)"
    message = f"{what}: {text[:_QUOTED_CHARS]}"
    fields = {"provider": ctx.provider, "operation": ctx.operation}
    if said is not None and any(word in text.lower() for word in _AUTH_WORDS):  # the credential's own letters aside
        return AuthenticationError(message, status_code=200, body_excerpt=message, **fields)
    return ProviderReportedError(message, body=ctx.scrub_bytes(body), status_code=200, **fields)


def _body_builder(
    get_kwargs: Callable[..., RequestKwargs],
) -> Callable[[Position, int, Filters, Credentials], RequestKwargs]:
    """A request builder that puts the key in the generated operation's JSON body."""

    def build(_position: Position, _size: int, filters: Filters, credentials: Credentials) -> RequestKwargs:
        if filters:
            msg = f"ModelsLab list operations take no filters, got {sorted(filters)}"
            raise ValueError(msg)
        return get_kwargs(body=KeyBody(credentials["api_key"]))

    return build


class KeyBody:
    """The JSON body of both list operations, ``{"key": ...}``, built as the generated ``ApiKeyRequest`` builds it.

    The generated request builders only call the body's ``to_dict()``. ``ApiKeyRequest``
    is an attrs class, and importing attrs cost a listing more start-up than the rest of
    this provider; ``tests/providers/test_modelslab.py`` holds the two to the same
    fields and the same body. The key stays a ``Secret`` until the body is built, so a
    repr shows ``***``.
    """

    __slots__ = ("_key",)

    def __init__(self, key: Secret) -> None:
        self._key = key

    def __repr__(self) -> str:
        return f"KeyBody(key={self._key!r})"

    def to_dict(self) -> dict[str, str]:
        """The body, the key revealed (as ``ApiKeyRequest.to_dict`` gives it)."""
        return {"key": self._key.reveal()}


def _trained_page(envelope: structs.TrainedModelListResponse, position: Position) -> Page[TrainedModel]:
    data = envelope.data if isinstance(envelope.data, list) else []
    return Page([TrainedModel(model_id) for model_id in data], position)


def _public_page(envelope: list[structs.PublicModel], position: Position) -> Page[structs.PublicModel]:
    return Page(list(envelope), position)


def _public_key(model: structs.PublicModel) -> str:
    return model.model_id if isinstance(model.model_id, str) else repr(model)


# -- the catalog records ------------------------------------------------------------------

FIELD_SOURCES: Final[Mapping[str, str]] = {
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
    "context_length": "null",
    "version": "null",
    "url": "null",
    "fqn": "null",
    "namespace": "null",
}


def normalize_public(model: structs.PublicModel) -> ModelRecord:
    """ModelsLab public model: named and described, listed publicly."""
    if model.model_id.__class__ is not str:
        msg = f"ModelsLab public model without model_id (name {as_text(model.model_name)!r})"
        raise UnidentifiedRecordError(msg)
    return ModelRecord(
        provider="modelslab",
        instance="modelslab",
        id=model.model_id,
        name=as_text(model.model_name),
        description=as_text(model.description),
        kind=None,
        base_model=None,
        status=as_text(model.status),
        visibility="public",
        owner=None,
        created_at=parse_loose_datetime(model.created_at),
        updated_at=None,
        tags=None,
        capabilities=None,
        context_length=None,
        version=None,
        url=None,
        fqn=None,
        namespace=None,
        source=model,
    )


def normalize_trained(model: TrainedModel) -> ModelRecord:
    """ModelsLab trained model: the finetune list gives the id and nothing else."""
    return ModelRecord(
        provider="modelslab",
        instance="modelslab",
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
        context_length=None,
        version=None,
        url=None,
        fqn=None,
        namespace=None,
        source=model,
    )


# -- the operations --------------------------------------------------------------------------

TRAINED = ListOperation(
    name="POST /api/v3/finetune_list",
    prefix="/api/v3",
    style=SinglePageStyle(),
    build_request=_body_builder(get_trained_model_list._get_kwargs),  # noqa: SLF001
    envelope=structs.TrainedModelListResponse,
    page_of=_trained_page,
    item_key=lambda model: model.model_id,
    records="data",
    record_type=TrainedModel,
    normalize=normalize_trained,
    safe_to_retry=True,
    check_body=_check_trained,
)
PUBLIC = ListOperation(
    name="POST /api/v4/dreambooth/model_list",
    prefix="/api/v4/dreambooth",
    style=SinglePageStyle(),
    build_request=_body_builder(get_public_model_list._get_kwargs),  # noqa: SLF001
    envelope=list[structs.PublicModel],
    page_of=_public_page,
    item_key=_public_key,
    records=None,
    record_type=structs.PublicModel,
    normalize=normalize_public,
    record_id="model_id",
    safe_to_retry=True,
    check_body=_check_public,
)


# -- pushdown --------------------------------------------------------------------------------
# No filters at all. The trained list gives ids only, so it can match a query only
# through the id: it is skipped when a criterion needs any other field.
_ID_ONLY_BLIND: Final = ("name", "kind", "status", "visibility")


def plan(query: Query) -> list[Request]:
    """Both lists, trained first; only the public one when the query needs more than an id."""
    from modelcatalog.catalog.query import Request  # noqa: PLC0415 - the catalog layer, loaded when it plans

    dates = (query.created_since, query.created_until, query.updated_since, query.updated_until)
    blind = query.tags or any(getattr(query, a) is not None for a in _ID_ONLY_BLIND) or any(dates)
    if query.pushdown and blind:
        return [Request(operation=PUBLIC.name, pushed=("trained-list-skipped",))]
    return [Request(operation=TRAINED.name), Request(operation=PUBLIC.name)]


PROVIDER = Provider(
    name="modelslab",
    title="ModelsLab",
    cloud=True,
    default_base_url="https://modelslab.com",
    base_url_env="MODELSLAB_BASE_URL",
    credentials=(CredentialSpec("api_key", "MODELSLAB_API_KEY"),),
    operations=(TRAINED, PUBLIC),
    field_sources=FIELD_SOURCES,
    plan=plan,
)

__all__: Sequence[str] = (
    "FIELD_SOURCES",
    "PROVIDER",
    "PUBLIC",
    "TRAINED",
    "TrainedModel",
    "normalize_public",
    "normalize_trained",
    "plan",
)
