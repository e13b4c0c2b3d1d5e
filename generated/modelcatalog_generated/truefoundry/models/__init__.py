"""Contains all the data models used in inputs/outputs"""

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
