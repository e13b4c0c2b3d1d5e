"""One typed error hierarchy for the library.

Every error names the provider and operation it came from, carries what the server
said (status, a redacted excerpt of the body, the body itself for response errors so
that nothing is lost), and never contains a credential: messages are built through
``redact`` with the secrets in play.

    ModelCatalogError
    ├── ConfigurationError          bad arguments or environment, before any request
    │   ├── MissingCredentialError  names the environment variable to set
    │   └── InsecureTransportError  plain http to a non-loopback cloud host
    ├── APIError                    the server answered with an error status
    │   ├── AuthenticationError     401 (and ModelsLab's "invalid key" with 200)
    │   │   └── PermissionDeniedError   403: known, but not allowed
    │   ├── NotFoundError           404
    │   ├── RequestValidationError  400, 422 (with the server's details)
    │   ├── RateLimitError          429 (after retries)
    │   └── ServerError             5xx (after retries)
    ├── TransportError              connection failures and timeouts (after retries)
    │   └── APITimeoutError         a timeout, or an attempt past its deadline (also named TimeoutError)
    ├── ResponseError               a 2xx whose body we cannot use
    │   ├── BodyTooLargeError       a body past the size cap (any status; after decompression)
    │   ├── NotJSONError            not JSON at all (truncated, binary, undecodable compression)
    │   ├── HTMLPageError           an HTML page with a success status
    │   ├── SchemaMismatchError     JSON that does not match the provider's spec
    │   └── ProviderReportedError   ModelsLab's 200 with any status but success, or without data
    ├── IncompleteListingError      a listing stopped early or left records out (not raised:
    │                               the catalog's ProviderFailure carries it, with the records kept)
    └── ProviderDefinitionError     a provider module lacks a piece (when it is first used)

An error never chains to an underlying library's exception directly: its ``__cause__``
is an ``UnderlyingError`` holding that exception's type and scrubbed text (the library's
message may quote a request header), so every link of a chain is safe to print.

An error that came with a response (``APIError``, ``ResponseError``) carries the server's
``request_id`` (``x-request-id``, else ``request-id``; scrubbed, at most
``REQUEST_ID_CHARS`` characters) and shows it at the end of its message: the id a
provider's support asks for.

``TimeoutError`` is this module's old name for ``APITimeoutError`` and still imports, but
neither ``__all__`` here nor ``modelcatalog``'s lists it, so ``from modelcatalog import *``
leaves the builtin ``TimeoutError`` alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from msgspec import Struct

    from modelcatalog.events import Event


__all__ = [
    "APIError",
    "APITimeoutError",
    "AuthenticationError",
    "BodyTooLargeError",
    "ConfigurationError",
    "HTMLPageError",
    "IncompleteListingError",
    "InsecureTransportError",
    "MissingCredentialError",
    "ModelCatalogError",
    "NotFoundError",
    "NotJSONError",
    "PermissionDeniedError",
    "ProviderDefinitionError",
    "ProviderReportedError",
    "RateLimitError",
    "RequestValidationError",
    "ResponseError",
    "SchemaMismatchError",
    "ServerError",
    "TransportError",
    "UnderlyingError",
]

#: the longest request id kept; a longer one is cut, with "..."
REQUEST_ID_CHARS = 128


def source_label(provider: str | None, instance: str | None) -> str | None:
    """How messages name a source: the instance, with its provider in brackets when the two differ."""
    if instance is None or instance == provider:
        return provider
    return f"{instance} ({provider})" if provider else instance


class FromSource:
    """What one listing source reports: ``instance`` defaults to ``provider`` (the provider under its own name).

    A base of the frozen msgspec Structs that carry both (failures, progress, events); it
    has no slots of its own, as a Struct's bases must not.
    """

    __slots__ = ()

    provider: str
    instance: str

    def __post_init__(self) -> None:
        if not self.instance:
            from msgspec.structs import force_setattr  # noqa: PLC0415 - loaded by then; errors.py stays light

            force_setattr(cast("Struct", self), "instance", self.provider)


class ModelCatalogError(Exception):
    """Base class: catch this to handle anything modelcatalog raises.

    ``provider`` is the provider's name; ``instance`` the name of the client the error
    came from (``Client(..., name=...)``), the provider's name when it was not given one.
    """

    #: the server's id for the request that failed (response errors only; None without one)
    request_id: str | None = None

    def __init__(
        self, message: str, *, provider: str | None = None, operation: str | None = None, instance: str | None = None
    ) -> None:
        self.provider = provider
        self.instance = instance or provider
        self.operation = operation
        self.message = message
        super().__init__(self._full_message())

    def attribute_to(self, instance: str) -> None:
        """Name the instance this error came from, in ``instance`` and in its message."""
        self.instance = instance
        self.args = (self._full_message(),)

    def _full_message(self) -> str:
        where = " ".join(part for part in (source_label(self.provider, self.instance), self.operation) if part)
        text = f"{where}: {self.message}" if where else self.message
        return f"{text} (request id {self.request_id})" if self.request_id else text

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._full_message()!r})"


class ConfigurationError(ModelCatalogError):
    """The client cannot be set up as asked (no request was sent)."""


class MissingCredentialError(ConfigurationError):
    """Credentials (or the base URL of a self-hosted server) neither passed nor set: every one missing, named at once.

    ``variables`` are the environment variables to set (``variable`` the first);
    ``arguments`` the keyword arguments that pass them instead; ``base_url_variable`` is
    the one among ``variables`` that holds a base URL, if one does.
    """

    def __init__(
        self,
        variable: str | Sequence[str],
        *,
        provider: str,
        what: str = "credential",
        arguments: Sequence[str] = (),
        base_url_variable: str | None = None,
    ) -> None:
        self.variables = (variable,) if isinstance(variable, str) else tuple(variable)
        self.variable = self.variables[0]
        self.what = what
        self.arguments = tuple(arguments)
        self.base_url_variable = base_url_variable
        #: what to set, without the keyword arguments (the command names its flags instead)
        self.needed = f"missing {what}: set {' and '.join(self.variables)}"
        passing = f" (or pass {', '.join(f'{name}=' for name in self.arguments)})" if self.arguments else ""
        super().__init__(self.needed + passing, provider=provider)


class InsecureTransportError(ConfigurationError):
    """Plain http to a host other than loopback, for a provider in the cloud."""


class APIError(ModelCatalogError):
    """The server answered with an error status."""

    #: requests sent for this answer, the first one included (retries are ``attempts - 1``)
    attempts: int = 1

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        body_excerpt: str = "",
        provider: str | None = None,
        operation: str | None = None,
    ) -> None:
        self.status_code = status_code
        self.body_excerpt = body_excerpt
        super().__init__(message, provider=provider, operation=operation)


class AuthenticationError(APIError):
    """401: the credential is missing, wrong or expired (403 is its subclass ``PermissionDeniedError``)."""


class PermissionDeniedError(AuthenticationError):
    """403: the server knows the credential but does not allow it this listing.

    A subclass of ``AuthenticationError``, so code catching that (and the command's
    exit status 3) covers both.
    """


class NotFoundError(APIError):
    """404: the operation's path does not exist at this base URL."""


