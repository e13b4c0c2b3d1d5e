"""modelcatalog: list the models of every AI-model provider through one typed API.

>>> import modelcatalog
>>> with modelcatalog.Client("truefoundry") as client:  # TFY_HOST and TFY_API_KEY from the environment
...     for model in client.list_models(limit=10):  # doctest: +SKIP
...         print(model.fqn)

Everything raised is a ``ModelCatalogError``; see ``modelcatalog.errors`` for the tree.
Names are imported on first use, so ``modelcatalog --help`` starts without loading httpx
and the generated clients.
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING

from modelcatalog._exports import lazy

_EXPORTS = {
    "AsyncClient": "modelcatalog.client",
    "Client": "modelcatalog.client",
    "ClientOptions": "modelcatalog.client",
    "APIError": "modelcatalog.errors",
    "APITimeoutError": "modelcatalog.errors",
    "AuthenticationError": "modelcatalog.errors",
    "BodyTooLargeError": "modelcatalog.errors",
    "ConfigurationError": "modelcatalog.errors",
    "HTMLPageError": "modelcatalog.errors",
    "IncompleteListingError": "modelcatalog.errors",
    "InsecureTransportError": "modelcatalog.errors",
    "MissingCredentialError": "modelcatalog.errors",
    "ModelCatalogError": "modelcatalog.errors",
    "NotFoundError": "modelcatalog.errors",
    "NotJSONError": "modelcatalog.errors",
    "PermissionDeniedError": "modelcatalog.errors",
    "ProviderReportedError": "modelcatalog.errors",
    "RateLimitError": "modelcatalog.errors",
    "RequestValidationError": "modelcatalog.errors",
    "ResponseError": "modelcatalog.errors",
    "SchemaMismatchError": "modelcatalog.errors",
    "ServerError": "modelcatalog.errors",
    # APITimeoutError's old name: importable, but not in __all__ (a star import keeps the builtin)
    "TimeoutError": "modelcatalog.errors",
    "TransportError": "modelcatalog.errors",
    "OffSpecEvent": "modelcatalog.events",
    "OffSpecWarning": "modelcatalog.events",
    "PaginationEvent": "modelcatalog.events",
    # the names OffSpecEvent and OffSpecWarning had before
    "DriftEvent": "modelcatalog.events",
    "RuntimeDriftWarning": "modelcatalog.events",
    "Page": "modelcatalog.pagination",
    "Secret": "modelcatalog.secrets",
    "HTTPSettings": "modelcatalog.transport",
    "RetryPolicy": "modelcatalog.transport",
}

__all__ = [
    "APIError",
    "APITimeoutError",
    "AsyncClient",
    "AuthenticationError",
    "BodyTooLargeError",
    "Client",
    "ClientOptions",
    "ConfigurationError",
    "DriftEvent",
    "HTMLPageError",
    "HTTPSettings",
    "IncompleteListingError",
    "InsecureTransportError",
    "MissingCredentialError",
    "ModelCatalogError",
    "NotFoundError",
    "NotJSONError",
    "OffSpecEvent",
    "OffSpecWarning",
    "Page",
    "PaginationEvent",
    "PermissionDeniedError",
    "ProviderReportedError",
    "RateLimitError",
    "RequestValidationError",
    "ResponseError",
    "RetryPolicy",
    "RuntimeDriftWarning",
    "SchemaMismatchError",
    "Secret",
    "ServerError",
    "TransportError",
]


_load = lazy(__name__, _EXPORTS, globals())


def __getattr__(name: str) -> object:
    if name == "PaginationError":
        warnings.warn(
            "modelcatalog.PaginationError is deprecated and was never raised: pages that contradict each other "
            "end the listing incomplete (IncompleteListingError, which this name now stands for)",
            DeprecationWarning,
            stacklevel=2,
        )
        name = "IncompleteListingError"
    return _load(name)


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])


if TYPE_CHECKING:
    from modelcatalog.client import AsyncClient, Client, ClientOptions
    from modelcatalog.errors import (
        APIError,
        APITimeoutError,
        AuthenticationError,
        BodyTooLargeError,
        ConfigurationError,
        HTMLPageError,
        IncompleteListingError,
        InsecureTransportError,
        MissingCredentialError,
        ModelCatalogError,
        NotFoundError,
        NotJSONError,
        PermissionDeniedError,
        ProviderReportedError,
        RateLimitError,
        RequestValidationError,
        ResponseError,
        SchemaMismatchError,
        ServerError,
        TransportError,
    )
    from modelcatalog.errors import (
        TimeoutError as TimeoutError,  # noqa: A004 - APITimeoutError's old name; not in __all__
    )
    from modelcatalog.events import DriftEvent, OffSpecEvent, OffSpecWarning, PaginationEvent, RuntimeDriftWarning
    from modelcatalog.pagination import Page
    from modelcatalog.secrets import Secret
    from modelcatalog.transport import HTTPSettings, RetryPolicy
