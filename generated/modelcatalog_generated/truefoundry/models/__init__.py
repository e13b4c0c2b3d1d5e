"""Contains all the data models used in inputs/outputs"""
# modelcatalog's template: each model's module is imported on first use, so importing
# one model (or an endpoint module) does not import all of them.

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .external_blob_storage_source import ExternalBlobStorageSource
    from .external_blob_storage_source_type import ExternalBlobStorageSourceType
    from .fast_ai_framework import FastAIFramework
    from .fast_ai_framework_type import FastAIFrameworkType
    from .gluon_framework import GluonFramework
    from .gluon_framework_type import GluonFrameworkType
    from .h2o_framework import H2OFramework
    from .h2o_framework_type import H2OFrameworkType
    from .http_validation_error import HTTPValidationError
    from .infer_method_name import InferMethodName
    from .keras_framework import KerasFramework
    from .keras_framework_type import KerasFrameworkType
    from .library_name import LibraryName
    from .light_gbm_framework import LightGBMFramework
    from .light_gbm_framework_type import LightGBMFrameworkType
    from .list_models_response import ListModelsResponse
    from .local_model_source import LocalModelSource
    from .local_model_source_type import LocalModelSourceType
    from .metric import Metric
    from .model import Model
    from .model_manifest import ModelManifest
    from .model_manifest_framework_unknown import ModelManifestFrameworkUnknown
    from .model_manifest_metadata import ModelManifestMetadata
    from .model_manifest_source_unknown import ModelManifestSourceUnknown
    from .model_manifest_type import ModelManifestType
    from .model_type import ModelType
    from .model_version import ModelVersion
    from .model_version_environment import ModelVersionEnvironment
    from .onnx_framework import ONNXFramework
    from .onnx_framework_type import ONNXFrameworkType
    from .paddle_framework import PaddleFramework
    from .paddle_framework_type import PaddleFrameworkType
    from .pagination import Pagination
    from .py_torch_framework import PyTorchFramework
    from .py_torch_framework_type import PyTorchFrameworkType
    from .sklearn_framework import SklearnFramework
    from .sklearn_framework_type import SklearnFrameworkType
    from .sklearn_model_schema import SklearnModelSchema
    from .sklearn_model_schema_inputs_item import SklearnModelSchemaInputsItem
    from .sklearn_model_schema_outputs_item import SklearnModelSchemaOutputsItem
    from .sklearn_serialization_format import SklearnSerializationFormat
    from .spa_cy_framework import SpaCyFramework
    from .spa_cy_framework_type import SpaCyFrameworkType
    from .stats_models_framework import StatsModelsFramework
    from .stats_models_framework_type import StatsModelsFrameworkType
    from .subject import Subject
    from .subject_type import SubjectType
    from .tensor_flow_framework import TensorFlowFramework
    from .tensor_flow_framework_type import TensorFlowFrameworkType
    from .transformers_framework import TransformersFramework
    from .transformers_framework_type import TransformersFrameworkType
    from .true_foundry_managed_source import TrueFoundryManagedSource
    from .true_foundry_managed_source_type import TrueFoundryManagedSourceType
    from .validation_error import ValidationError
    from .xg_boost_framework import XGBoostFramework
    from .xg_boost_framework_type import XGBoostFrameworkType
    from .xg_boost_model_schema import XGBoostModelSchema
    from .xg_boost_model_schema_infer_method_name import XGBoostModelSchemaInferMethodName
    from .xg_boost_model_schema_inputs_item import XGBoostModelSchemaInputsItem
    from .xg_boost_model_schema_outputs_item import XGBoostModelSchemaOutputsItem
    from .xg_boost_serialization_format import XGBoostSerializationFormat

