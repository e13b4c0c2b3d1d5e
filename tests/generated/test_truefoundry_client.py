"""The generated TrueFoundry client against payloads built from its published schema.

TrueFoundry's page prints the schema but no example response, so
``tests/fixtures/payloads/truefoundry/list_models.json`` fills every property of that
schema with real-looking values (a transformers model, an sklearn model, a model with no
version yet); ``list_models_off_spec.json`` carries a framework and a model source the
spec does not list (``vllm``, ``huggingface-hub``), a new subject type and a new field.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from modelcatalog_generated.truefoundry import AuthenticatedClient
from modelcatalog_generated.truefoundry.api.models import list_models_v1_models_get as list_models
from modelcatalog_generated.truefoundry.models import (
    ExternalBlobStorageSource,
    FastAIFramework,
    GluonFramework,
    H2OFramework,
    HTTPValidationError,
    InferMethodName,
    KerasFramework,
    LibraryName,
    LightGBMFramework,
    ListModelsResponse,
    LocalModelSource,
    Metric,
    Model,
    ModelManifest,
    ModelManifestFrameworkUnknown,
    ModelManifestSourceUnknown,
    ModelManifestType,
    ModelType,
    ModelVersion,
    ModelVersionEnvironment,
    ONNXFramework,
    PaddleFramework,
    Pagination,
    PyTorchFramework,
    SklearnFramework,
    SklearnModelSchema,
    SklearnSerializationFormat,
    SpaCyFramework,
    StatsModelsFramework,
    Subject,
    SubjectType,
    TensorFlowFramework,
    TransformersFramework,
    TrueFoundryManagedSource,
    XGBoostFramework,
)
from modelcatalog_generated.truefoundry.types import Unset

BASE_URL = "http://127.0.0.1:9"
TOKEN = "tfy-test-token"


def _page(served, **params) -> ListModelsResponse:
    with AuthenticatedClient(base_url=BASE_URL, token=TOKEN, httpx_args={"transport": served.transport}) as client:
        response = list_models.sync_detailed(client=client, **params)
    assert response.status_code == 200
    assert isinstance(response.parsed, ListModelsResponse)
    return response.parsed


def test_documented_schema_parses_into_typed_models(payload, serve) -> None:
    page = _page(serve(payload("truefoundry", "list_models.json")))

    assert isinstance(page.pagination, Pagination)
    assert (page.pagination.total, page.pagination.offset, page.pagination.limit) == (57, 0, 3)
    assert [type(m) for m in page.data] == [Model, Model, Model]
    model = page.data[0]
    assert model.fqn == "model:acme/support-bots/llama-3-8b-support"
    assert model.type_ is ModelType.MODEL
    assert model.run_steps == [0, 1200]
    # camelCase wire names inside Subject, snake_case attributes
    subject = model.created_by_subject
    assert isinstance(subject, Subject)
    assert subject.subject_id == "u-7f3e2a"
    assert subject.subject_type is SubjectType.USER
    assert subject.subject_display_name == "Jane Doe"
    assert subject.subject_pat_name is None
    assert isinstance(subject.subject_controller_name, Unset)
    assert model.additional_properties == {}


def test_date_time_fields_are_aware_datetimes(payload, serve) -> None:
    model = _page(serve(payload("truefoundry", "list_models.json"))).data[0]

    assert model.created_at == datetime(2025, 3, 4, 9, 12, 45, 123456, tzinfo=UTC)
    assert model.updated_at == datetime(2025, 3, 18, 16, 40, 2, tzinfo=UTC)
    assert model.latest_version.created_at == datetime(2025, 3, 18, 16, 40, 1, 500000, tzinfo=UTC)
    # Metric.timestamp is epoch milliseconds in the spec (an integer), not a date-time
    assert model.latest_version.metrics[0].timestamp == 1742316001000


def test_latest_version_manifest_is_typed(payload, serve) -> None:
    llm, classifier, _ = _page(serve(payload("truefoundry", "list_models.json"))).data

    version = llm.latest_version
    assert isinstance(version, ModelVersion)
    assert version.version_alias == "v1.2.0"
    assert version.deployable is True
    assert version.created_by_subject.subject_type is SubjectType.SERVICEACCOUNT
    assert [type(m) for m in version.metrics] == [Metric]
    assert version.metrics[0].value == 0.412
    manifest = version.manifest
    assert isinstance(manifest, ModelManifest)
    assert manifest.type_ is ModelManifestType.MODEL_VERSION
    assert manifest.version == 3
    assert manifest.metadata.additional_properties == {"business-unit": "support", "quality": "good", "rating": 4.5}
    assert isinstance(manifest.framework, TransformersFramework)
    assert manifest.framework.library_name is LibraryName.TRANSFORMERS
    assert manifest.framework.pipeline_tag == "text-generation"
    assert manifest.framework.base_model == "meta-llama/Meta-Llama-3-8B-Instruct"
    assert isinstance(manifest.source, TrueFoundryManagedSource)
    assert manifest.source.uri.startswith("s3://")
    assert isinstance(manifest.environment, ModelVersionEnvironment)
    assert manifest.environment.pip_packages == ["transformers==4.44.2", "torch==2.4.0"]

    framework = classifier.latest_version.manifest.framework
    assert isinstance(framework, SklearnFramework)
    assert framework.serialization_format is SklearnSerializationFormat.JOBLIB
    assert isinstance(framework.model_schema, SklearnModelSchema)
    assert framework.model_schema.infer_method_name is InferMethodName.PREDICT_PROBA
    assert framework.model_schema.inputs[0].additional_properties == {"name": "tenure_months", "type": "integer"}
    assert isinstance(classifier.latest_version.manifest.source, ExternalBlobStorageSource)


def test_model_without_versions_has_no_latest_version(payload, serve) -> None:
    empty = _page(serve(payload("truefoundry", "list_models.json"))).data[2]

    assert empty.name == "draft-model"
    assert isinstance(empty.latest_version, Unset)
    assert isinstance(empty.created_at, Unset)


FRAMEWORKS = {
    "transformers": TransformersFramework,
    "tensorflow": TensorFlowFramework,
    "sklearn": SklearnFramework,
    "pytorch": PyTorchFramework,
    "keras": KerasFramework,
    "xgboost": XGBoostFramework,
    "lightgbm": LightGBMFramework,
    "fastai": FastAIFramework,
    "h2o": H2OFramework,
    "onnx": ONNXFramework,
    "spacy": SpaCyFramework,
    "statsmodels": StatsModelsFramework,
    "gluon": GluonFramework,
    "paddle": PaddleFramework,
}
SOURCES = {
    "truefoundry": (TrueFoundryManagedSource, {"uri": "s3://bucket/m/1/"}),
    "external": (ExternalBlobStorageSource, {"uri": "wasbs://c@a.blob.core.windows.net/m/"}),
    "local": (LocalModelSource, {"file_or_folder": "./model"}),
}


def _with_manifest(body: dict, **manifest: object) -> dict:
    body["data"][0]["latest_version"]["manifest"].update(manifest)
    return body


@pytest.mark.parametrize(("tag", "cls"), FRAMEWORKS.items(), ids=FRAMEWORKS)
def test_each_framework_tag_picks_its_class(payload, serve, tag, cls) -> None:
    """openapi-python-client ignores discriminators and tries variants in order: closed tags keep them apart."""
    body = _with_manifest(payload("truefoundry", "list_models.json"), framework={"type": tag})
    framework = _page(serve(body)).data[0].latest_version.manifest.framework

    assert type(framework) is cls
    assert framework.type_ == tag


@pytest.mark.parametrize("tag", SOURCES)
def test_each_source_tag_picks_its_class(payload, serve, tag) -> None:
    cls, fields = SOURCES[tag]
    body = _with_manifest(payload("truefoundry", "list_models.json"), source={"type": tag, **fields})
    source = _page(serve(body)).data[0].latest_version.manifest.source

    assert type(source) is cls


def test_frameworks_and_sources_added_later_are_kept_whole(payload, serve) -> None:
    model = _page(serve(payload("truefoundry", "list_models_off_spec.json"))).data[0]

    manifest = model.latest_version.manifest
    assert type(manifest.framework) is ModelManifestFrameworkUnknown
    assert manifest.framework.additional_properties == {
        "type": "vllm",
        "tensor_parallel_size": 2,
        "quantization": "awq",
    }
    assert type(manifest.source) is ModelManifestSourceUnknown
    assert manifest.source.additional_properties == {
        "type": "huggingface-hub",
        "repo_id": "Qwen/Qwen2.5-7B-Instruct",
        "revision": "main",
    }
    # an unknown subject type is kept as a plain string, an unknown field in additional_properties
    assert model.created_by_subject.subject_type == "workload-identity"
    assert type(model.created_by_subject.subject_type) is str
    assert model.additional_properties == {"favorite": True}
    assert model.created_at == datetime(2026, 2, 1, 12, tzinfo=UTC)


def test_unknown_values_inside_a_known_framework_are_kept(payload, serve) -> None:
    framework = {
        "type": "transformers",
        "library_name": "peft",
        "pipeline_tag": "text-generation",
        "chat_template": "chatml",
    }
    body = _with_manifest(payload("truefoundry", "list_models.json"), framework=framework)
    parsed = _page(serve(body)).data[0].latest_version.manifest.framework

    assert type(parsed) is TransformersFramework
    assert parsed.library_name == "peft"
    assert type(parsed.library_name) is str
    assert parsed.additional_properties == {"chat_template": "chatml"}


def test_request_path_auth_and_default_query(payload, serve) -> None:
    served = serve(payload("truefoundry", "list_models.json"))
    _page(served)

    request = served.request
    assert request.method == "GET"
    assert request.url.path == "/api/ml/v1/models"
    assert request.headers["Authorization"] == f"Bearer {TOKEN}"
    # the spec's defaults go out with every request
    assert dict(request.url.params) == {"offset": "0", "include_empty_models": "true"}


def test_query_parameters(payload, serve) -> None:
    served = serve(payload("truefoundry", "list_models.json"))
    _page(served, offset=20, limit=10, ml_repo_id="1a2b3c4d", name="churn-classifier", include_empty_models=False)

    assert dict(served.request.url.params) == {
        "offset": "20",
        "limit": "10",
        "ml_repo_id": "1a2b3c4d",
        "name": "churn-classifier",
        "include_empty_models": "false",
    }


def test_validation_error_is_typed(serve) -> None:
    body = {"detail": [{"loc": ["query", "limit"], "msg": "Input should be a valid integer", "type": "int_parsing"}]}
    served = serve(body, status=422)
    with AuthenticatedClient(base_url=BASE_URL, token=TOKEN, httpx_args={"transport": served.transport}) as client:
        response = list_models.sync_detailed(client=client)

    assert response.status_code == 422
    assert isinstance(response.parsed, HTTPValidationError)
    assert response.parsed.detail[0].loc == ["query", "limit"]
    assert response.parsed.detail[0].type_ == "int_parsing"


async def test_async_listing_matches_sync(payload, serve) -> None:
    served = serve(payload("truefoundry", "list_models_off_spec.json"))
    async with AuthenticatedClient(
        base_url=BASE_URL, token=TOKEN, httpx_args={"transport": served.transport}
    ) as client:
        response = await list_models.asyncio_detailed(client=client, limit=10)

    assert isinstance(response.parsed, ListModelsResponse)
    assert type(response.parsed.data[0].latest_version.manifest.framework) is ModelManifestFrameworkUnknown
    assert served.request.url.path == "/api/ml/v1/models"
    assert served.request.url.params["limit"] == "10"
    assert served.request.headers["Authorization"] == f"Bearer {TOKEN}"
