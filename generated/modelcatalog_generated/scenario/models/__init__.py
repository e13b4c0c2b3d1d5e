"""Contains all the data models used in inputs/outputs"""
# modelcatalog's template: each model's module is imported on first use, so importing
# one model (or an endpoint module) does not import all of them.

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .error_response import ErrorResponse
    from .list_models_privacy import ListModelsPrivacy
    from .list_models_response import ListModelsResponse
    from .list_models_sort_by import ListModelsSortBy
    from .list_models_sort_direction import ListModelsSortDirection
    from .list_models_status import ListModelsStatus
    from .model import Model
    from .model_access_restrictions import ModelAccessRestrictions
    from .model_capabilities_item import ModelCapabilitiesItem
    from .model_class import ModelClass
    from .model_class_status import ModelClassStatus
    from .model_concept import ModelConcept
    from .model_epoch import ModelEpoch
    from .model_epoch_asset import ModelEpochAsset
    from .model_input import ModelInput
    from .model_input_background_behavior import ModelInputBackgroundBehavior
    from .model_input_inputs_item import ModelInputInputsItem
    from .model_input_kind import ModelInputKind
    from .model_input_required import ModelInputRequired
    from .model_input_type import ModelInputType
    from .model_parameters import ModelParameters
    from .model_parameters_lr_scheduler import ModelParametersLrScheduler
    from .model_parameters_optimize_for import ModelParametersOptimizeFor
    from .model_performance_stats import ModelPerformanceStats
    from .model_performance_stats_variant import ModelPerformanceStatsVariant
    from .model_performance_stats_variant_arena_score import ModelPerformanceStatsVariantArenaScore
    from .model_privacy import ModelPrivacy
    from .model_source import ModelSource
    from .model_status import ModelStatus
    from .model_thumbnail import ModelThumbnail
    from .model_training_image import ModelTrainingImage
    from .model_training_image_pair import ModelTrainingImagePair
    from .model_training_progress import ModelTrainingProgress
    from .model_training_progress_stage import ModelTrainingProgressStage
    from .model_training_stats import ModelTrainingStats
    from .model_type import ModelType
    from .model_ui_config import ModelUiConfig
    from .model_ui_config_input_properties import ModelUiConfigInputProperties
    from .model_ui_config_input_property import ModelUiConfigInputProperty
    from .model_ui_config_loras_component import ModelUiConfigLorasComponent
    from .model_ui_config_preset import ModelUiConfigPreset
    from .model_ui_config_resolution_component import ModelUiConfigResolutionComponent
    from .model_ui_config_resolution_component_preset import ModelUiConfigResolutionComponentPreset
    from .model_ui_config_selects import ModelUiConfigSelects
    from .model_ui_config_trigger_generate import ModelUiConfigTriggerGenerate
    from .model_ui_config_trigger_generate_position import ModelUiConfigTriggerGeneratePosition

#: model name -> the module that defines it
_MODULES: dict[str, str] = {
    "ErrorResponse": ".error_response",
    "ListModelsPrivacy": ".list_models_privacy",
    "ListModelsResponse": ".list_models_response",
    "ListModelsSortBy": ".list_models_sort_by",
    "ListModelsSortDirection": ".list_models_sort_direction",
    "ListModelsStatus": ".list_models_status",
    "Model": ".model",
    "ModelAccessRestrictions": ".model_access_restrictions",
    "ModelCapabilitiesItem": ".model_capabilities_item",
    "ModelClass": ".model_class",
    "ModelClassStatus": ".model_class_status",
    "ModelConcept": ".model_concept",
    "ModelEpoch": ".model_epoch",
    "ModelEpochAsset": ".model_epoch_asset",
    "ModelInput": ".model_input",
    "ModelInputBackgroundBehavior": ".model_input_background_behavior",
    "ModelInputInputsItem": ".model_input_inputs_item",
    "ModelInputKind": ".model_input_kind",
    "ModelInputRequired": ".model_input_required",
    "ModelInputType": ".model_input_type",
    "ModelParameters": ".model_parameters",
    "ModelParametersLrScheduler": ".model_parameters_lr_scheduler",
    "ModelParametersOptimizeFor": ".model_parameters_optimize_for",
    "ModelPerformanceStats": ".model_performance_stats",
    "ModelPerformanceStatsVariant": ".model_performance_stats_variant",
    "ModelPerformanceStatsVariantArenaScore": ".model_performance_stats_variant_arena_score",
    "ModelPrivacy": ".model_privacy",
    "ModelSource": ".model_source",
    "ModelStatus": ".model_status",
    "ModelThumbnail": ".model_thumbnail",
    "ModelTrainingImage": ".model_training_image",
    "ModelTrainingImagePair": ".model_training_image_pair",
    "ModelTrainingProgress": ".model_training_progress",
    "ModelTrainingProgressStage": ".model_training_progress_stage",
    "ModelTrainingStats": ".model_training_stats",
    "ModelType": ".model_type",
    "ModelUiConfig": ".model_ui_config",
    "ModelUiConfigInputProperties": ".model_ui_config_input_properties",
    "ModelUiConfigInputProperty": ".model_ui_config_input_property",
    "ModelUiConfigLorasComponent": ".model_ui_config_loras_component",
    "ModelUiConfigPreset": ".model_ui_config_preset",
    "ModelUiConfigResolutionComponent": ".model_ui_config_resolution_component",
    "ModelUiConfigResolutionComponentPreset": ".model_ui_config_resolution_component_preset",
    "ModelUiConfigSelects": ".model_ui_config_selects",
    "ModelUiConfigTriggerGenerate": ".model_ui_config_trigger_generate",
    "ModelUiConfigTriggerGeneratePosition": ".model_ui_config_trigger_generate_position",
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
    "ErrorResponse",
    "ListModelsPrivacy",
    "ListModelsResponse",
    "ListModelsSortBy",
    "ListModelsSortDirection",
    "ListModelsStatus",
    "Model",
    "ModelAccessRestrictions",
    "ModelCapabilitiesItem",
    "ModelClass",
    "ModelClassStatus",
    "ModelConcept",
    "ModelEpoch",
    "ModelEpochAsset",
    "ModelInput",
    "ModelInputBackgroundBehavior",
    "ModelInputInputsItem",
    "ModelInputKind",
    "ModelInputRequired",
    "ModelInputType",
    "ModelParameters",
    "ModelParametersLrScheduler",
    "ModelParametersOptimizeFor",
    "ModelPerformanceStats",
    "ModelPerformanceStatsVariant",
    "ModelPerformanceStatsVariantArenaScore",
    "ModelPrivacy",
    "ModelSource",
    "ModelStatus",
    "ModelThumbnail",
    "ModelTrainingImage",
    "ModelTrainingImagePair",
    "ModelTrainingProgress",
    "ModelTrainingProgressStage",
    "ModelTrainingStats",
    "ModelType",
    "ModelUiConfig",
    "ModelUiConfigInputProperties",
    "ModelUiConfigInputProperty",
    "ModelUiConfigLorasComponent",
    "ModelUiConfigPreset",
    "ModelUiConfigResolutionComponent",
    "ModelUiConfigResolutionComponentPreset",
    "ModelUiConfigSelects",
    "ModelUiConfigTriggerGenerate",
    "ModelUiConfigTriggerGeneratePosition",
)