#: model name -> the module that defines it
_MODULES: dict[str, str] = {
    "ExternalBlobStorageSource": ".external_blob_storage_source",
    "ExternalBlobStorageSourceType": ".external_blob_storage_source_type",
    "FastAIFramework": ".fast_ai_framework",
    "FastAIFrameworkType": ".fast_ai_framework_type",
    "GluonFramework": ".gluon_framework",
    "GluonFrameworkType": ".gluon_framework_type",
    "H2OFramework": ".h2o_framework",
    "H2OFrameworkType": ".h2o_framework_type",
    "HTTPValidationError": ".http_validation_error",
    "InferMethodName": ".infer_method_name",
    "KerasFramework": ".keras_framework",
    "KerasFrameworkType": ".keras_framework_type",
    "LibraryName": ".library_name",
    "LightGBMFramework": ".light_gbm_framework",
    "LightGBMFrameworkType": ".light_gbm_framework_type",
    "ListModelsResponse": ".list_models_response",
    "LocalModelSource": ".local_model_source",
    "LocalModelSourceType": ".local_model_source_type",
    "Metric": ".metric",
    "Model": ".model",
    "ModelManifest": ".model_manifest",
    "ModelManifestFrameworkUnknown": ".model_manifest_framework_unknown",
    "ModelManifestMetadata": ".model_manifest_metadata",
    "ModelManifestSourceUnknown": ".model_manifest_source_unknown",
    "ModelManifestType": ".model_manifest_type",
    "ModelType": ".model_type",
    "ModelVersion": ".model_version",
    "ModelVersionEnvironment": ".model_version_environment",
    "ONNXFramework": ".onnx_framework",
    "ONNXFrameworkType": ".onnx_framework_type",
    "PaddleFramework": ".paddle_framework",
    "PaddleFrameworkType": ".paddle_framework_type",
    "Pagination": ".pagination",
    "PyTorchFramework": ".py_torch_framework",
    "PyTorchFrameworkType": ".py_torch_framework_type",
    "SklearnFramework": ".sklearn_framework",
    "SklearnFrameworkType": ".sklearn_framework_type",
    "SklearnModelSchema": ".sklearn_model_schema",
    "SklearnModelSchemaInputsItem": ".sklearn_model_schema_inputs_item",
    "SklearnModelSchemaOutputsItem": ".sklearn_model_schema_outputs_item",
    "SklearnSerializationFormat": ".sklearn_serialization_format",
    "SpaCyFramework": ".spa_cy_framework",
    "SpaCyFrameworkType": ".spa_cy_framework_type",
    "StatsModelsFramework": ".stats_models_framework",
    "StatsModelsFrameworkType": ".stats_models_framework_type",
    "Subject": ".subject",
    "SubjectType": ".subject_type",
    "TensorFlowFramework": ".tensor_flow_framework",
    "TensorFlowFrameworkType": ".tensor_flow_framework_type",
    "TransformersFramework": ".transformers_framework",
    "TransformersFrameworkType": ".transformers_framework_type",
    "TrueFoundryManagedSource": ".true_foundry_managed_source",
    "TrueFoundryManagedSourceType": ".true_foundry_managed_source_type",
    "ValidationError": ".validation_error",
    "XGBoostFramework": ".xg_boost_framework",
    "XGBoostFrameworkType": ".xg_boost_framework_type",
    "XGBoostModelSchema": ".xg_boost_model_schema",
    "XGBoostModelSchemaInferMethodName": ".xg_boost_model_schema_infer_method_name",
    "XGBoostModelSchemaInputsItem": ".xg_boost_model_schema_inputs_item",
    "XGBoostModelSchemaOutputsItem": ".xg_boost_model_schema_outputs_item",
    "XGBoostSerializationFormat": ".xg_boost_serialization_format",
}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])


__all__ = (
    "ExternalBlobStorageSource",
    "ExternalBlobStorageSourceType",
    "FastAIFramework",
    "FastAIFrameworkType",
    "GluonFramework",
    "GluonFrameworkType",
    "H2OFramework",
    "H2OFrameworkType",
    "HTTPValidationError",
    "InferMethodName",
    "KerasFramework",
    "KerasFrameworkType",
    "LibraryName",
    "LightGBMFramework",
    "LightGBMFrameworkType",
    "ListModelsResponse",
    "LocalModelSource",
    "LocalModelSourceType",
    "Metric",
    "Model",
    "ModelManifest",
    "ModelManifestFrameworkUnknown",
    "ModelManifestMetadata",
    "ModelManifestSourceUnknown",
    "ModelManifestType",
    "ModelType",
    "ModelVersion",
    "ModelVersionEnvironment",
    "ONNXFramework",
    "ONNXFrameworkType",
    "PaddleFramework",
    "PaddleFrameworkType",
    "Pagination",
    "PyTorchFramework",
    "PyTorchFrameworkType",
    "SklearnFramework",
    "SklearnFrameworkType",
    "SklearnModelSchema",
    "SklearnModelSchemaInputsItem",
    "SklearnModelSchemaOutputsItem",
    "SklearnSerializationFormat",
    "SpaCyFramework",
    "SpaCyFrameworkType",
    "StatsModelsFramework",
    "StatsModelsFrameworkType",
    "Subject",
    "SubjectType",
    "TensorFlowFramework",
    "TensorFlowFrameworkType",
    "TransformersFramework",
    "TransformersFrameworkType",
    "TrueFoundryManagedSource",
    "TrueFoundryManagedSourceType",
    "ValidationError",
    "XGBoostFramework",
    "XGBoostFrameworkType",
    "XGBoostModelSchema",
    "XGBoostModelSchemaInferMethodName",
    "XGBoostModelSchemaInputsItem",
    "XGBoostModelSchemaOutputsItem",
    "XGBoostSerializationFormat",
)
