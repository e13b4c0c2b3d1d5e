"""Scenario's test data: camelCase records with ISO timestamps, a cursor, Basic auth.

Shaped like the models of Scenario's SDK reference and the derived ``specs/scenario/openapi.yaml``.
"""

from __future__ import annotations

import datetime as dt
from datetime import UTC, datetime, timedelta
from typing import Any

from support.providers import Basic, Cursor, Invalid, PageInfo, Record, Route

_EPOCH = datetime(2024, 1, 1, tzinfo=UTC)
TYPES = ("sd-xl-lora", "flux.1-lora", "sd-1_5", "flux.1", "sd-xl-composition")
STATUSES = ("trained", "training", "new", "failed")


def _iso(n: int) -> str:
    return (_EPOCH + timedelta(hours=n)).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def model(n: int, **extra: Any) -> Record:
    """A Scenario model as ``GET /v1/models`` returns it (ModelListResponse in the SDK)."""
    record: Record = {
        "id": f"model_{n:06d}eyVcnFJcR92Bx",
        "name": f"Cinematic Realism {n}",
        "capabilities": ["txt2img", "img2img", "txt2img_ip_adapter"],
        "collectionIds": [],
        "createdAt": _iso(n),
        "updatedAt": _iso(n + 1),
        "custom": False,
        "exampleAssetIds": [f"asset_GTrL3mq4SXWyMxkOHRxl{n % 100:02d}"],
        "privacy": "private",
        "source": "scenario",
        "status": STATUSES[n % len(STATUSES)],
        "tags": ["sci-fi", "landscape"] if n % 2 else [],
        "trainingImagesNumber": 12,
        "type": TYPES[n % len(TYPES)],
        "ownerId": "team_VFhihHKMRZyDDnZAJwLb2Q",
        "authorId": "user_VFhihHKMRZyDDnZAJwLb2Q",
        "thumbnail": {"assetId": "asset_GTrL3mq4SXWyMxkOHRxlpw", "url": "https://cdn.cloud.scenario.com/thumb.png"},
    }
    record.update(extra)
    return record


def _envelope(records: list[Any], info: PageInfo) -> Any:
    page: Record = {"models": records}
    if info.next_cursor is not None:
        page["nextPaginationToken"] = info.next_cursor
    return page


ROUTES = (
    Route(
        "scenario",
        "GET",
        "/v1/models",
        Cursor(size="pageSize", token="paginationToken", default_size=100, max_size=500),
        _envelope,
        model,
        named=lambda n, text: model(n, name=text),
        invalid=lambda record_id: Invalid(
            model(1, id=record_id, thumbnail={"url": "https://cdn.example/t.png"}),
            "$.models[1].thumbnail",
            "Object missing required field `assetId`",
        ),
    ),
)
AUTH = Basic()
CREDENTIALS = {"api_key": "sc-key-0001", "api_secret": "sc-secret-0001"}
EVERY_FILTER: dict[str, Any] = {
    "privacy": "public",
    "status": "trained",
    "sort_by": "createdAt",
    "sort_direction": "asc",
    "type_": "flux.1",
    "types": ["flux.1", "sd-xl-lora"],
    "tags": ["sci-fi", "landscape"],
    "collection_id": "collection_1",
    "collection_ids": ["collection_1", "collection_2"],
    "created_after": dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
    "created_before": dt.datetime(2025, 6, 7, 8, 9, 10, 123000, tzinfo=UTC),
    "updated_after": dt.datetime(2024, 1, 2, tzinfo=dt.timezone(dt.timedelta(hours=2))),
    "updated_before": dt.datetime(2026, 1, 2, tzinfo=UTC),
    "blacklisted": True,
    "loaded_only": False,
    "original_assets": True,
}
#: spec defaults the generated client always sends (DESIGN.md)
ALWAYS_SENT = frozenset({"privacy"})


def wire_key(name: str) -> str:
    """The query key a filter travels as: camelCase (``type_`` is ``type``)."""
    head, *rest = name.rstrip("_").split("_")
    return head + "".join(word.capitalize() for word in rest)
