"""Contains all the data models used in inputs/outputs"""

from .api_key_request import ApiKeyRequest
from .error import Error
from .public_model import PublicModel
from .trained_model_list_response import TrainedModelListResponse

__all__ = (
    "ApiKeyRequest",
    "Error",
    "PublicModel",
    "TrainedModelListResponse",
)
