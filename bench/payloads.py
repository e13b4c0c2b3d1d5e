"""Records shaped like each provider's real ones: nested, most optional fields absent, real string lengths.

Each provider has a few hundred pre-serialized variants, each split at its id, so record
number ``i`` is ``prefix + id(i) + suffix``: a page of any size is one ``bytes.join``, ids
are unique across 200,000 records, and the server never serializes JSON while timed.
Shapes follow ``specs/<provider>/openapi.yaml`` and the examples in the provider docs;
every record decodes on modelcatalog's fast path (no unknown fields or enum values),
and also validates with the official SDKs' pydantic models.
"""

from __future__ import annotations

import json
import random
import string
from functools import cache

from modelcatalog.pagination import SinglePageStyle
from modelcatalog.providers import NAMES
from modelcatalog.providers import PROVIDERS as SPECS

VARIANTS = 400
_ID = "\x00ID\x00"

_WORDS = (  # noqa: SIM905 - a sentence reads better than 40 quoted words
    "cinematic realism anime watercolor pixel art isometric low poly character portrait sketch ink "
    "fantasy landscape concept sci-fi props icons vintage poster studio product photo retro neon "
    "claymation stylized game asset texture tileable environment hero logo mascot"
).split()


def _chance(rng: random.Random, probability: float) -> bool:
    return rng.random() < probability


def _words(rng: random.Random, low: int, high: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(rng.randint(low, high)))


def _token(rng: random.Random, length: int, alphabet: str = string.ascii_letters + string.digits) -> str:
    return "".join(rng.choice(alphabet) for _ in range(length))


def _iso(rng: random.Random) -> str:
    return (
        f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T"
        f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}.{rng.randint(0, 999):03d}Z"
    )


def _signed_url(rng: random.Random, asset: str) -> str:
    return (
        f"https://cdn.cloud.scenario.com/assets/{asset}?p=100&Policy={_token(rng, 96)}"
        f"&Key-Pair-Id=K36FIXOIVH9XQ2&Signature={_token(rng, 64)}"
    )


_SCENARIO_TYPES = ("flux.1-lora", "sd-xl-lora", "flux.1-kontext-lora", "qwen-image-lora", "custom", "flux.1")
_CAPABILITIES = ("txt2img", "img2img", "controlnet", "inpaint", "reference", "controlnet_img2img")


def _scenario(rng: random.Random) -> dict[str, object]:
    """A private team model: most are trained LoRAs with a handful of training images."""
    trained = _chance(rng, 0.8)
    kind = rng.choice(_SCENARIO_TYPES)
    record: dict[str, object] = {
        "id": _ID,
        "capabilities": rng.sample(_CAPABILITIES, rng.randint(1, 4)),
        "collectionIds": [f"collection_{_token(rng, 22)}" for _ in range(rng.randint(0, 2))],
        "createdAt": _iso(rng),
        "custom": False,
        "exampleAssetIds": [f"asset_{_token(rng, 22)}" for _ in range(rng.randint(0, 4))],
        "privacy": rng.choice(("private", "private", "unlisted")),
        "source": "scenario",
        "status": "trained" if trained else rng.choice(("new", "training", "failed")),
        "tags": [rng.choice(_WORDS) for _ in range(rng.randint(0, 5))],
        "trainingImagesNumber": 0,
        "type": kind,
        "updatedAt": _iso(rng),
        "authorId": _token(rng, 28),
        "ownerId": f"team_{_token(rng, 22)}",
        "userId": _token(rng, 28),
        "name": _words(rng, 2, 4).title(),
        "accessRestrictions": rng.choice((0, 25)),
    }
    if _chance(rng, 0.4):
        record["shortDescription"] = _words(rng, 8, 24).capitalize() + "."
    if trained:
        images = [
            {
                "id": _token(rng, 22),
                "automaticCaptioning": _words(rng, 6, 18),
                "createdAt": _iso(rng),
                "description": "",
                "downloadUrl": _signed_url(rng, f"asset_{_token(rng, 22)}"),
                "name": f"{_token(rng, 10)}.png",
            }
            for _ in range(rng.randint(3, 12))
        ]
        record["trainingImages"] = images
        record["trainingImagesNumber"] = len(images)
        record["thumbnail"] = {"assetId": f"asset_{_token(rng, 22)}", "url": _signed_url(rng, "thumb")}
        record["parameters"] = {
            "learningRate": rng.choice((0.0001, 0.0004, 0.00005)),
            "maxTrainSteps": rng.choice((500, 1000, 1500, 2000)),
            "nbEpochs": rng.randint(5, 20),
            "nbRepeats": rng.randint(1, 10),
            "batchSize": rng.choice((1, 2, 4)),
            "rank": rng.choice((16, 32, 64)),
            "lrScheduler": rng.choice(("constant", "cosine", "linear")),
            "optimizeFor": rng.choice(("likeness", "all")),
            "seed": rng.randint(1, 2**31),
            "samplePrompts": [_words(rng, 5, 12) for _ in range(rng.randint(0, 3))],
        }
        record["trainingStats"] = {
            "startedAt": _iso(rng),
            "endedAt": _iso(rng),
            "queueDuration": rng.randint(5, 900),
            "trainDuration": rng.randint(300, 5400),
        }
        if _chance(rng, 0.5):
            epochs = [f"epoch_{n}" for n in range(1, rng.randint(2, 5))]
            record["epoch"] = epochs[-1]
            record["epochs"] = [
                {"epoch": e, "assets": [{"assetId": f"asset_{_token(rng, 22)}", "url": _signed_url(rng, "e")}]}
                for e in epochs
            ]
        if _chance(rng, 0.3):
            record["concepts"] = [
                {"modelId": f"model_{_token(rng, 22)}", "scale": round(rng.uniform(0.3, 1.2), 2)}
                for _ in range(rng.randint(1, 3))
            ]
    elif record["status"] == "training":
        record["trainingProgress"] = {
            "stage": "running-train",
            "updatedAt": 1.7e12 + rng.randint(0, 10**9),
            "progress": round(rng.random(), 3),
            "remainingTimeMs": rng.randint(10_000, 3_000_000),
            "startedAt": 1.7e12,
        }
    if kind == "custom" and _chance(rng, 0.5):
        record["inputs"] = [
            {"name": "prompt", "type": "string", "label": "Prompt", "required": {"always": True}},
            {"name": "numSamples", "type": "number", "min": 1, "max": 8, "step": 1, "default": 4},
            {"name": "image", "type": "file", "kind": "image", "label": "Reference image"},
        ]
    return record


