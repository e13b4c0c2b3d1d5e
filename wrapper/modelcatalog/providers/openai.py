"""OpenAI-compatible servers: ``GET {base}/models``, one answer holding every model, Bearer auth (optional).

OpenAI's own API and every server that copies it (vLLM, Ollama's ``/v1``, LM Studio,
llama.cpp, LiteLLM's proxy, OpenRouter, Together, Groq, Mistral, Open WebUI's ``/api``...).
The base URL is the one a client of that server is given, up to ``/models``:
``https://api.openai.com/v1`` (the default, OpenAI itself), ``http://127.0.0.1:8000/v1``
(vLLM), ``http://127.0.0.1:11434/v1`` (Ollama), ``https://openrouter.ai/api/v1``,
``https://chat.example.com/api`` (Open WebUI).

The key is optional: local servers take none, and then no ``Authorization`` header is
sent; at the default base URL (OpenAI) it is required. There is no pagination: the
``data`` array is the whole answer, bounded by the response-size cap.

Servers add fields of their own (vLLM ``max_model_len``, OpenRouter ``context_length`` and
``pricing``, LiteLLM ``max_input_tokens``, Open WebUI ``info``): they are kept in the
record's ``extensions`` and reported once per field per listing as extension fields,
never as off-spec (``Client(..., report_extensions=False)`` silences even that). The
catalog reads the well-known ones. ``created`` and ``owned_by`` may be absent or null
(the overlay says so), and those catalog fields are then null.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

import msgspec
from modelcatalog_generated.catalog import ModelRecord, Owner
from modelcatalog_generated.openai.api.models import list_models
from modelcatalog_generated.structs import openai as structs

from modelcatalog.pagination import Page, Position, SinglePageStyle
from modelcatalog.providers._base import (
    BearerAuth,
    Credentials,
    CredentialSpec,
    Filters,
    ListOperation,
    Provider,
    RequestKwargs,
    generated_kwargs,
)
from modelcatalog.providers._fields import as_int, as_text, from_epoch

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    import httpx

DEFAULT_BASE_URL = "https://api.openai.com/v1"
#: LiteLLM's proxy without a database answers a key that is not its master key with 400 and
#: this error type ("No connected db."): it accepts no other key, so the key was refused
_AUTH_ERROR_TYPES: Final = frozenset({"no_db_connection", "auth_error", "authentication_error", "invalid_api_key"})


class Model(structs.Model):
    """A model as an OpenAI-compatible server lists it: the spec's fields, and the server's own in ``extensions``."""

    #: the fields this server adds to OpenAI's, by their wire names (decoding fills it)
    extensions: dict[str, Any] = msgspec.field(default_factory=dict)


class ListModelsResponse(structs.ListModelsResponse):
    """The envelope, holding records that keep their servers' extension fields."""

    data: list[Model]  # type: ignore[assignment]  # the generated records, with their extensions


def _build(_position: Position, _size: int, filters: Filters, _: Credentials) -> RequestKwargs:
    if filters:
        msg = f"OpenAI-compatible servers list models without filters, got {sorted(filters)}"
        raise ValueError(msg)
    return generated_kwargs(list_models._get_kwargs)  # noqa: SLF001 - the generated request builder is the point


def _page(envelope: ListModelsResponse, position: Position) -> Page[Model]:
    return Page(list(envelope.data), position)


class _ErrorBody(msgspec.Struct):
    type: object = None
    message: object = None


class _Error(msgspec.Struct):
    error: _ErrorBody | None = None


_error_probe = msgspec.json.Decoder(_Error)


def _auth_failure(status: int, body: bytes) -> bool:
    """Whether a 400 is a refused key in the server's own words (OpenAI's ``{"error": {"type": ...}}`` shape)."""
    if status != 400:  # noqa: PLR2004 - 401 and 403 are authentication failures everywhere
        return False
    try:
        error = _error_probe.decode(body).error
    except (msgspec.DecodeError, msgspec.ValidationError, UnicodeDecodeError, RecursionError):
        return False
    if error is None:
        return False
    kind = error.type if isinstance(error.type, str) else ""  # a server may send anything there, a list too
    message = error.message if isinstance(error.message, str) else ""
    return kind in _AUTH_ERROR_TYPES or message.lower().startswith("authentication error")


