"""Each provider's documented example -> ModelRecord, every field asserted, and valid against the schema."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import jsonschema
import msgspec
import pytest
from catalog_fakes import modelslab_public_record, openwebui_record, scenario_record, truefoundry_record
from modelcatalog.catalog import FIELD_SOURCES, ModelRecord, Owner, UnidentifiedRecordError, normalize
from modelcatalog.providers import PROVIDERS, openai
from modelcatalog.providers.modelslab import TrainedModel
from modelcatalog_generated.structs import modelslab, openwebui, scenario, truefoundry
from support.providers.openai import OPENROUTER_FIELDS, VLLM_FIELDS
from support.providers.openai import model as openai_record

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "specs/catalog/model-record.schema.json").read_text())
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())


def _validate(record: ModelRecord) -> dict:
    """The record's JSON form validates against the published schema; timestamps are UTC."""
    document = json.loads(msgspec.json.encode(record))
    VALIDATOR.validate(document)
    for key in ("created_at", "updated_at"):
        assert document[key] is None or document[key].endswith("Z"), document[key]
    return document


# Scenario: the SDK reference's example (scenario-list-models-python-sdk.md), with its
# placeholder strings replaced by values of the documented formats.
SCENARIO_EXAMPLE = {
    "id": "model_eyVcnFJcR92BxBkz7N6g5w",
    "capabilities": ["txt2img", "img2img", "txt2img_ip_adapter"],
    "collectionIds": ["collection_1"],
    "createdAt": "2023-02-03T11:19:41.579Z",
    "custom": True,
    "exampleAssetIds": ["asset_GTrL3mq4SXWyMxkOHRxlpw"],
    "privacy": "unlisted",
    "source": "civitai",
    "status": "trained",
    "tags": ["sci-fi", "landscape"],
    "trainingImagesNumber": 0,
    "type": "flux.1-lora",
    "updatedAt": "2023-02-04T08:00:00+02:00",
    "accessRestrictions": 0,
    "authorId": "user_VFhihHKMRZyDDnZAJwLb2Q",
    "name": "Cinematic Realism",
    "ownerId": "team_VFhihHKMRZyDDnZAJwLb2Q",
    "parentModelId": "flux.1-dev",
    "shortDescription": "This model generates highly detailed cinematic scenes.",
    "thumbnail": {"assetId": "asset_GTrL3mq4SXWyMxkOHRxlpw", "url": "https://cdn.example/thumb.png"},
}


def test_scenario_example() -> None:
    model = msgspec.convert(SCENARIO_EXAMPLE, scenario.Model)
    record = normalize("scenario", model)
    assert record == ModelRecord(
        provider="scenario",
        instance="scenario",
        id="model_eyVcnFJcR92BxBkz7N6g5w",
        name="Cinematic Realism",
        description="This model generates highly detailed cinematic scenes.",
        kind="flux.1-lora",
        base_model="flux.1-dev",
        status="trained",
        visibility="unlisted",
        owner=Owner(id="team_VFhihHKMRZyDDnZAJwLb2Q", name=None),
        created_at=datetime(2023, 2, 3, 11, 19, 41, 579000, tzinfo=UTC),
        updated_at=datetime(2023, 2, 4, 6, 0, tzinfo=UTC),
        tags=["sci-fi", "landscape"],
        capabilities=["txt2img", "img2img", "txt2img_ip_adapter"],
        context_length=None,
        version=None,
        url=None,
        fqn=None,
        namespace=None,
        source=model,
    )
    assert record.updated_at is not None
    assert record.updated_at.tzinfo is UTC
    document = _validate(record)
    assert document["source"]["parentModelId"] == "flux.1-dev"  # the provider's record, in its wire form