def _tf_subject(rng: random.Random) -> dict[str, object]:
    name = _token(rng, 8, string.ascii_lowercase)
    return {
        "subjectId": _token(rng, 25, string.ascii_lowercase + string.digits),
        "subjectType": rng.choice(("user", "user", "serviceaccount")),
        "subjectSlug": f"{name}@example.com",
        "subjectDisplayName": name.title(),
    }


def _truefoundry(rng: random.Random) -> dict[str, object]:
    """A model in an ML repo; most carry their latest version with its manifest."""
    repo = f"{rng.choice(_WORDS)}-{rng.choice(_WORDS)}"
    name = f"{rng.choice(_WORDS)}-{rng.choice(_WORDS)}-{_token(rng, 6, string.ascii_lowercase + string.digits)}"
    repo_id = _token(rng, 25, string.ascii_lowercase + string.digits)
    subject = _tf_subject(rng)
    record: dict[str, object] = {
        "id": _ID,
        "ml_repo_id": repo_id,
        "type": "model",
        "name": name,
        "fqn": f"model:truefoundry/{repo}/{name}",
        "created_by_subject": subject,
        "created_at": _iso(rng),
        "updated_at": _iso(rng),
    }
    if _chance(rng, 0.85):
        version = rng.randint(1, 40)
        framework = rng.choice(
            (
                {"type": "transformers", "library_name": "transformers", "pipeline_tag": "text-generation"},
                {"type": "sklearn", "serialization_format": "joblib", "model_filepath": "model.joblib"},
                {"type": "pytorch"},
                {"type": "xgboost", "serialization_format": "json", "model_filepath": "model.json"},
            )
        )
        manifest: dict[str, object] = {
            "name": name,
            "metadata": {"business-unit": rng.choice(_WORDS), "rating": round(rng.uniform(1, 5), 1)},
            "ml_repo": repo,
            "type": "model-version",
            "source": {"type": "truefoundry", "uri": f"s3://tfy-{repo}/{repo_id}/{name}/{version}"},
            "framework": framework,
            "step": 0,
        }
        if _chance(rng, 0.5):
            manifest["description"] = _words(rng, 6, 20).capitalize() + "."
        if _chance(rng, 0.4):
            manifest["environment"] = {"python_version": "3.11", "pip_packages": ["torch==2.5.1", "numpy==2.1.3"]}
        latest: dict[str, object] = {
            "id": _token(rng, 25, string.ascii_lowercase + string.digits),
            "fqn": f"model:truefoundry/{repo}/{name}:{version}",
            "created_by_subject": subject,
            "manifest": manifest,
            "ml_repo_id": repo_id,
            "model_id": _token(rng, 25, string.ascii_lowercase + string.digits),
            "created_at": _iso(rng),
            "updated_at": _iso(rng),
            "tags": [rng.choice(_WORDS) for _ in range(rng.randint(0, 3))],
            "deployable": _chance(rng, 0.7),
        }
        if _chance(rng, 0.5):
            latest["metrics"] = [
                {
                    "key": key,
                    "value": round(rng.random(), 4),
                    "timestamp": 1_700_000_000_000 + rng.randint(0, 10**9),
                    "step": 0,
                }
                for key in rng.sample(("accuracy", "f1", "loss", "auc", "precision", "recall"), rng.randint(1, 4))
            ]
        record["latest_version"] = latest
        record["run_steps"] = [0]
    return record


