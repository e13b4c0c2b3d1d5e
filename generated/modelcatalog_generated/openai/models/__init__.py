"""Contains all the data models used in inputs/outputs"""
# modelcatalog's template: each model's module is imported on first use, so importing
# one model (or an endpoint module) does not import all of them.

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .list_models_response import ListModelsResponse
    from .list_models_response_object import ListModelsResponseObject
    from .model import Model
    from .model_object import ModelObject

#: model name -> the module that defines it
_MODULES: dict[str, str] = {
    "ListModelsResponse": ".list_models_response",
    "ListModelsResponseObject": ".list_models_response_object",
    "Model": ".model",
    "ModelObject": ".model_object",
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
    "ListModelsResponse",
    "ListModelsResponseObject",
    "Model",
    "ModelObject",
)