def test_scenario_minimal_record_and_unknown_privacy() -> None:
    raw = {
        k: v for k, v in SCENARIO_EXAMPLE.items() if k not in {"name", "ownerId", "parentModelId", "shortDescription"}
    }
    raw["privacy"] = "team-only"
    record = normalize("scenario", msgspec.convert(raw, scenario.Model))
    assert (record.name, record.description, record.base_model, record.visibility) == (None, None, None, None)
    assert record.owner == Owner(id="user_VFhihHKMRZyDDnZAJwLb2Q", name=None)  # authorId when no ownerId
    raw.pop("authorId")
    assert normalize("scenario", msgspec.convert(raw, scenario.Model)).owner is None
    _validate(record)


# TrueFoundry: shaped by the documented schema (truefoundry-list-models.md): a model with
# its latest version, manifest, Transformers framework and blob-storage source.
TRUEFOUNDRY_EXAMPLE = {
    "id": "0c6e4d52-1a2b-4b7c-9e1a-3f6a2b8d1c0e",
    "ml_repo_id": "b1a2c3d4-0000-4e5f-8a9b-0123456789ab",
    "type": "model",
    "name": "support-bot",
    "fqn": "model:acme/llm-repo/support-bot",
    "created_by_subject": {
        "subjectId": "u-42",
        "subjectType": "user",
        "subjectSlug": "jane@acme.example",
        "subjectDisplayName": "Jane Doe",
    },
    "created_at": "2024-03-01T09:30:00Z",
    "updated_at": "2024-03-02T10:00:00.250Z",
    "latest_version": {
        "id": "mv-7",
        "fqn": "model:acme/llm-repo/support-bot:3",
        "created_by_subject": {"subjectId": "u-42", "subjectType": "user"},
        "manifest": {
            "name": "support-bot",
            "metadata": {"quality": "good"},
            "ml_repo": "llm-repo",
            "version": 3,
            "type": "model-version",
            "description": "Fine-tuned for support tickets",
            "version_alias": "v1.2.0",
            "source": {"type": "external", "uri": "s3://acme-models/support-bot/3"},
            "framework": {
                "type": "transformers",
                "library_name": "transformers",
                "pipeline_tag": "text-generation",
                "base_model": "meta-llama/Llama-3.1-8B",
            },
        },
        "ml_repo_id": "b1a2c3d4-0000-4e5f-8a9b-0123456789ab",
        "model_id": "0c6e4d52-1a2b-4b7c-9e1a-3f6a2b8d1c0e",
        "tags": ["prod", "llm"],
        "deployable": True,
    },
}


def test_truefoundry_example() -> None:
    model = msgspec.convert(TRUEFOUNDRY_EXAMPLE, truefoundry.Model)
    record = normalize("truefoundry", model)
    assert record == ModelRecord(
        provider="truefoundry",
        instance="truefoundry",
        id="0c6e4d52-1a2b-4b7c-9e1a-3f6a2b8d1c0e",
        name="support-bot",
        description="Fine-tuned for support tickets",
        kind="transformers",
        base_model="meta-llama/Llama-3.1-8B",
        status=None,
        visibility=None,
        owner=Owner(id="u-42", name="Jane Doe"),
        created_at=datetime(2024, 3, 1, 9, 30, tzinfo=UTC),
        updated_at=datetime(2024, 3, 2, 10, 0, 0, 250000, tzinfo=UTC),
        tags=["prod", "llm"],
        capabilities=["text-generation"],
        context_length=None,
        version="3",
        url="s3://acme-models/support-bot/3",
        fqn="model:acme/llm-repo/support-bot",
        namespace="llm-repo",
        source=model,
    )
    _validate(record)


def test_truefoundry_model_without_versions() -> None:
    raw = {k: v for k, v in TRUEFOUNDRY_EXAMPLE.items() if k not in {"latest_version", "created_at", "updated_at"}}
    raw["created_by_subject"] = {"subjectId": "sa-1", "subjectType": "serviceaccount", "subjectSlug": "ci-bot"}
    record = normalize("truefoundry", msgspec.convert(raw, truefoundry.Model))
    assert record.owner == Owner(id="sa-1", name="ci-bot")
    none_fields = ("description", "kind", "base_model", "tags", "capabilities", "version", "url", "namespace")
    assert all(getattr(record, f) is None for f in none_fields)
    assert (record.created_at, record.updated_at) == (None, None)
    _validate(record)


