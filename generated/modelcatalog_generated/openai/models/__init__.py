"""Contains all the data models used in inputs/outputs"""

from .list_models_response import ListModelsResponse
from .list_models_response_object import ListModelsResponseObject
from .model import Model
from .model_object import ModelObject

__all__ = (
    "ListModelsResponse",
    "ListModelsResponseObject",
    "Model",
    "ModelObject",
)
