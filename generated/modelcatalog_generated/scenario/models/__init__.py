"""Contains all the data models used in inputs/outputs"""

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