# Open WebUI: the example response in openwebui-list-models.md, plus tags and grants.
OPENWEBUI_EXAMPLE = {
    "id": "gpt-4-custom",
    "user_id": "user123",
    "base_model_id": "gpt-4",
    "name": "Custom GPT-4",
    "params": {"temperature": 0.7, "max_tokens": 2000},
    "meta": {
        "profile_image_url": "/static/favicon.png",
        "description": "A customized GPT-4 model for specific tasks",
        "capabilities": {"vision": True, "function_calling": True, "citations": False},
        "tags": [{"name": "assistant"}, {"name": "gpt"}],
    },
    "access_grants": [],
    "is_active": True,
    "write_access": True,
    "user": {"id": "user123", "name": "John Doe", "role": "admin", "email": "john@example.com"},
    "created_at": 1704067200,
    "updated_at": 1704153600,
}


def test_openwebui_example() -> None:
    model = msgspec.convert(OPENWEBUI_EXAMPLE, openwebui.ModelAccessResponse)
    record = normalize("openwebui", model)
    assert record == ModelRecord(
        provider="openwebui",
        instance="openwebui",
        id="gpt-4-custom",
        name="Custom GPT-4",
        description="A customized GPT-4 model for specific tasks",
        kind=None,
        base_model="gpt-4",
        status="active",
        visibility="private",
        owner=Owner(id="user123", name="John Doe"),
        created_at=datetime(2024, 1, 1, tzinfo=UTC),
        updated_at=datetime(2024, 1, 2, tzinfo=UTC),
        tags=["assistant", "gpt"],
        capabilities=["vision", "function_calling"],
        context_length=None,
        version=None,
        url=None,
        fqn=None,
        namespace=None,
        source=model,
    )
    _validate(record)


def _grant(principal_type: str, principal_id: str, permission: str = "read") -> dict:
    return {
        "id": "g",
        "resource_type": "model",
        "resource_id": "gpt-4-custom",
        "principal_type": principal_type,
        "principal_id": principal_id,
        "permission": permission,
        "created_at": 1704067200,
    }


@pytest.mark.parametrize(
    ("grants", "visibility"),
    [
        ([], "private"),
        ([_grant("user", "*")], "public"),
        ([_grant("group", "g-1"), _grant("user", "*", "write")], "public"),
        ([_grant("group", "g-1")], "shared"),
        ([_grant("user", "user456")], "shared"),
        ([_grant("group", "*")], "shared"),  # only a user grant to "*" means everyone
        (None, None),  # no access_grants key: not said
    ],
)
def test_openwebui_visibility(grants: list | None, visibility: str | None) -> None:
    raw = {**OPENWEBUI_EXAMPLE, "access_grants": grants}
    if grants is None:
        raw.pop("access_grants")
    assert normalize("openwebui", msgspec.convert(raw, openwebui.ModelAccessResponse)).visibility == visibility


def test_openwebui_sparse_record() -> None:
    raw = {**OPENWEBUI_EXAMPLE, "meta": {}, "user": None, "is_active": False, "version_id": "ver-9"}
    raw.pop("base_model_id")
    record = normalize("openwebui", msgspec.convert(raw, openwebui.ModelAccessResponse))
    assert record.owner == Owner(id="user123", name=None)
    assert (record.description, record.tags, record.capabilities, record.base_model) == (None, None, None, None)
    assert (record.status, record.version) == ("inactive", "ver-9")
    _validate(record)


