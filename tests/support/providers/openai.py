"""OpenAI-compatible test data: ``{"object": "list", "data": [...]}`` in one answer, Bearer.

Shaped like OpenAI's documented ``GET /models`` example (the derived
``specs/openai/openapi.yaml``): ``id``, ``object``, ``created`` (epoch seconds), ``owned_by``.
The fields compatible servers add (``VLLM_FIELDS`` and the like) are left to the tests that
are about them, so that a plain listing here is an OpenAI one.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from support.providers import Bearer, Invalid, PageInfo, Record, Route, Single

_EPOCH = int(datetime(2024, 1, 1, tzinfo=UTC).timestamp())
#: what vLLM adds to each record (``vllm/entrypoints/openai/protocol.py`` ModelCard)
VLLM_FIELDS: dict[str, Any] = {
    "root": "/models/Llama-3.1-8B-Instruct",
    "parent": None,
    "max_model_len": 131072,
    "permission": [{"id": "modelperm-1", "object": "model_permission", "allow_sampling": True}],
}
#: what OpenRouter adds to each record
OPENROUTER_FIELDS: dict[str, Any] = {
    "name": "Meta: Llama 3.1 8B Instruct",
    "description": "Meta's latest class of model, instruction tuned.",
    "context_length": 131072,
    "pricing": {"prompt": "0.00000002", "completion": "0.00000005"},
}


def model(n: int, **extra: Any) -> Record:
    """A model as ``GET /models`` of an OpenAI-compatible server returns it."""
    record: Record = {
        "id": f"llama-3.1-8b-instruct-{n}",
        "object": "model",
        "created": _EPOCH + n * 3600,
        "owned_by": "organization-owner" if n % 2 else "system",
    }
    record.update(extra)
    return record


def _envelope(records: list[Any], info: PageInfo) -> Any:
    del info
    return {"object": "list", "data": records}


ROUTES = (
    Route(
        "openai",
        "GET",
        "/models",
        Single(),
        _envelope,
        model,
        named=lambda n, text: model(n, name=text, description=text),
        shows=("name", "description"),
        invalid=lambda record_id: Invalid(
            model(1, id=record_id, created="yesterday"),
            "$.data[1].created",
            "Expected `int | null`, got `str`",
        ),
    ),
)
AUTH = Bearer()
CREDENTIALS = {"api_key": "sk-openai-0001"}
EVERY_FILTER: dict[str, Any] = {}  # GET /models takes no parameters
