"""The generated Scenario client against the SDK page's example response, made realistic.

Payloads: ``tests/fixtures/payloads/scenario/list_models.json`` is the example of
docs.scenario.com's Python SDK reference (``models.list``) with real-looking values in
place of the placeholders ("createdAt": "createdAt" is not a date); ``list_models_off_spec.json``
is a page from a Scenario that shipped things after our spec: a 38th model type, a new
capability, new statuses and new fields.
"""

from __future__ import annotations

import base64
import inspect
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import yaml
from modelcatalog_generated.scenario import AuthenticatedClient, Client
from modelcatalog_generated.scenario.api.models import list_models
from modelcatalog_generated.scenario.models import (
    ErrorResponse,
    ListModelsPrivacy,
    ListModelsResponse,
    ListModelsSortBy,
    Model,
    ModelAccessRestrictions,
    ModelCapabilitiesItem,
    ModelClass,
    ModelClassStatus,
    ModelEpoch,
    ModelEpochAsset,
    ModelInputKind,
    ModelInputType,
    ModelPerformanceStatsVariantArenaScore,
    ModelPrivacy,
    ModelSource,
    ModelStatus,
    ModelTrainingProgress,
    ModelTrainingProgressStage,
    ModelTrainingStats,
    ModelType,
    ModelUiConfigTriggerGeneratePosition,
)
from modelcatalog_generated.scenario.types import UNSET, Unset

SPECS = Path(__file__).resolve().parents[2] / "specs" / "scenario"
BASE_URL = "http://127.0.0.1:9/v1"
API_KEY = "sk_test_key"
API_SECRET = "sk_test_secret"


def _client(served) -> AuthenticatedClient:
    """Basic auth the way Scenario wants it: the key is the user, the secret the password."""
    token = base64.b64encode(f"{API_KEY}:{API_SECRET}".encode()).decode()
    return AuthenticatedClient(
        base_url=BASE_URL, token=token, prefix="Basic", httpx_args={"transport": served.transport}
    )


def _page(served, **params) -> ListModelsResponse:
    with _client(served) as client:
        response = list_models.sync_detailed(client=client, **params)
    assert response.status_code == 200
    assert isinstance(response.parsed, ListModelsResponse)
    return response.parsed


def test_documented_example_parses_into_typed_models(payload, serve) -> None:
    page = _page(serve(payload("scenario", "list_models.json")))

    assert page.next_pagination_token == "eyJpZCI6Im1vZGVsX2V5VmNuRkpjUjkyQnhCa3o3TjZnNXcifQ"
    assert [type(m) for m in page.models] == [Model, Model]
    model = page.models[0]
    assert model.id == "model_eyVcnFJcR92BxBkz7N6g5w"
    assert model.name == "Cinematic Realism"
    # camelCase on the wire, snake_case attributes
    assert model.collection_ids == ["collection_Zq4mYt8rQ1aB2cD3eF4gH5"]
    assert model.example_asset_ids == ["asset_7QdTrVx3Lw9mPn2Kc8Hj4s"]
    assert model.training_images_number == 24
    assert model.author_id == "user_VFhihHKMRZyDDnZAJwLb2Q"
    assert model.owner_id == "team_VFhihHKMRZyDDnZAJwLb2Q"
    assert model.parent_model_id == "flux.1-dev"
    assert model.compliant_model_ids == ["flux.1-dev", "flux.1-schnell"]
    assert model.short_description == "This model generates highly detailed cinematic scenes."
    assert model.negative_prompt_embedding == "blurry, low quality"
    # known enum values become the typed enums
    assert model.type_ is ModelType.FLUX_1_LORA
    assert model.capabilities == [
        ModelCapabilitiesItem.TXT2IMG,
        ModelCapabilitiesItem.IMG2IMG,
        ModelCapabilitiesItem.TXT2IMG_IP_ADAPTER,
    ]
    assert all(isinstance(c, ModelCapabilitiesItem) for c in model.capabilities)
    assert model.privacy is ModelPrivacy.PRIVATE
    assert model.source is ModelSource.SCENARIO
    assert model.status is ModelStatus.TRAINED
    assert model.access_restrictions is ModelAccessRestrictions.VALUE_25
    assert model.additional_properties == {}