def _auth(credentials: Credentials) -> httpx.Auth | None:
    """Bearer with the key; nothing at all without one (a local server)."""
    key = credentials.get("api_key")
    return None if key is None else BearerAuth(key)


# -- the catalog record ------------------------------------------------------------------

FIELD_SOURCES: Final[Mapping[str, str]] = {
    "id": "id",
    "name": "name (OpenRouter, Open WebUI)",
    "description": "description (OpenRouter), else info.meta.description (Open WebUI)",
    "kind": "mode (LiteLLM)",
    "base_model": "parent (vLLM), else info.base_model_id (Open WebUI)",
    "status": "null",
    "visibility": "null",
    "owner": "owned_by (id only)",
    "created_at": "created (epoch seconds -> UTC; 0: null)",
    "updated_at": "null",
    "tags": "tags[].name (Open WebUI)",
    "capabilities": "null",
    "context_length": "context_length (OpenRouter), max_model_len (vLLM), max_input_tokens (LiteLLM)",
    "version": "null",
    "url": "null",
    "fqn": "null",
    "namespace": "null",
}
#: where the context window is, by server, in the order tried
_CONTEXT_FIELDS: Final = ("context_length", "max_model_len", "max_input_tokens")


def _tags(value: object) -> list[str] | None:
    if value.__class__ is not list:
        return None
    names = (tag.get("name") if tag.__class__ is dict else tag for tag in value)
    return [name for name in names if name.__class__ is str]


def normalize(model: Model) -> ModelRecord:
    """An OpenAI-compatible ``Model``: the spec's few fields, and the well-known extension fields."""
    extra = model.extensions
    info = extra.get("info")
    info = info if info.__class__ is dict else {}
    meta = info.get("meta")
    meta = meta if meta.__class__ is dict else {}
    owner = as_text(model.owned_by)
    context_length = next((n for n in map(as_int, map(extra.get, _CONTEXT_FIELDS)) if n is not None), None)
    return ModelRecord(
        provider="openai",
        instance="openai",
        id=model.id,
        name=as_text(extra.get("name")),
        description=as_text(extra.get("description")) or as_text(meta.get("description")),
        kind=as_text(extra.get("mode")),
        base_model=as_text(extra.get("parent")) or as_text(info.get("base_model_id")),
        status=None,
        visibility=None,
        owner=Owner(id=owner, name=None) if owner else None,
        created_at=from_epoch(model.created) if model.created else None,
        updated_at=None,
        tags=_tags(extra.get("tags")),
        capabilities=None,
        context_length=context_length,
        version=None,
        url=None,
        fqn=None,
        namespace=None,
        source=model,
    )


PROVIDER = Provider(
    name="openai",
    title="OpenAI-compatible",
    cloud=False,  # most of its servers are local; OpenAI's own default is https
    default_base_url=DEFAULT_BASE_URL,
    base_url_env="OPENAI_BASE_URL",
    credentials=(CredentialSpec("api_key", "OPENAI_API_KEY", required=False),),
    operations=(
        ListOperation(
            name="GET /models",
            prefix="",
            style=SinglePageStyle(),
            build_request=_build,
            envelope=ListModelsResponse,
            page_of=_page,
            item_key=lambda model: model.id,
            records="data",
            record_type=Model,
            normalize=normalize,
            auth_failure=_auth_failure,
            extensions=True,
        ),
    ),
    field_sources=FIELD_SOURCES,
    auth=_auth,
    html_hint=(
        "an OpenAI-compatible server's base URL ends where /models begins: "
        "http://host:8000/v1 for vLLM, http://host:11434/v1 for Ollama, https://host/api for Open WebUI"
    ),
)

__all__: Sequence[str] = ("FIELD_SOURCES", "PROVIDER", "ListModelsResponse", "Model", "normalize")