class RequestValidationError(APIError):
    """400 or 422: the server rejected the request; ``details`` holds what it said (redacted)."""

    details: object = None


class RateLimitError(APIError):
    """429 after every retry; ``retry_after`` is the server's last hint in seconds."""

    retry_after: float | None = None


class ServerError(APIError):
    """5xx after every retry."""


class TransportError(ModelCatalogError):
    """The request never got a whole HTTP answer: connection refused, reset, cut mid-body, timed out."""

    #: requests sent, the first one included
    attempts: int = 1


class APITimeoutError(TransportError):
    """A connect, read, write or pool timeout, or an attempt past its deadline, after every retry.

    ``TimeoutError`` is the same class under its old name (not in ``__all__``, so a star
    import does not shadow the builtin).
    """


TimeoutError = APITimeoutError  # noqa: A001 - the old name, kept importable


def with_request_id(error: ModelCatalogError, request_id: str | None) -> None:
    """Record the server's request id on ``error`` and in its message (once: the first one found wins)."""
    if request_id and error.request_id is None:
        error.request_id = request_id
        error.args = (error._full_message(),)  # noqa: SLF001 - the message is the error's own


class ResponseError(ModelCatalogError):
    """A success status whose body cannot be used; ``body`` keeps it whole."""

    def __init__(
        self,
        message: str,
        *,
        body: bytes = b"",
        status_code: int | None = None,
        provider: str | None = None,
        operation: str | None = None,
    ) -> None:
        self.body = body
        self.status_code = status_code
        super().__init__(message, provider=provider, operation=operation)