def test_date_time_fields_are_aware_datetimes(payload, serve) -> None:
    first, second = _page(serve(payload("scenario", "list_models.json"))).models

    assert first.created_at == datetime(2023, 2, 3, 11, 19, 41, 579000, tzinfo=UTC)
    assert first.updated_at == datetime(2024, 6, 11, 8, 2, 13, tzinfo=UTC)
    assert first.soft_deletion_on == datetime(2024, 12, 31, 23, 59, 59, tzinfo=UTC)
    assert first.training_images[0].created_at == datetime(2023, 2, 3, 11, 20, 5, 120000, tzinfo=UTC)
    assert isinstance(first.training_stats, ModelTrainingStats)
    assert first.training_stats.started_at == datetime(2023, 2, 3, 11, 20, 10, tzinfo=UTC)
    assert first.training_stats.ended_at == datetime(2023, 2, 3, 11, 48, 12, tzinfo=UTC)
    variant = first.performance_stats.variants[0]
    assert variant.computed_at == datetime(2024, 6, 10, tzinfo=UTC)
    assert isinstance(variant.arena_score, ModelPerformanceStatsVariantArenaScore)
    assert variant.arena_score.fetched_at == datetime(2024, 6, 9, 12, 30, tzinfo=UTC)
    # an offset other than Z is kept, not dropped
    assert second.updated_at == datetime(2024, 8, 2, 10, 15, tzinfo=timezone(timedelta(hours=2)))
    assert second.updated_at.utcoffset() == timedelta(hours=2)
    # the spec types trainingProgress times as numbers (epoch ms): they stay numbers
    assert first.training_progress.updated_at == 1675423300000


def test_nested_objects_are_typed(payload, serve) -> None:
    model = _page(serve(payload("scenario", "list_models.json"))).models[0]

    assert isinstance(model.class_, ModelClass)
    assert model.class_.concept_prompt == "a sks character design"
    assert model.class_.model_id == "stable-diffusion-v1-5"
    assert model.class_.status is ModelClassStatus.PUBLISHED

    assert [type(e) for e in model.epochs] == [ModelEpoch, ModelEpoch]
    assert [e.epoch for e in model.epochs] == ["000010", "000012"]
    asset = model.epochs[1].assets[0]
    assert isinstance(asset, ModelEpochAsset)
    assert asset.asset_id == "asset_Ep12aBcDeFgHiJkLmNoPqR"

    progress = model.training_progress
    assert isinstance(progress, ModelTrainingProgress)
    assert progress.stage is ModelTrainingProgressStage.RUNNING_TRAIN
    assert progress.remaining_time_ms == 180000
    assert progress.progress == 0.42

    model_input = model.inputs[0]
    assert model_input.type_ is ModelInputType.STRING
    assert model_input.kind is ModelInputKind.IMAGE
    assert model_input.model_types == [ModelType.FLUX_1_LORA, ModelType.CUSTOM]
    assert model_input.prompt_spark is True
    assert model.concepts[0].model_epoch == "000010"
    assert model.parameters.learning_rate_text_encoder == 0.0005
    assert model.parameters.num_u_net_train_steps == 2000
    assert model.ui_config.trigger_generate.position is ModelUiConfigTriggerGeneratePosition.BOTTOM
    assert model.ui_config.resolution_component.presets[0].width == 1024


def test_absent_optional_fields_are_unset(payload, serve) -> None:
    base_model = _page(serve(payload("scenario", "list_models.json"))).models[1]

    assert base_model.id == "flux.1-dev"
    assert base_model.privacy is ModelPrivacy.PUBLIC
    assert base_model.source is ModelSource.HUGGINGFACE
    for name in ("class_", "epochs", "training_progress", "soft_deletion_on", "author_id"):
        assert isinstance(getattr(base_model, name), Unset), name


def test_values_and_fields_added_after_the_spec_are_kept(payload, serve) -> None:
    model = _page(serve(payload("scenario", "list_models_off_spec.json"))).models[0]

    # a 38th model type is kept as the plain string it came as
    assert model.type_ == "flux.3-foo"
    assert type(model.type_) is str
    # a new capability next to a known one: each keeps its own type
    assert model.capabilities == [ModelCapabilitiesItem.TXT2IMG, "txt2hologram"]
    assert type(model.capabilities[1]) is str
    assert model.privacy is ModelPrivacy.UNLISTED
    assert model.status == "archived"
    assert type(model.status) is str
    assert model.class_.status == "retired"
    assert type(model.class_.status) is str
    assert model.training_progress.stage == "post-processing"
    assert type(model.training_progress.stage) is str
    # fields the spec does not list are kept, at every level
    assert model.additional_properties == {"popularityScore": 0.93}
    assert model.class_.additional_properties == {"curatedBy": "scenario-team"}


