from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.model_manifest_type import ModelManifestType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.external_blob_storage_source import ExternalBlobStorageSource
    from ..models.fast_ai_framework import FastAIFramework
    from ..models.gluon_framework import GluonFramework
    from ..models.h2o_framework import H2OFramework
    from ..models.keras_framework import KerasFramework
    from ..models.light_gbm_framework import LightGBMFramework
    from ..models.local_model_source import LocalModelSource
    from ..models.model_manifest_framework_unknown import ModelManifestFrameworkUnknown
    from ..models.model_manifest_metadata import ModelManifestMetadata
    from ..models.model_manifest_source_unknown import ModelManifestSourceUnknown
    from ..models.model_version_environment import ModelVersionEnvironment
    from ..models.onnx_framework import ONNXFramework
    from ..models.paddle_framework import PaddleFramework
    from ..models.py_torch_framework import PyTorchFramework
    from ..models.sklearn_framework import SklearnFramework
    from ..models.spa_cy_framework import SpaCyFramework
    from ..models.stats_models_framework import StatsModelsFramework
    from ..models.tensor_flow_framework import TensorFlowFramework
    from ..models.transformers_framework import TransformersFramework
    from ..models.true_foundry_managed_source import TrueFoundryManagedSource
    from ..models.xg_boost_framework import XGBoostFramework


T = TypeVar("T", bound="ModelManifest")


