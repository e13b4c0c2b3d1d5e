"""TrueFoundry's test data: snake_case records with a ``created_by_subject``, offset/limit with a total, Bearer.

Shaped like TrueFoundry's documented list-models response and the derived
``specs/truefoundry/openapi.yaml``.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from support.providers import Bearer, Invalid, Offset, PageInfo, Record, Route

_EPOCH = datetime(2024, 1, 1, tzinfo=UTC)


def _iso(n: int) -> str:
    return (_EPOCH + timedelta(hours=n)).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def model(n: int, **extra: Any) -> Record:
    """A TrueFoundry model as ``GET /api/ml/v1/models`` returns it."""
    name = f"churn-model-{n}"
    record: Record = {
        "id": f"0c6e4d52-{n:04d}-4b7c-9e1a-3f6a2b8d{n % 10000:04d}",
        "ml_repo_id": "b1a2c3d4-0000-4e5f-8a9b-0123456789ab",
        "type": "model",
        "name": name,
        "fqn": f"model:acme/ml-repo/{name}",
        "created_by_subject": {
            "subjectId": "u-42",
            "subjectType": "user",
            "subjectSlug": "jane@acme.example",
            "subjectDisplayName": "Jane Doe",
        },
        "created_at": _iso(n),
        "updated_at": _iso(n + 2),
        "run_steps": [0, 1],
    }
    record.update(extra)
    return record


def _envelope(records: list[Any], info: PageInfo) -> Any:
    offset = int(info.sent or 0)
    return {"data": records, "pagination": {"total": info.total, "offset": offset, "limit": info.size}}


ROUTES = (
    Route(
        "truefoundry",
        "GET",
        "/api/ml/v1/models",
        Offset(offset="offset", limit="limit", default_limit=100),
        _envelope,
        model,
        named=lambda n, text: model(n, name=text),
        invalid=lambda record_id: Invalid(
            model(1, id=record_id, created_by_subject={"subjectType": "user"}),
            "$.data[1].created_by_subject",
            "Object missing required field `subjectId`",
        ),
    ),
)
AUTH = Bearer()
CREDENTIALS = {"api_key": "tfy-token-0001"}
EVERY_FILTER: dict[str, Any] = {
    "fqn": "model:tenant/repo/my-model",
    "ml_repo_id": "repo_1",
    "name": "my-model",
    "run_id": "run_1",
    "include_empty_models": False,
}
#: spec defaults the generated client always sends (DESIGN.md)
ALWAYS_SENT = frozenset({"include_empty_models"})