def test_last_page_has_no_pagination_token(payload, serve) -> None:
    page = _page(serve(payload("scenario", "list_models_off_spec.json")))

    assert isinstance(page.next_pagination_token, Unset)


def test_request_path_auth_and_default_query(payload, serve) -> None:
    served = serve(payload("scenario", "list_models.json"))
    _page(served)

    request = served.request
    assert request.method == "GET"
    assert request.url.path == "/v1/models"
    scheme, _, token = request.headers["Authorization"].partition(" ")
    assert scheme == "Basic"
    assert base64.b64decode(token).decode() == f"{API_KEY}:{API_SECRET}"
    # pageSize's default goes out; privacy's does not (the overlay removed it, see below)
    assert dict(request.url.params) == {"pageSize": "100"}


def test_query_parameters_use_wire_names(payload, serve) -> None:
    served = serve(payload("scenario", "list_models.json"))
    _page(
        served,
        page_size=500,
        pagination_token="tok-2",
        privacy=ListModelsPrivacy.PUBLIC,
        sort_by=ListModelsSortBy.CREATEDAT,
        type_=ModelType.FLUX_1_LORA,
        created_after=datetime(2024, 1, 1, tzinfo=UTC),
    )

    assert dict(served.request.url.params) == {
        "pageSize": "500",
        "paginationToken": "tok-2",
        "privacy": "public",
        "sortBy": "createdAt",
        "type": "flux.1-lora",
        "createdAfter": "2024-01-01T00:00:00+00:00",
    }


def test_list_parameters_are_repeated_not_comma_joined(payload, serve) -> None:
    """The spec says ``explode: false`` (``types=a,b``); the generator ignores it.

    This is why the wrapper's Scenario adapter joins ``types``, ``tags`` and
    ``collectionIds`` itself: if the generator learns ``explode``, this test says so.
    """
    served = serve(payload("scenario", "list_models.json"))
    _page(served, types=[ModelType.FLUX_1, ModelType.CUSTOM])

    assert served.request.url.params.get_list("types") == ["flux.1", "custom"]


def test_privacy_default_is_not_sent() -> None:
    """The published document defaults privacy to "private"; sent always, it would hide public models."""
    upstream = yaml.safe_load((SPECS / "upstream.yaml").read_text(encoding="utf-8"))
    derived = yaml.safe_load((SPECS / "openapi.yaml").read_text(encoding="utf-8"))

    def privacy(document: dict) -> dict:
        (parameter,) = [p for p in document["paths"]["/models"]["get"]["parameters"] if p["name"] == "privacy"]
        return parameter["schema"]

    assert privacy(upstream)["default"] == "private"
    assert "default" not in privacy(derived)
    for function in (list_models.sync_detailed, list_models.asyncio_detailed, list_models.sync):
        assert inspect.signature(function).parameters["privacy"].default is UNSET


def test_model_type_enum_lists_the_37_documented_types() -> None:
    derived = yaml.safe_load((SPECS / "openapi.yaml").read_text(encoding="utf-8"))

    assert len(ModelType) == 37
    assert {t.value for t in ModelType} == set(derived["components"]["schemas"]["ModelType"]["enum"])
    assert {"sd-1_5", "flux.2-klein-base-9b-edit-lora", "gpt-image-1", "elevenlabs-voice"} <= {
        t.value for t in ModelType
    }


def test_error_status_parses_the_error_body(serve) -> None:
    served = serve({"message": "Unauthorized", "requestId": "req_123"}, status=401)
    with Client(base_url=BASE_URL, httpx_args={"transport": served.transport}) as client:
        response = list_models.sync_detailed(client=client)

    assert response.status_code == 401
    assert isinstance(response.parsed, ErrorResponse)
    assert response.parsed.message == "Unauthorized"
    assert response.parsed.additional_properties == {"requestId": "req_123"}
    assert "Authorization" not in served.request.headers


async def test_async_listing_matches_sync(payload, serve) -> None:
    served = serve(payload("scenario", "list_models_off_spec.json"))
    async with _client(served) as client:
        response = await list_models.asyncio_detailed(client=client, pagination_token="tok-3")

    assert response.status_code == 200
    assert isinstance(response.parsed, ListModelsResponse)
    model = response.parsed.models[0]
    assert model.type_ == "flux.3-foo"
    assert model.created_at == datetime(2026, 1, 15, 10, tzinfo=UTC)
    assert served.request.url.path == "/v1/models"
    assert dict(served.request.url.params) == {"pageSize": "100", "paginationToken": "tok-3"}
    assert served.request.headers["Authorization"].startswith("Basic ")
