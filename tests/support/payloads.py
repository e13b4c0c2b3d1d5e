"""Realistic list-models records, one factory a provider, shaped like the providers' own examples.

Field names, formats and example values follow the provider docs in
``/work/shared/provider-docs/`` and the derived ``specs/<provider>/openapi.yaml``:
Scenario's camelCase with ISO timestamps, TrueFoundry's snake_case with a
``created_by_subject``, Open WebUI's epoch seconds and free-form ``meta``, and
ModelsLab's id-only trained list next to its public list with names. Every factory is
deterministic (``n`` picks the values) so that a failing test prints the same records.

``extra`` merges keys into a record: tests use it for unknown fields and enum values.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

Record = dict[str, Any]
_EPOCH = datetime(2024, 1, 1, tzinfo=UTC)

SCENARIO_TYPES = ("sd-xl-lora", "flux.1-lora", "sd-1_5", "flux.1", "sd-xl-composition")
SCENARIO_STATUSES = ("trained", "training", "new", "failed")


def _iso(n: int) -> str:
    return (_EPOCH + timedelta(hours=n)).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def scenario_model(n: int, **extra: Any) -> Record:
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
        "status": SCENARIO_STATUSES[n % len(SCENARIO_STATUSES)],
        "tags": ["sci-fi", "landscape"] if n % 2 else [],
        "trainingImagesNumber": 12,
        "type": SCENARIO_TYPES[n % len(SCENARIO_TYPES)],
        "ownerId": "team_VFhihHKMRZyDDnZAJwLb2Q",
        "authorId": "user_VFhihHKMRZyDDnZAJwLb2Q",
        "thumbnail": {"assetId": "asset_GTrL3mq4SXWyMxkOHRxlpw", "url": "https://cdn.cloud.scenario.com/thumb.png"},
    }
    record.update(extra)
    return record


def truefoundry_model(n: int, **extra: Any) -> Record:
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


def openwebui_model(n: int, **extra: Any) -> Record:
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


def modelslab_trained_id(n: int) -> str:
    """A ModelsLab trained model id: ``finetune_list`` returns only these."""
    return f"FFN5cgfrRdxXIJqZ{n:04d}"


def modelslab_public_model(n: int, **extra: Any) -> Record:
    """A ModelsLab public model as ``POST /api/v4/dreambooth/model_list`` returns it."""
    record: Record = {
        "model_id": f"midjourney-v{n}",
        "status": "model_ready",
        "created_at": None,
        "instance_prompt": "mdjrny-v4 style" if n % 2 else None,
        "model_name": f"MidJourney V{n}",
        "description": "Openjourney is an open source Stable Diffusion fine tuned model on Midjourney images",
        "screenshots": f"https://d1okzptojspljx.cloudfront.net/generations/{14853540911669470514 + n}.png",
    }
    record.update(extra)
    return record


def many(factory: Any, count: int, start: int = 0) -> list[Any]:
    """``count`` records from ``factory``, numbered from ``start``."""
    return [factory(n) for n in range(start, start + count)]
