"""ModelsLab: two POST lists, the API key in the JSON body, one response each.

``POST {base}/api/v3/finetune_list`` lists the ids of the models you trained;
``POST {base}/api/v4/dreambooth/model_list`` lists the public models with names.
Both are reads, so they are retried like GETs. The key travels in the body: it is
kept in a ``Secret`` and scrubbed from every error (the server may echo it back).
Errors can arrive with status 200 as ``{"status": "error", "message": ...}``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import msgspec
from modelcatalog_generated.modelslab.api.model_management import get_trained_model_list
from modelcatalog_generated.modelslab.api.public_models import get_public_model_list
from modelcatalog_generated.modelslab.models.api_key_request import ApiKeyRequest
from modelcatalog_generated.structs import modelslab as structs

from modelcatalog.errors import AuthenticationError, ProviderReportedError
from modelcatalog.pagination import Page, Position, SinglePageStyle
from modelcatalog.providers._base import Credentials, CredentialSpec, Filters, ListOperation, Provider, RequestKwargs

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from modelcatalog.decoding import OperationContext


class TrainedModel(msgspec.Struct, frozen=True, gc=False):
    """A model you trained: the finetune list gives its id and nothing else."""

    model_id: str


class _StatusProbe(msgspec.Struct):
    status: object = None
    message: object = None
    messege: object = None


_probe = msgspec.json.Decoder(_StatusProbe)
_AUTH_WORDS = ("key", "unauthori", "invalid api", "not authenticated")


def _check_status(body: bytes, ctx: OperationContext) -> None:
    """Raise for ``{"status": "error", ...}`` bodies, which ModelsLab sends with HTTP 200."""
    if not body.lstrip().startswith(b"{"):
        return
    try:
        probe = _probe.decode(body)
    except (msgspec.DecodeError, msgspec.ValidationError, UnicodeDecodeError, RecursionError):
        return  # not an object with a status (or not JSON at all): the decoder reports what is wrong
    if probe.status != "error":
        return
    said = probe.message if probe.message is not None else probe.messege
    message = ctx.scrub(f"ModelsLab reported an error: {said!s}")
    fields = {"provider": ctx.provider, "operation": ctx.operation}
    if any(word in str(said).lower() for word in _AUTH_WORDS):
        raise AuthenticationError(message, status_code=200, body_excerpt=message, **fields)
    raise ProviderReportedError(message, body=ctx.scrub_bytes(body), status_code=200, **fields)


def _body_builder(
    get_kwargs: Callable[..., RequestKwargs],
) -> Callable[[Position, int, Filters, Credentials], RequestKwargs]:
    """A request builder that puts the key in the generated operation's JSON body."""

    def build(_position: Position, _size: int, filters: Filters, credentials: Credentials) -> RequestKwargs:
        if filters:
            msg = f"ModelsLab list operations take no filters, got {sorted(filters)}"
            raise ValueError(msg)
        return get_kwargs(body=ApiKeyRequest(key=credentials["api_key"].reveal()))

    return build


def _trained_page(envelope: structs.TrainedModelListResponse, position: Position) -> Page[TrainedModel]:
    data = envelope.data if isinstance(envelope.data, list) else []
    return Page([TrainedModel(model_id) for model_id in data], position)


def _public_page(envelope: list[structs.PublicModel], position: Position) -> Page[structs.PublicModel]:
    return Page(list(envelope), position)


def _public_key(model: structs.PublicModel) -> str:
    return model.model_id if isinstance(model.model_id, str) else repr(model)


PROVIDER = Provider(
    name="modelslab",
    title="ModelsLab",
    cloud=True,
    default_base_url="https://modelslab.com",
    base_url_env="MODELSLAB_BASE_URL",
    credentials=(CredentialSpec("api_key", "MODELSLAB_API_KEY"),),
    operations=(
        ListOperation(
            name="POST /api/v3/finetune_list",
            prefix="/api/v3",
            style=SinglePageStyle(),
            build_request=_body_builder(get_trained_model_list._get_kwargs),  # noqa: SLF001
            envelope=structs.TrainedModelListResponse,
            page_of=_trained_page,
            item_key=lambda model: model.model_id,
            safe_to_retry=True,
            check_body=_check_status,
        ),
        ListOperation(
            name="POST /api/v4/dreambooth/model_list",
            prefix="/api/v4/dreambooth",
            style=SinglePageStyle(),
            build_request=_body_builder(get_public_model_list._get_kwargs),  # noqa: SLF001
            envelope=list[structs.PublicModel],
            page_of=_public_page,
            item_key=_public_key,
            safe_to_retry=True,
            check_body=_check_status,
        ),
    ),
)

__all__: Sequence[str] = ("PROVIDER", "TrainedModel")
