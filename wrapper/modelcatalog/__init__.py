"""modelcatalog: list the models of every AI-model provider through one typed API.

>>> import modelcatalog
>>> with modelcatalog.Client("truefoundry") as client:  # TFY_HOST and TFY_API_KEY from the environment
...     for model in client.list_models(limit=10):  # doctest: +SKIP
...         print(model.fqn)

Everything raised is a ``ModelCatalogError``; see ``modelcatalog.errors`` for the tree.
"""

from modelcatalog.client import AsyncClient, Client
from modelcatalog.errors import (
    APIError,
    AuthenticationError,
    ConfigurationError,
    HTMLPageError,
    InsecureTransportError,
    MissingCredentialError,
    ModelCatalogError,
    NotFoundError,
    NotJSONError,
    PaginationError,
    ProviderReportedError,
    RateLimitError,
    RequestValidationError,
    ResponseError,
    SchemaMismatchError,
    ServerError,
    TimeoutError,  # noqa: A004 - ours, a TransportError; users import it qualified
    TransportError,
)
from modelcatalog.events import DriftEvent, PaginationEvent, RuntimeDriftWarning
from modelcatalog.pagination import Page
from modelcatalog.secrets import Secret
from modelcatalog.transport import HTTPSettings, RetryPolicy

__all__ = [
    "APIError",
    "AsyncClient",
    "AuthenticationError",
    "Client",
    "ConfigurationError",
    "DriftEvent",
    "HTMLPageError",
    "HTTPSettings",
    "InsecureTransportError",
    "MissingCredentialError",
    "ModelCatalogError",
    "NotFoundError",
    "NotJSONError",
    "Page",
    "PaginationError",
    "PaginationEvent",
    "ProviderReportedError",
    "RateLimitError",
    "RequestValidationError",
    "ResponseError",
    "RetryPolicy",
    "RuntimeDriftWarning",
    "SchemaMismatchError",
    "Secret",
    "ServerError",
    "TimeoutError",
    "TransportError",
]
