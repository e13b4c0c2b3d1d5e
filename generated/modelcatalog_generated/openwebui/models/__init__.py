"""Contains all the data models used in inputs/outputs"""

from .access_grant_model import AccessGrantModel
from .http_validation_error import HTTPValidationError
from .model_access_list_response import ModelAccessListResponse
from .model_access_response import ModelAccessResponse
from .model_avatar_animation import ModelAvatarAnimation
from .model_avatar_gesture import ModelAvatarGesture
from .model_control import ModelControl
from .model_control_display import ModelControlDisplay
from .model_control_option import ModelControlOption
from .model_control_option_params import ModelControlOptionParams
from .model_control_options import ModelControlOptions
from .model_meta import ModelMeta
from .model_meta_capabilities_type_0 import ModelMetaCapabilitiesType0
from .model_meta_i18n_type_0 import ModelMetaI18NType0
from .model_params import ModelParams
from .model_params_model_controls import ModelParamsModelControls
from .model_voice import ModelVoice
from .model_voice_avatar import ModelVoiceAvatar
from .model_voice_avatar_states import ModelVoiceAvatarStates
from .users_user_response import UsersUserResponse
from .validation_error import ValidationError
from .validation_error_context import ValidationErrorContext

__all__ = (
    "AccessGrantModel",
    "HTTPValidationError",
    "ModelAccessListResponse",
    "ModelAccessResponse",
    "ModelAvatarAnimation",
    "ModelAvatarGesture",
    "ModelControl",
    "ModelControlDisplay",
    "ModelControlOption",
    "ModelControlOptionParams",
    "ModelControlOptions",
    "ModelMeta",
    "ModelMetaCapabilitiesType0",
    "ModelMetaI18NType0",
    "ModelParams",
    "ModelParamsModelControls",
    "ModelVoice",
    "ModelVoiceAvatar",
    "ModelVoiceAvatarStates",
    "UsersUserResponse",
    "ValidationError",
    "ValidationErrorContext",
)