# ModelsLab: the examples in the published document (model-operation.openapi.json).
def test_modelslab_public_example() -> None:
    raw = {
        "model_id": "midjourney",
        "status": "model_ready",
        "created_at": None,
        "instance_prompt": "mdjrny-v4 style",
        "model_name": "MidJourney V4",
        "description": (
            "Openjourney is an open source Stable Diffusion fine tuned model on Midjourney images, by PromptHero"
        ),
        "screenshots": "https://d1okzptojspljx.cloudfront.net/generations/14853540911669470514.png",
    }
    model = msgspec.convert(raw, modelslab.PublicModel)
    record = normalize("modelslab", model)
    assert record == ModelRecord(
        provider="modelslab",
        instance="modelslab",
        id="midjourney",
        name="MidJourney V4",
        description=raw["description"],
        kind=None,
        base_model=None,
        status="model_ready",
        visibility="public",
        owner=None,
        created_at=None,
        updated_at=None,
        tags=None,
        capabilities=None,
        context_length=None,
        version=None,
        url=None,
        fqn=None,
        namespace=None,
        source=model,
    )
    _validate(record)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-05-01 10:00:00", datetime(2024, 5, 1, 10, tzinfo=UTC)),
        ("2024-05-01T10:00:00.000000Z", datetime(2024, 5, 1, 10, tzinfo=UTC)),
        ("2024-05-01T12:00:00+02:00", datetime(2024, 5, 1, 10, tzinfo=UTC)),
        ("2024-05-01", datetime(2024, 5, 1, tzinfo=UTC)),
        ("yesterday", None),
        ("", None),
        (None, None),
    ],
)
def test_modelslab_created_at(text: str | None, expected: datetime | None) -> None:
    model = msgspec.convert({"model_id": "m", "created_at": text}, modelslab.PublicModel)
    assert normalize("modelslab", model).created_at == expected


def test_modelslab_trained_has_an_id_and_nothing_else() -> None:
    model = TrainedModel("FFN5cgfrRdxXIJqZ0001")
    record = normalize("modelslab", model)
    document = _validate(record)
    assert document.pop("id") == "FFN5cgfrRdxXIJqZ0001"
    assert document.pop("provider") == document.pop("instance") == "modelslab"
    assert document.pop("source") == {"model_id": "FFN5cgfrRdxXIJqZ0001"}
    assert set(document.values()) == {None}


def test_modelslab_public_without_id_is_refused() -> None:
    with pytest.raises(UnidentifiedRecordError):
        normalize("modelslab", msgspec.convert({"model_name": "x"}, modelslab.PublicModel))


# OpenAI-compatible: OpenAI's documented example, then what compatible servers add (their
# extension fields arrive in ``extensions``: decoding puts every field the spec lacks there).
OPENAI_EXAMPLE = {"id": "model-id-2", "object": "model", "created": 1686935002, "owned_by": "openai"}


def _openai(extensions: dict | None = None, **fields: object) -> openai.Model:
    return msgspec.convert({**OPENAI_EXAMPLE, **fields, "extensions": extensions or {}}, openai.Model)


def test_openai_example() -> None:
    model = _openai(shutdown_date="2026-10-23")
    record = normalize("openai", model)
    assert record == ModelRecord(
        provider="openai",
        instance="openai",
        id="model-id-2",
        name=None,
        description=None,
        kind=None,
        base_model=None,
        status=None,
        visibility=None,
        owner=Owner(id="openai", name=None),
        created_at=datetime(2023, 6, 16, 17, 3, 22, tzinfo=UTC),
        updated_at=None,
        tags=None,
        capabilities=None,
        context_length=None,
        version=None,
        url=None,
        fqn=None,
        namespace=None,
        source=model,
    )
    _validate(record)


