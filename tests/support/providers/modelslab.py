"""ModelsLab's test data: the trained list of ids, the public list with names, the key in the JSON body.

Shaped like ModelsLab's ``model-operation.openapi.json`` examples (the derived
``specs/modelslab/openapi.yaml``). A wrong key is an error object with status 200.
"""

from __future__ import annotations

from typing import Any

from support.providers import BodyKey, Invalid, PageInfo, Record, Route, Single


def trained_id(n: int) -> str:
    """A ModelsLab trained model id: ``finetune_list`` returns only these."""
    return f"FFN5cgfrRdxXIJqZ{n:04d}"


def public_model(n: int, **extra: Any) -> Record:
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


def _trained_envelope(records: list[Any], info: PageInfo) -> Any:
    del info
    return {"status": "success", "messege": "model list", "data": records}


def _public_envelope(records: list[Any], info: PageInfo) -> Any:
    del info
    return records


ROUTES = (
    Route(
        "modelslab-trained",
        "POST",
        "/api/v3/finetune_list",
        Single(),
        _trained_envelope,
        trained_id,
        record_id=str,
        named=lambda _, text: text,  # an id is all it has
        shows=("id",),
        invalid=lambda record_id: Invalid(  # an object where the spec lists id strings
            {"model_id": record_id}, "$.data[1]", "Expected `str`, got `object`", quotes_id=False
        ),
    ),
    Route(
        "modelslab-public",
        "POST",
        "/api/v4/dreambooth/model_list",
        Single(),
        _public_envelope,
        public_model,
        record_id=lambda record: str(record["model_id"]),
        named=lambda n, text: public_model(n, model_name=text, description=text),
        shows=("name", "description"),
        invalid=lambda record_id: Invalid(
            public_model(1, model_id=record_id, model_name=["not", "a", "name"]),
            "$[1].model_name",
            "Expected `str`, got `array`",
        ),
    ),
)
AUTH = BodyKey()
CREDENTIALS = {"api_key": "ml-key-0001"}
EVERY_FILTER: dict[str, Any] = {}  # its list operations take no filters (the key travels in the body)
#: Prism's dynamic mode gives the finetune list a random ``status`` (the example's "success" is
#: ignored): ModelsLab's own error by design (tests/properties and tests/hostile cover it), so
#: the contract tests' dynamic listings of ModelsLab are of its public list
DYNAMIC_OPERATION = "POST /api/v4/dreambooth/model_list"
