"""Contains all the data models used in inputs/outputs"""
# modelcatalog's template: each model's module is imported on first use, so importing
# one model (or an endpoint module) does not import all of them.

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .api_key_request import ApiKeyRequest
    from .error import Error
    from .public_model import PublicModel
    from .trained_model_list_response import TrainedModelListResponse

#: model name -> the module that defines it
_MODULES: dict[str, str] = {
    "ApiKeyRequest": ".api_key_request",
    "Error": ".error",
    "PublicModel": ".public_model",
    "TrainedModelListResponse": ".trained_model_list_response",
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
    "ApiKeyRequest",
    "Error",
    "PublicModel",
    "TrainedModelListResponse",
)