@pytest.mark.parametrize(
    ("extensions", "expected"),
    [
        (VLLM_FIELDS, {"context_length": 131072, "base_model": None}),
        (
            {**VLLM_FIELDS, "parent": "meta-llama/Llama-3.1-8B"},
            {"base_model": "meta-llama/Llama-3.1-8B", "context_length": 131072},
        ),
        (
            OPENROUTER_FIELDS,
            {
                "name": OPENROUTER_FIELDS["name"],
                "description": OPENROUTER_FIELDS["description"],
                "context_length": 131072,
            },
        ),
        (
            {"mode": "chat", "max_input_tokens": 8192, "max_output_tokens": 4096},
            {"kind": "chat", "context_length": 8192},
        ),
        (  # Open WebUI's /api/models: a workspace model on a base model, with its info
            {
                "name": "Atlas 001",
                "info": {"base_model_id": "llama3.2:3b", "meta": {"description": "for the tests"}},
                "tags": [{"name": "Chat"}, {"name": "code"}],
                "preset": True,
            },
            {
                "name": "Atlas 001",
                "description": "for the tests",
                "base_model": "llama3.2:3b",
                "tags": ["Chat", "code"],
            },
        ),
        (
            {"name": 7, "context_length": "long", "max_model_len": True, "info": [], "tags": "x"},
            {},
        ),  # wrong types: null
    ],
)
def test_openai_extension_fields(extensions: dict, expected: dict) -> None:
    record = normalize("openai", _openai(extensions))
    unset = ("name", "description", "kind", "base_model", "tags", "context_length")
    assert {field: getattr(record, field) for field in unset} == {field: expected.get(field) for field in unset}
    _validate(record)


@pytest.mark.parametrize(
    "raw",
    [
        {"id": "bare"},
        {"id": "nulls", "object": "model", "created": None, "owned_by": None},
        {"id": "arena", "object": "model", "created": 0, "owned_by": ""},  # Open WebUI's arena model: 0 and ""
    ],
)
def test_openai_record_without_created_or_owner_lists_with_nulls(raw: dict) -> None:
    record = normalize("openai", msgspec.convert(raw, openai.Model))
    assert (record.id, record.created_at, record.owner) == (raw["id"], None, None)
    _validate(record)


def test_wrong_record_type_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="no 'scenario' normalizer"):
        normalize("scenario", TrainedModel("x"))


@pytest.mark.parametrize("provider", list(FIELD_SOURCES))
def test_field_sources_cover_every_schema_property(provider: str) -> None:
    assert set(FIELD_SOURCES[provider]) == set(SCHEMA["properties"]) - {"provider", "instance", "source"}


def mapping_table() -> dict[str, dict[str, str]]:
    """The README's "Where each field comes from" table: provider -> field -> cell."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Where each field comes from", 1)[1]
    block = next(part for part in section.split("\n\n") if part.startswith("|"))  # the first table
    lines = block.splitlines()
    header, _, *rows = ([cell.strip() for cell in line.strip("|").split("|")] for line in lines)
    titles = {PROVIDERS[name].title: name for name in PROVIDERS}
    columns = [titles[cell.split(" (", 1)[0]] for cell in header[1:]]  # a column of an unknown provider: KeyError
    table: dict[str, dict[str, str]] = {name: {} for name in columns}
    for field, *cells in rows:
        if field == "`instance`":  # not the provider's: the client's name, so the same words in every column
            assert len(cells) == len(columns)
            assert len(set(cells)) == 1, cells
            continue
        for name, cell in zip(columns, cells, strict=True):
            table[name][field.strip("`")] = cell
    return table


def test_the_readme_mapping_table_says_what_field_sources_says() -> None:
    """Each column of the README's table is a provider's FIELD_SOURCES, cell for cell (a new provider may add one)."""
    table = mapping_table()
    assert table, "no provider columns found in the README's mapping table"
    for provider, column in table.items():
        assert column == dict(FIELD_SOURCES[provider]), provider


@pytest.mark.parametrize(
    ("provider", "struct", "factory"),
    [
        ("scenario", scenario.Model, scenario_record),
        ("truefoundry", truefoundry.Model, truefoundry_record),
        ("openwebui", openwebui.ModelAccessResponse, openwebui_record),
        ("modelslab", modelslab.PublicModel, modelslab_public_record),
        ("openai", openai.Model, openai_record),
    ],
)
def test_every_normalized_record_validates(provider: str, struct: type, factory) -> None:
    for n in range(40):
        _validate(normalize(provider, msgspec.convert(factory(n), struct)))