def _openwebui(rng: random.Random) -> dict[str, object]:
    """A workspace model (a preset over a base model), as ``/api/v1/models/list`` returns it."""
    user_id = f"{_token(rng, 8, '0123456789abcdef')}-{_token(rng, 4, '0123456789abcdef')}-4a5b-8c9d-{_token(rng, 12, '0123456789abcdef')}"  # noqa: E501
    meta: dict[str, object] = {
        "profile_image_url": "/static/favicon.png",
        "description": _words(rng, 6, 24).capitalize() + ".",
        "capabilities": {"vision": _chance(rng, 0.5), "file_upload": True, "web_search": _chance(rng, 0.3)},
        "suggestion_prompts": None,
        "tags": [{"name": rng.choice(_WORDS)} for _ in range(rng.randint(0, 3))],
    }
    params: dict[str, object] = {}
    if _chance(rng, 0.6):
        params["system"] = _words(rng, 20, 80).capitalize() + "."
    if _chance(rng, 0.5):
        params["temperature"] = round(rng.uniform(0, 1.2), 2)
    record: dict[str, object] = {
        "id": _ID,
        "user_id": user_id,
        "base_model_id": rng.choice(("llama3.1:8b", "gpt-4o", "qwen2.5:14b", "mistral-nemo:12b")),
        "name": _words(rng, 1, 3).title(),
        "params": params,
        "meta": meta,
        "access_grants": [],
        "is_active": True,
        "updated_at": 1_730_000_000 + rng.randint(0, 10**7),
        "created_at": 1_720_000_000 + rng.randint(0, 10**7),
        "write_access": True,
        "user": {"id": user_id, "name": _words(rng, 2, 2).title(), "role": "admin", "email": "admin@example.com"},
    }
    if _chance(rng, 0.2):
        record["access_grants"] = [
            {
                "id": _token(rng, 36),
                "resource_type": "model",
                "resource_id": _token(rng, 20),
                "principal_type": "group",
                "principal_id": _token(rng, 36),
                "permission": "read",
                "created_at": 1_725_000_000,
            }
        ]
    return record


def _modelslab(rng: random.Random) -> dict[str, object]:
    """A public model as ``/api/v4/dreambooth/model_list`` returns it."""
    return {
        "model_id": _ID,
        "status": "model_ready",
        "created_at": _iso(rng).replace("T", " ")[:19],
        "instance_prompt": _words(rng, 0, 4) or None,
        "model_name": _words(rng, 2, 4).title(),
        "description": _words(rng, 5, 30).capitalize() + ".",
        "screenshots": f"https://pub-{_token(rng, 32, '0123456789abcdef')}.r2.dev/generations/{_token(rng, 36)}.png",
    }


def _openai(rng: random.Random) -> dict[str, object]:
    """A model as an OpenAI-compatible ``GET /models`` returns it (the documented fields only)."""
    return {
        "id": _ID,
        "object": "model",
        "created": rng.randint(1_600_000_000, 1_760_000_000),
        "owned_by": rng.choice(("system", "openai", "vllm", "organization-owner")),
    }


_BUILDERS = {
    "scenario": _scenario,
    "truefoundry": _truefoundry,
    "openwebui": _openwebui,
    "modelslab": _modelslab,
    "openai": _openai,
}
#: the providers the bench has records for, in the registry's order
PROVIDERS = tuple(name for name in NAMES if name in _BUILDERS)
#: those whose listing has pages (the rest answer in one response): listed at scale and by the command
PAGED = tuple(name for name in PROVIDERS if not isinstance(SPECS[name].operations[0].style, SinglePageStyle))


@cache
def variants(provider: str) -> tuple[tuple[bytes, bytes], ...]:
    """``(prefix, suffix)`` pairs: a record is ``prefix + id + suffix``."""
    rng = random.Random(f"modelcatalog-bench-{provider}")  # noqa: S311 - reproducible test data
    out = []
    for _ in range(VARIANTS):
        text = json.dumps(_BUILDERS[provider](rng), separators=(",", ":"))
        prefix, suffix = text.encode().split(json.dumps(_ID).encode()[1:-1], 1)
        out.append((prefix, suffix))
    return tuple(out)


def model_id(provider: str, index: int) -> str:
    """The id of record ``index``: unique, and as long as the provider's real ids."""
    if provider == "scenario":
        return f"model_{index:022d}"
    if provider == "truefoundry":
        return f"cm{index:023d}"
    if provider == "openwebui":
        return f"custom-model-{index:08d}"
    return f"ml-{index:010d}"


def record(provider: str, index: int) -> bytes:
    """Record ``index`` serialized."""
    prefix, suffix = variants(provider)[index % VARIANTS]
    return prefix + model_id(provider, index).encode() + suffix


def records(provider: str, start: int, stop: int) -> bytes:
    """Records ``start`` to ``stop`` as the inside of a JSON array."""
    table = variants(provider)
    return b",".join(
        table[index % VARIANTS][0] + model_id(provider, index).encode() + table[index % VARIANTS][1]
        for index in range(start, stop)
    )


def mean_size(provider: str) -> float:
    """Average serialized size of a record, in bytes."""
    table = variants(provider)
    return sum(len(p) + len(s) for p, s in table) / len(table) + len(model_id(provider, 0))
