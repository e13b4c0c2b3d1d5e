"""Open WebUI's test data: workspace models with epoch seconds and a free-form ``meta``, pages of 30, Bearer.

Shaped like Open WebUI 0.12.4's ``ModelAccessResponse`` (the derived
``specs/openwebui/openapi.yaml``). Its documented ``/api/models/list`` answers with the web
app's HTML page and 200, as the real server does (``PAGES``).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from support.providers import Bearer, Invalid, PageInfo, PageNumber, Record, Route

_EPOCH = datetime(2024, 1, 1, tzinfo=UTC)
HTML_PAGE = b"<!doctype html><html><head><title>Open WebUI</title></head><body><div id=app></div></body></html>"


def model(n: int, **extra: Any) -> Record:
    """An Open WebUI workspace model as ``GET /api/v1/models/list`` returns it (epoch seconds)."""
    created = int(_EPOCH.timestamp()) + n * 3600
    record: Record = {
        "id": f"custom-gpt-{n}",
        "user_id": "user123",
        "base_model_id": "gpt-4",
        "name": f"Custom GPT-4 #{n}",
        "params": {"temperature": 0.7, "max_tokens": 2000},
        "meta": {
            "profile_image_url": "/static/favicon.png",
            "description": "A customized GPT-4 model for specific tasks",
            "capabilities": {"vision": True, "function_calling": True},
        },
        "access_grants": [],
        "is_active": True,
        "write_access": True,
        "user": {"id": "user123", "name": "John Doe", "role": "admin", "email": "john@example.com"},
        "created_at": created,
        "updated_at": created + 60,
    }
    record.update(extra)
    return record


def _envelope(records: list[Any], info: PageInfo) -> Any:
    return {"items": records, "total": info.total}


ROUTES = (
    Route(
        "openwebui",
        "GET",
        "/api/v1/models/list",
        PageNumber(page="page", size=30),
        _envelope,
        model,
        named=lambda n, text: model(n, name=text, meta={"description": text}),
        shows=("name", "description"),
        invalid=lambda record_id: Invalid(
            model(1, id=record_id, access_grants=[{"id": "grant-1", "permission": "read"}]),
            "$.items[1].access_grants[0]",
            "Object missing required field `resource_type`",
        ),
    ),
)
AUTH = Bearer()
CREDENTIALS = {"api_key": "sk-owui-0001"}
EVERY_FILTER: dict[str, Any] = {
    "query": "llama",
    "view_option": "created",
    "tag": "chat",
    "order_by": "updated_at",
    "direction": "asc",
}
#: the documented path answers with the web app, status 200
PAGES = {"/api/models/list": HTML_PAGE}