@_attrs_define
class ModelManifest:
    """Model Version artifact."""

    name: str
    """ Name of the model (alphanumeric characters, hyphens, and underscores only, max 256 characters) """
    metadata: ModelManifestMetadata
    """ Key value metadata. Should be valid JSON. For e.g. `{"business-unit": "sales", "quality": "good", "rating":
    4.5}` """
    ml_repo: str
    """ Name of the ML Repo that this model belongs to (must start and end with alphanumeric, 2-100 characters) """
    source: ExternalBlobStorageSource | LocalModelSource | ModelManifestSourceUnknown | TrueFoundryManagedSource
    version: int | Unset = UNSET
    """ Version of the entity """
    type_: ModelManifestType | str | Unset = ModelManifestType.MODEL_VERSION
    description: str | Unset = UNSET
    version_alias: str | Unset = UNSET
    """ Version alias is alternate, ideally human readable, version string to reference an artifact version. It
    should start with `v` followed by alphanumeric and it can include `.` and `-` in between (e.g. `v1.0.0`,
    `v1-prod`, `v3-dev`, etc) """
    framework: (
        FastAIFramework
        | GluonFramework
        | H2OFramework
        | KerasFramework
        | LightGBMFramework
        | ModelManifestFrameworkUnknown
        | ONNXFramework
        | PaddleFramework
        | PyTorchFramework
        | SklearnFramework
        | SpaCyFramework
        | StatsModelsFramework
        | TensorFlowFramework
        | TransformersFramework
        | Unset
        | XGBoostFramework
    ) = UNSET
    """ Framework for the model version like Transformers, PyTorch, Sklearn, Xgboost etc with framework specific
    metadata. This will be used to infer model deployment configuration """
    environment: ModelVersionEnvironment | Unset = UNSET
    """ Runtime environment describing python version and dependencies for running the model """
    step: int | Unset = 0
    """ Step/Epoch number in an iterative training loop the model version was created. Generally useful when logging
    a model version from a MLRepo Run """
    run_id: str | Unset = UNSET
    """ ID of the MLRepo Run that generated the model version """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.external_blob_storage_source import ExternalBlobStorageSource
        from ..models.fast_ai_framework import FastAIFramework
        from ..models.gluon_framework import GluonFramework
        from ..models.h2o_framework import H2OFramework
        from ..models.keras_framework import KerasFramework
        from ..models.light_gbm_framework import LightGBMFramework
        from ..models.local_model_source import LocalModelSource
        from ..models.onnx_framework import ONNXFramework
        from ..models.paddle_framework import PaddleFramework
        from ..models.py_torch_framework import PyTorchFramework
        from ..models.sklearn_framework import SklearnFramework
        from ..models.spa_cy_framework import SpaCyFramework
        from ..models.stats_models_framework import StatsModelsFramework
        from ..models.tensor_flow_framework import TensorFlowFramework
        from ..models.transformers_framework import TransformersFramework
        from ..models.true_foundry_managed_source import TrueFoundryManagedSource
        from ..models.xg_boost_framework import XGBoostFramework

        name = self.name

        metadata = self.metadata.to_dict()

        ml_repo = self.ml_repo

        source: dict[str, Any]
        if (
            isinstance(self.source, TrueFoundryManagedSource)
            or isinstance(self.source, ExternalBlobStorageSource)
            or isinstance(self.source, LocalModelSource)
        ):
            source = self.source.to_dict()
        else:
            source = self.source.to_dict()

        version = self.version

        type_: str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        elif isinstance(self.type_, ModelManifestType):
            type_ = self.type_.value
        else:
            type_ = self.type_

        description = self.description

        version_alias = self.version_alias

        framework: dict[str, Any] | Unset
        if isinstance(self.framework, Unset):
            framework = UNSET
        elif (
            isinstance(self.framework, TransformersFramework)
            or isinstance(self.framework, TensorFlowFramework)
            or isinstance(self.framework, SklearnFramework)
            or isinstance(self.framework, PyTorchFramework)
            or isinstance(self.framework, KerasFramework)
            or isinstance(self.framework, XGBoostFramework)
            or isinstance(self.framework, LightGBMFramework)
            or isinstance(self.framework, FastAIFramework)
            or isinstance(self.framework, H2OFramework)
            or isinstance(self.framework, ONNXFramework)
            or isinstance(self.framework, SpaCyFramework)
            or isinstance(self.framework, StatsModelsFramework)
            or isinstance(self.framework, GluonFramework)
            or isinstance(self.framework, PaddleFramework)
        ):
            framework = self.framework.to_dict()
        else:
            framework = self.framework.to_dict()

        environment: dict[str, Any] | Unset = UNSET
        if not isinstance(self.environment, Unset):
            environment = self.environment.to_dict()

        step = self.step

        run_id = self.run_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "metadata": metadata,
                "ml_repo": ml_repo,
                "source": source,
            }
        )
        if version is not UNSET:
            field_dict["version"] = version
        if type_ is not UNSET:
            field_dict["type"] = type_
        if description is not UNSET:
            field_dict["description"] = description
        if version_alias is not UNSET:
            field_dict["version_alias"] = version_alias
        if framework is not UNSET:
            field_dict["framework"] = framework
        if environment is not UNSET:
            field_dict["environment"] = environment
        if step is not UNSET:
            field_dict["step"] = step
        if run_id is not UNSET:
            field_dict["run_id"] = run_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.external_blob_storage_source import ExternalBlobStorageSource
        from ..models.fast_ai_framework import FastAIFramework
        from ..models.gluon_framework import GluonFramework
        from ..models.h2o_framework import H2OFramework
        from ..models.keras_framework import KerasFramework
        from ..models.light_gbm_framework import LightGBMFramework
        from ..models.local_model_source import LocalModelSource
        from ..models.model_manifest_framework_unknown import ModelManifestFrameworkUnknown
        from ..models.model_manifest_metadata import ModelManifestMetadata
        from ..models.model_manifest_source_unknown import ModelManifestSourceUnknown
        from ..models.model_version_environment import ModelVersionEnvironment
        from ..models.onnx_framework import ONNXFramework
        from ..models.paddle_framework import PaddleFramework
        from ..models.py_torch_framework import PyTorchFramework
        from ..models.sklearn_framework import SklearnFramework
        from ..models.spa_cy_framework import SpaCyFramework
        from ..models.stats_models_framework import StatsModelsFramework
        from ..models.tensor_flow_framework import TensorFlowFramework
        from ..models.transformers_framework import TransformersFramework
        from ..models.true_foundry_managed_source import TrueFoundryManagedSource
        from ..models.xg_boost_framework import XGBoostFramework

        d = dict(src_dict)
        name = d.pop("name")

        metadata = ModelManifestMetadata.from_dict(d.pop("metadata"))

        ml_repo = d.pop("ml_repo")

        def _parse_source(
            data: object,
        ) -> ExternalBlobStorageSource | LocalModelSource | ModelManifestSourceUnknown | TrueFoundryManagedSource:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                source_type_0 = TrueFoundryManagedSource.from_dict(data)

                return source_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                source_type_1 = ExternalBlobStorageSource.from_dict(data)

                return source_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                source_type_2 = LocalModelSource.from_dict(data)

                return source_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            source_source_unknown = ModelManifestSourceUnknown.from_dict(data)

            return source_source_unknown

        source = _parse_source(d.pop("source"))

        version = d.pop("version", UNSET)

        def _parse_type_(data: object) -> ModelManifestType | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_0 = ModelManifestType(data)

                return type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ModelManifestType | str | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))

        description = d.pop("description", UNSET)

        version_alias = d.pop("version_alias", UNSET)

        def _parse_framework(
            data: object,
        ) -> (
            FastAIFramework
            | GluonFramework
            | H2OFramework
            | KerasFramework
            | LightGBMFramework
            | ModelManifestFrameworkUnknown
            | ONNXFramework
            | PaddleFramework
            | PyTorchFramework
            | SklearnFramework
            | SpaCyFramework
            | StatsModelsFramework
            | TensorFlowFramework
            | TransformersFramework
            | Unset
            | XGBoostFramework
        ):
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                framework_type_0 = TransformersFramework.from_dict(data)

                return framework_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                framework_type_1 = TensorFlowFramework.from_dict(data)

                return framework_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                framework_type_2 = SklearnFramework.from_dict(data)

                return framework_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                framework_type_3 = PyTorchFramework.from_dict(data)

                return framework_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                framework_type_4 = KerasFramework.from_dict(data)

                return framework_type_4
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                framework_type_5 = XGBoostFramework.from_dict(data)

                return framework_type_5
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                framework_type_6 = LightGBMFramework.from_dict(data)

                return framework_type_6
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                framework_type_7 = FastAIFramework.from_dict(data)

                return framework_type_7
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                framework_type_8 = H2OFramework.from_dict(data)

                return framework_type_8
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                framework_type_9 = ONNXFramework.from_dict(data)

                return framework_type_9
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                framework_type_10 = SpaCyFramework.from_dict(data)

                return framework_type_10
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                framework_type_11 = StatsModelsFramework.from_dict(data)

                return framework_type_11
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                framework_type_12 = GluonFramework.from_dict(data)

                return framework_type_12
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                framework_type_13 = PaddleFramework.from_dict(data)

                return framework_type_13
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            framework_framework_unknown = ModelManifestFrameworkUnknown.from_dict(data)

            return framework_framework_unknown

        framework = _parse_framework(d.pop("framework", UNSET))

        _environment = d.pop("environment", UNSET)
        environment: ModelVersionEnvironment | Unset
        if isinstance(_environment, Unset):
            environment = UNSET
        else:
            environment = ModelVersionEnvironment.from_dict(_environment)

        step = d.pop("step", UNSET)

        run_id = d.pop("run_id", UNSET)

        model_manifest = cls(
            name=name,
            metadata=metadata,
            ml_repo=ml_repo,
            source=source,
            version=version,
            type_=type_,
            description=description,
            version_alias=version_alias,
            framework=framework,
            environment=environment,
            step=step,
            run_id=run_id,
        )

        model_manifest.additional_properties = d
        return model_manifest

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
