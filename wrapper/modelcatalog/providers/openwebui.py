"""Open WebUI (self-hosted): ``GET {base}/api/v1/models/list``, 1-based pages of 30, Bearer.

The documented path ``/api/models/list`` answers with the web app's HTML and status
200 on a real server; the API lives under ``/api/v1``. Models without a
``base_model_id`` are never listed by this endpoint (the server filters them out).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

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

if TYPE_CHECKING:
    from collections.abc import Sequence

PAGE_SIZE = 30  # fixed by the server
FILTERS = ("query", "view_option", "tag", "order_by", "direction")


def _build(position: Position, _size: int, filters: Filters, _: Credentials) -> RequestKwargs:
    check_filters("Open WebUI", filters, FILTERS)
    return generated_kwargs(
        list_models._get_kwargs,  # noqa: SLF001 - the generated request builder is the point
        page=position if isinstance(position, int) else 1,
        **filters,
    )


def _page(envelope: structs.ModelAccessListResponse, position: Position) -> Page[structs.ModelAccessResponse]:
    return Page(list(envelope.items), position, total=envelope.total)


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
            style=PageNumberStyle(PAGE_SIZE),
            build_request=_build,
            envelope=structs.ModelAccessListResponse,
            page_of=_page,
            item_key=lambda model: model.id,
            records="items",
            default_page_size=PAGE_SIZE,
            max_page_size=PAGE_SIZE,
        ),
    ),
    auth=lambda credentials: BearerAuth(credentials["api_key"]),
)

__all__: Sequence[str] = ("FILTERS", "PROVIDER")
