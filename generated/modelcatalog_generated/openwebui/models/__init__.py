"""Contains all the data models used in inputs/outputs"""
# modelcatalog's template: each model's module is imported on first use, so importing
# one model (or an endpoint module) does not import all of them.

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

#: model name -> the module that defines it
_MODULES: dict[str, str] = {
    "AccessGrantModel": ".access_grant_model",
    "HTTPValidationError": ".http_validation_error",
    "ModelAccessListResponse": ".model_access_list_response",
    "ModelAccessResponse": ".model_access_response",
    "ModelAvatarAnimation": ".model_avatar_animation",
    "ModelAvatarGesture": ".model_avatar_gesture",
    "ModelControl": ".model_control",
    "ModelControlDisplay": ".model_control_display",
    "ModelControlOption": ".model_control_option",
    "ModelControlOptionParams": ".model_control_option_params",
    "ModelControlOptions": ".model_control_options",
    "ModelMeta": ".model_meta",
    "ModelMetaCapabilitiesType0": ".model_meta_capabilities_type_0",
    "ModelMetaI18NType0": ".model_meta_i18n_type_0",
    "ModelParams": ".model_params",
    "ModelParamsModelControls": ".model_params_model_controls",
    "ModelVoice": ".model_voice",
    "ModelVoiceAvatar": ".model_voice_avatar",
    "ModelVoiceAvatarStates": ".model_voice_avatar_states",
    "UsersUserResponse": ".users_user_response",
    "ValidationError": ".validation_error",
    "ValidationErrorContext": ".validation_error_context",
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