class BodyTooLargeError(ResponseError):
    """A response body larger than ``HTTPSettings.max_body_size`` after decompression.

    Reading stops at the cap, so ``body`` is empty; ``limit`` is the cap in bytes and
    ``content_length`` what the server announced, if anything. Not retried: the same
    request would bring the same body.
    """

    limit: int = 0
    content_length: int | None = None


class NotJSONError(ResponseError):
    """The body is not JSON (truncated, binary, plain text)."""


class HTMLPageError(ResponseError):
    """An HTML page where JSON was expected: usually a wrong base URL or path.

    Open WebUI answers its documented path ``/api/models/list`` with the web app's
    HTML and status 200; this error says so instead of a JSON decode error.
    """


class SchemaMismatchError(ResponseError):
    """JSON that does not match the provider's spec; ``path`` locates the first problem."""

    path: str = "$"


class ProviderReportedError(ResponseError):
    """The provider reported an error inside a success response (ModelsLab)."""


class IncompleteListingError(ModelCatalogError):
    """A listing that ended without every record: it stopped early, or left bad records out.

    Not raised by a listing: the records it has are delivered, and the catalog reports
    this as the provider's ``ProviderFailure`` (the command exits 1). ``reasons`` are the
    events that made it incomplete (``PaginationEvent``/``OffSpecEvent``).
    """

    def __init__(
        self,
        message: str,
        *,
        reasons: tuple[Event, ...] = (),
        provider: str | None = None,
        operation: str | None = None,
    ) -> None:
        self.reasons = reasons
        super().__init__(message, provider=provider, operation=operation)


class ProviderDefinitionError(ModelCatalogError):
    """A provider module that lacks a piece: raised when it is first used, naming the piece."""


class UnderlyingError(Exception):
    """What an underlying library raised, as the ``__cause__`` of ours: its type and scrubbed text.

    The original is not kept: its message, arguments and the locals of its traceback
    may hold a request's headers or body, credentials included.
    """

    def __init__(self, original: BaseException, text: str) -> None:
        kind = type(original)
        self.type_name = f"{kind.__module__}.{kind.__qualname__}"
        super().__init__(f"{self.type_name}: {text}" if text else self.type_name)


def seal_chain(error: BaseException, scrub: Callable[[str], str]) -> None:
    """Replace each link of ``error``'s ``__cause__``/``__context__`` chain that is not ours by an ``UnderlyingError``.

    ``scrub`` cleans the library's text; links that are ours are already clean and are
    followed, so a chain of any length is sealed.
    """
    pending, seen = [error], set()
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        for attribute in ("__cause__", "__context__"):
            link = getattr(current, attribute)
            if link is None or isinstance(link, UnderlyingError):
                continue
            if isinstance(link, ModelCatalogError):
                pending.append(link)
            else:
                setattr(current, attribute, UnderlyingError(link, scrub(str(link))))
